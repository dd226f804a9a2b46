using System;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Runtime.Internal;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// A <see cref="DelegatingHandler"/> for raw <see cref="HttpClient"/> calls to DeepSeek that does what
    /// <see cref="DeepSeekRequestPolicy"/> does for the OpenAI SDK: on a chat-completions POST it turns
    /// <c>max_completion_tokens</c> into <c>max_tokens</c>, adds a default <c>max_tokens</c> when none is set, sets the
    /// thinking mode when configured, refuses a model outside the allowlist or a request the balance guard stops,
    /// applies the spend guard, and reports the usage and records it as metrics (streaming responses included,
    /// watched as they are read). Other requests pass through untouched.
    /// </summary>
    /// <remarks>
    /// The synchronous <c>HttpClient.Send</c> is handled on .NET 8 and later. On .NET 5 to 7, which get the
    /// netstandard2.0 build, it cannot be overridden and bypasses the handler: use <c>SendAsync</c> there.
    /// </remarks>
    public sealed class DeepSeekHttpHandler : DelegatingHandler
    {
        private readonly DeepSeekRequestOptions options;

        /// <summary>Creates the handler with no inner handler, for <c>IHttpClientFactory</c> (<c>AddHttpMessageHandler</c>) to chain.</summary>
        public DeepSeekHttpHandler(DeepSeekRequestOptions? options = null)
        {
            this.options = options ?? new DeepSeekRequestOptions();
        }

        /// <summary>Creates the handler in front of <paramref name="innerHandler"/>, e.g. <c>new HttpClientHandler()</c>.</summary>
        public DeepSeekHttpHandler(HttpMessageHandler innerHandler, DeepSeekRequestOptions? options = null)
            : base(innerHandler)
        {
            this.options = options ?? new DeepSeekRequestOptions();
        }

        /// <inheritdoc />
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content == null || !DeepSeekChatCall.IsChatCompletions(request.Method.Method, request.RequestUri))
            {
                return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }

            var call = await Begin(request, await request.Content.ReadAsByteArrayAsync().ConfigureAwait(false), async: true, cancellationToken).ConfigureAwait(false);
            HttpResponseMessage response;
            try
            {
                response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                throw;
            }

            try
            {
                if (!Succeeded(call, response))
                {
                    return response;
                }

                var content = response.Content!;
                if (DeepSeekChatCall.IsEventStream(content.Headers.ContentType?.MediaType))
                {
                    var stream = await content.ReadAsStreamAsync().ConfigureAwait(false);
                    response.Content = Replace(content, new StreamContent(call.Watch(stream, content.Headers.ContentType?.MediaType)), disposeOriginal: false);
                }
                else
                {
                    var body = await content.ReadAsByteArrayAsync().ConfigureAwait(false);
                    response.Content = Replace(content, new ByteArrayContent(body));
                    call.CompleteBuffered(body);
                }

                return response;
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                response.Dispose();
                throw;
            }
        }

#if NET5_0_OR_GREATER
        /// <inheritdoc />
        protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Content == null || !DeepSeekChatCall.IsChatCompletions(request.Method.Method, request.RequestUri))
            {
                return base.Send(request, cancellationToken);
            }

            var call = Begin(request, ReadAll(request.Content.ReadAsStream(cancellationToken)), async: false, cancellationToken).GetAwaiter().GetResult();
            HttpResponseMessage response;
            try
            {
                response = base.Send(request, cancellationToken);
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                throw;
            }

            try
            {
                if (!Succeeded(call, response))
                {
                    return response;
                }

                var content = response.Content!;
                var stream = content.ReadAsStream(cancellationToken);
                if (DeepSeekChatCall.IsEventStream(content.Headers.ContentType?.MediaType))
                {
                    response.Content = Replace(content, new StreamContent(call.Watch(stream, content.Headers.ContentType?.MediaType)), disposeOriginal: false);
                }
                else
                {
                    var body = ReadAll(stream);
                    response.Content = Replace(content, new ByteArrayContent(body));
                    call.CompleteBuffered(body);
                }

                return response;
            }
            catch (Exception e)
            {
                call.Fail(e.GetType().FullName!);
                response.Dispose();
                throw;
            }
        }

        private static byte[] ReadAll(Stream stream)
        {
            using (stream)
            using (var buffer = new MemoryStream())
            {
                stream.CopyTo(buffer);
                return buffer.ToArray();
            }
        }
#endif

        private async Task<DeepSeekChatCall> Begin(HttpRequestMessage request, byte[] body, bool async, CancellationToken cancellationToken)
        {
            var call = await DeepSeekChatCall.BeginAsync(options, body, request.RequestUri, async, cancellationToken).ConfigureAwait(false);
            if (call.RewrittenBody != null)
            {
                request.Content = Replace(request.Content!, new ByteArrayContent(call.RewrittenBody));
            }

            return call;
        }

        private static bool Succeeded(DeepSeekChatCall call, HttpResponseMessage response)
        {
            if (!response.IsSuccessStatusCode || response.Content == null)
            {
                // DeepSeek bills neither an error nor an empty answer.
                call.Fail(response.IsSuccessStatusCode ? DeepSeekChatCall.OtherError : ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture));
                return false;
            }

            return true;
        }

        private static HttpContent Replace(HttpContent original, HttpContent replacement, bool disposeOriginal = true)
        {
            foreach (var header in original.Headers)
            {
                // The length belongs to the new body, which computes its own.
                if (!string.Equals(header.Key, "Content-Length", StringComparison.OrdinalIgnoreCase))
                {
                    replacement.Headers.TryAddWithoutValidation(header.Key, header.Value);
                }
            }

            // A streamed original stays open: disposing it would close the very stream the replacement reads from.
            if (disposeOriginal)
            {
                original.Dispose();
            }

            return replacement;
        }
    }
}
