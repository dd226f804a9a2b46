using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSeek.Runtime.Internal
{
    /// <summary>
    /// Passes a response body through unchanged while watching it for the usage. For server-sent events it looks at
    /// each <c>data:</c> line as it flows, so streaming is not delayed; any other body is kept and parsed at its end.
    /// Reports once, with the usage and the model that answered: at the end of the body, or when disposed before it.
    /// </summary>
    internal sealed class UsageWatchingStream : Stream
    {
        // The usage chunk is small; a longer line is content the watcher need not keep.
        private const int MaxLineLength = 1 << 20;

        // A non-streaming body larger than this is not kept for parsing (and is reported without usage).
        private const int MaxBufferedBody = 64 << 20;

        private static readonly byte[] DataPrefix = { (byte)'d', (byte)'a', (byte)'t', (byte)'a', (byte)':' };

        private readonly Stream inner;
        private readonly bool eventStream;
        private readonly Action<DeepSeekUsage?, string?> onEnd;
        private readonly MemoryStream pending = new MemoryStream();
        private bool overflow;
        private DeepSeekUsage? usage;
        private string? model;
        private int ended;

        public UsageWatchingStream(Stream inner, bool eventStream, Action<DeepSeekUsage?, string?> onEnd)
        {
            this.inner = inner;
            this.eventStream = eventStream;
            this.onEnd = onEnd;
        }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            return Observe(buffer, offset, read, count);
        }

        public override async Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            var read = await inner.ReadAsync(buffer, offset, count, cancellationToken).ConfigureAwait(false);
            return Observe(buffer, offset, read, count);
        }

#if NET5_0_OR_GREATER
        public override int Read(Span<byte> buffer)
        {
            var read = inner.Read(buffer);
            return Observe(buffer.Slice(0, read), read, buffer.Length);
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken).ConfigureAwait(false);
            return Observe(buffer.Span.Slice(0, read), read, buffer.Length);
        }
#endif

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                try
                {
                    End();
                }
                finally
                {
                    inner.Dispose();
                    pending.Dispose();
                }
            }

            base.Dispose(disposing);
        }

        private int Observe(byte[] buffer, int offset, int read, int requested)
            => Observe(new ReadOnlySpan<byte>(buffer, offset, read), read, requested);

        private int Observe(ReadOnlySpan<byte> data, int read, int requested)
        {
            if (read == 0)
            {
                if (requested > 0)
                {
                    End();
                }

                return 0;
            }

            if (!eventStream)
            {
                Keep(data);
                return read;
            }

            while (!data.IsEmpty)
            {
                var newline = data.IndexOf((byte)'\n');
                if (newline < 0)
                {
                    Keep(data);
                    break;
                }

                Keep(data.Slice(0, newline));
                Line();
                data = data.Slice(newline + 1);
            }

            return read;
        }

        private void Keep(ReadOnlySpan<byte> data)
        {
            if (overflow)
            {
                return;
            }

            var limit = eventStream ? MaxLineLength : MaxBufferedBody;
            if (pending.Length + data.Length > limit)
            {
                overflow = true;
                return;
            }

#if NET5_0_OR_GREATER
            pending.Write(data);
#else
            var copy = data.ToArray();
            pending.Write(copy, 0, copy.Length);
#endif
        }

        private void Line()
        {
            if (!overflow && pending.TryGetBuffer(out var segment))
            {
                ReadOnlySpan<byte> line = segment.AsSpan();
                if (!line.IsEmpty && line[line.Length - 1] == (byte)'\r')
                {
                    line = line.Slice(0, line.Length - 1);
                }

                if (line.StartsWith(DataPrefix))
                {
                    var payload = line.Slice(DataPrefix.Length);
                    while (!payload.IsEmpty && payload[0] == (byte)' ')
                    {
                        payload = payload.Slice(1);
                    }

                    if (!payload.IsEmpty && payload[0] == (byte)'{')
                    {
                        var facts = ResponseFacts.Read(new ReadOnlyMemory<byte>(payload.ToArray()));
                        usage = facts.Usage ?? usage;
                        model ??= facts.Model;
                    }
                }
            }

            pending.SetLength(0);
            overflow = false;
        }

        private void End()
        {
            if (Interlocked.Exchange(ref ended, 1) != 0)
            {
                return;
            }

            if (eventStream)
            {
                Line(); // a last line without its newline
            }
            else if (!overflow && pending.TryGetBuffer(out var body))
            {
                var facts = ResponseFacts.Read(body.AsMemory());
                usage = facts.Usage;
                model = facts.Model;
            }

            onEnd(usage, model);
        }
    }
}
