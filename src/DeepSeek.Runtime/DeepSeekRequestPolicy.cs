using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Threading.Tasks;
using DeepSeek.Runtime.Internal;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// A System.ClientModel pipeline policy for the OpenAI SDK (and Microsoft.Extensions.AI and Semantic Kernel on top of
    /// it) that makes chat-completions requests DeepSeek-correct: <c>max_completion_tokens</c> becomes <c>max_tokens</c>,
    /// a default <c>max_tokens</c> is added when none is set, the thinking mode is set when configured, a model outside
    /// the allowlist or a request the balance guard refuses is stopped before sending, the spend guard is applied, and
    /// the usage reported and recorded as metrics (<see cref="DeepSeekTelemetry"/>). Add it with <see cref="DeepSeekClientPipelineOptionsExtensions.UseDeepSeek{T}"/>.
    /// Other requests pass through untouched.
    /// </summary>
    public sealed class DeepSeekRequestPolicy : PipelinePolicy
    {
        private const string ContentTypeHeader = "Content-Type";

        private readonly DeepSeekRequestOptions options;

        /// <summary>Creates the policy; default <see cref="DeepSeekRequestOptions"/> when <paramref name="options"/> is null.</summary>
        public DeepSeekRequestPolicy(DeepSeekRequestOptions? options = null)
        {
            this.options = options ?? new DeepSeekRequestOptions();
        }

        /// <inheritdoc />
        public override void Process(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            var call = Begin(message, ReadBody(message, async: false).GetAwaiter().GetResult(), async: false).GetAwaiter().GetResult();
            if (call == null)
            {
                ProcessNext(message, pipeline, currentIndex);
                return;
            }

            try
            {
                ProcessNext(message, pipeline, currentIndex);
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                throw;
            }

            Observe(call, message);
        }

        /// <inheritdoc />
        public override async ValueTask ProcessAsync(PipelineMessage message, IReadOnlyList<PipelinePolicy> pipeline, int currentIndex)
        {
            var call = await Begin(message, await ReadBody(message, async: true).ConfigureAwait(false), async: true).ConfigureAwait(false);
            if (call == null)
            {
                await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
                return;
            }

            try
            {
                await ProcessNextAsync(message, pipeline, currentIndex).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                throw;
            }

            Observe(call, message);
        }

        private static async Task<byte[]?> ReadBody(PipelineMessage message, bool async)
        {
            var request = message.Request;
            if (request.Content == null || !DeepSeekChatCall.IsChatCompletions(request.Method, request.Uri))
            {
                return null;
            }

            using (var buffer = new MemoryStream())
            {
                if (async)
                {
                    await request.Content.WriteToAsync(buffer, message.CancellationToken).ConfigureAwait(false);
                }
                else
                {
                    request.Content.WriteTo(buffer, message.CancellationToken);
                }

                return buffer.ToArray();
            }
        }

        private async Task<DeepSeekChatCall?> Begin(PipelineMessage message, byte[]? body, bool async)
        {
            if (body == null)
            {
                return null;
            }

            var call = await DeepSeekChatCall.BeginAsync(options, body, message.Request.Uri, async, message.CancellationToken).ConfigureAwait(false);
            if (call.RewrittenBody != null)
            {
                // The caller's content is the caller's to dispose (the SDK does so with a using); it is only replaced here.
                message.Request.Content = BinaryContent.Create(BinaryData.FromBytes(call.RewrittenBody));
            }

            return call;
        }

        private static void Observe(DeepSeekChatCall call, PipelineMessage message)
        {
            var response = message.Response;
            if (response == null || response.Status < 200 || response.Status > 299)
            {
                call.Fail(response == null ? DeepSeekChatCall.OtherError : response.Status.ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (message.BufferResponse)
            {
                call.CompleteBuffered(response.Content.ToMemory());
                return;
            }

            var stream = response.ContentStream;
            if (stream == null)
            {
                call.Complete(null, null);
                return;
            }

            response.Headers.TryGetValue(ContentTypeHeader, out var contentType);
            response.ContentStream = call.Watch(stream, contentType);
        }
    }
}
