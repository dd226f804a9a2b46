using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime.Internal
{
    /// <summary>
    /// One chat-completions call as seen by <see cref="DeepSeekRequestPolicy"/> and <see cref="DeepSeekHttpHandler"/>:
    /// the body rewrite before sending, the spend reservation, and the usage report afterwards. Both front ends only
    /// move bytes in and out; every decision is made here so the two cannot drift apart.
    /// </summary>
    internal sealed class DeepSeekChatCall
    {
        private const string ModelProperty = "model";
        private const string StreamProperty = "stream";
        private const string StreamOptionsProperty = "stream_options";
        private const string IncludeUsageProperty = "include_usage";
        private const string EventStreamMediaType = "text/event-stream";
        private const decimal TokensPerPriceUnit = 1_000_000m;

        /// <summary>The conventions' <c>error.type</c> for a failure with neither a status code nor an exception.</summary>
        public const string OtherError = "_OTHER";

        private readonly DeepSeekRequestOptions options;
        private readonly DeepSeekTieredPrice? price;
        private readonly DeepSeekSpendReservation? reservation;
        private readonly string? requestModel;
        private readonly Uri? server;
        private readonly long started;
        private readonly DateTimeOffset sentAt;
        private int completed;

        private DeepSeekChatCall(
            DeepSeekRequestOptions options,
            byte[]? rewrittenBody,
            DeepSeekTieredPrice? price,
            DeepSeekSpendReservation? reservation,
            string? requestModel,
            Uri? server,
            DateTimeOffset sentAt)
        {
            this.options = options;
            RewrittenBody = rewrittenBody;
            this.price = price;
            this.reservation = reservation;
            this.requestModel = requestModel;
            this.server = server;
            this.sentAt = sentAt;
            started = Stopwatch.GetTimestamp();
        }

        /// <summary>The body to send instead of the original, or null when it is unchanged.</summary>
        public byte[]? RewrittenBody { get; }

        public static bool IsChatCompletions(string? method, Uri? uri)
            => string.Equals(method, "POST", StringComparison.OrdinalIgnoreCase)
                && uri != null
                && (uri.IsAbsoluteUri ? uri.AbsolutePath : uri.OriginalString.Split('?')[0])
                    .TrimEnd('/')
                    .EndsWith(DeepSeekCatalog.ChatCompletionsPath, StringComparison.OrdinalIgnoreCase);

        public static bool IsEventStream(string? contentType)
            => contentType != null && contentType.IndexOf(EventStreamMediaType, StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>
        /// Checks the model against the allowlist, rewrites the body, checks the balance and reserves the call's
        /// worst-case cost, in that order: the allowlist needs no network, a due balance read does, and a reservation is
        /// only made for a request that will be sent. Nothing has been sent yet.
        /// With <paramref name="async"/> false the returned task is complete (a due balance read is waited for).
        /// </summary>
        /// <exception cref="DeepSeekModelNotAllowedException">The model is not approved.</exception>
        /// <exception cref="DeepSeekBalanceTooLowException">The balance guard refused the call.</exception>
        /// <exception cref="DeepSeekBalanceUnknownException">The balance guard has never read the balance.</exception>
        /// <exception cref="DeepSeekBudgetExceededException">The spend guard refused the call.</exception>
        public static async Task<DeepSeekChatCall> BeginAsync(DeepSeekRequestOptions options, byte[] body, Uri? server, bool async, CancellationToken cancellationToken)
        {
            JsonObject? request;
            try
            {
                request = JsonNode.Parse(body) as JsonObject;
            }
            catch (JsonException)
            {
                request = null;
            }

            if (request == null)
            {
                if (options.SpendGuard != null)
                {
                    // An unreadable body cannot be priced, and an unpriced call would slip past the budget.
                    throw new InvalidOperationException("The chat-completions request body is not a JSON object, so the DeepSeek spend guard cannot estimate its cost; the request was not sent.");
                }

                await CheckBalance(options, async, cancellationToken).ConfigureAwait(false);
                return new DeepSeekChatCall(options, null, null, null, null, server, Now(options));
            }

            var model = ModelOf(request);
            if (model != null && !options.IsAllowed(model))
            {
                throw new DeepSeekModelNotAllowedException(model, new List<string>(options.AllowedModels).AsReadOnly());
            }

            var changed = ApplyMaxTokens(request, options.DefaultMaxTokens);
            changed |= ApplyThinking(request, options.Thinking);
            if (options.SpendGuard != null || options.OnUsage != null)
            {
                changed |= RequestStreamUsage(request);
            }

            var rewritten = changed ? Serialize(request) : null;

            var price = options.Price != null ? new DeepSeekTieredPrice(options.Price, options.Price) : null;
            if (price == null)
            {
                DeepSeekPricing.TryFor(model, out price);
            }

            if (options.SpendGuard != null && price == null)
            {
                throw new InvalidOperationException(
                    $"The DeepSeek spend guard has no price for model '{model}'; set DeepSeekRequestOptions.Price. The request was not sent.");
            }

            await CheckBalance(options, async, cancellationToken).ConfigureAwait(false);

            DeepSeekSpendReservation? reservation = null;
            if (options.SpendGuard != null)
            {
                // At peak: the response may end in a peak hour, and the reservation must cover whatever the call is billed.
                reservation = options.SpendGuard.Reserve(WorstCaseCost(request, (rewritten ?? body).Length, price!.Peak));
            }

            return new DeepSeekChatCall(options, rewritten, price, reservation, model, server, Now(options));
        }

        /// <summary>
        /// The call failed or was answered with an error: DeepSeek bills neither, so release the reservation.
        /// <paramref name="errorType"/> (a status code or an exception type, never a message) tags the duration metric.
        /// </summary>
        public void Fail(string errorType)
        {
            if (Interlocked.Exchange(ref completed, 1) == 0)
            {
                reservation?.Dispose();
                DeepSeekMetrics.RecordCall(requestModel, null, server, started, null, null, errorType);
            }
        }

        /// <summary>A successful buffered (non-streaming) response.</summary>
        public void CompleteBuffered(ReadOnlyMemory<byte> responseBody)
        {
            var facts = ResponseFacts.Read(responseBody);
            Complete(facts.Usage, facts.Model);
        }

        /// <summary>Wraps a successful response's content stream so that its usage is seen as the caller reads it.</summary>
        public Stream Watch(Stream content, string? contentType)
            => new UsageWatchingStream(content, IsEventStream(contentType), Complete);

        /// <summary>
        /// The response is done. Without a usage (a stream closed early) the reservation is recorded as spent: the
        /// tokens may have been generated and billed, and the guard errs on the side of the budget.
        /// </summary>
        public void Complete(DeepSeekUsage? usage, string? responseModel)
        {
            if (Interlocked.Exchange(ref completed, 1) != 0)
            {
                return;
            }

            // Billed at the tier of the hour the request was sent, or at peak when the call ran into a peak hour.
            decimal? cost = usage != null && price != null
                ? usage.EstimateCost(price.During(sentAt, Now(options), options.HolidayCalendar))
                : (decimal?)null;
            try
            {
                DeepSeekMetrics.RecordCall(requestModel, responseModel, server, started, usage, cost, null);
                if (usage != null)
                {
                    options.OnUsage?.Invoke(usage);
                }
            }
            finally
            {
                reservation?.Commit(cost ?? reservation.Amount);
            }
        }

        private static Task CheckBalance(DeepSeekRequestOptions options, bool async, CancellationToken cancellationToken)
        {
            var guard = options.BalanceGuard;
            if (guard == null)
            {
                return Task.CompletedTask;
            }

            if (async)
            {
                return guard.EnsureAvailableAsync(cancellationToken);
            }

            guard.EnsureAvailable(cancellationToken);
            return Task.CompletedTask;
        }

        private static bool ApplyMaxTokens(JsonObject request, int defaultMaxTokens)
        {
            var hasMaxTokens = request.TryGetPropertyValue(DeepSeekCatalog.MaxTokensProperty, out var maxTokens) && maxTokens != null;
            var hasCompletionTokens = request.TryGetPropertyValue(DeepSeekCatalog.MaxCompletionTokensProperty, out var completionTokens);
            if (hasCompletionTokens)
            {
                // DeepSeek ignores max_completion_tokens. An explicit max_tokens (e.g. set with the SDK's Patch API) wins.
                request.Remove(DeepSeekCatalog.MaxCompletionTokensProperty);
                if (!hasMaxTokens && completionTokens != null)
                {
                    request[DeepSeekCatalog.MaxTokensProperty] = completionTokens;
                    return true;
                }
            }

            if (!hasMaxTokens && (!hasCompletionTokens || completionTokens == null))
            {
                request[DeepSeekCatalog.MaxTokensProperty] = defaultMaxTokens;
                return true;
            }

            return hasCompletionTokens;
        }

        private static bool ApplyThinking(JsonObject request, DeepSeekThinking? thinking)
        {
            if (thinking == null)
            {
                return false;
            }

            var type = thinking == DeepSeekThinking.Disabled ? DeepSeekCatalog.ThinkingDisabled : DeepSeekCatalog.ThinkingEnabled;
            if (request.TryGetPropertyValue(DeepSeekCatalog.ThinkingProperty, out var existing) && existing is JsonObject thinkingObject)
            {
                // Keep whatever else the caller put in the thinking object; only the mode is ours to set.
                thinkingObject[DeepSeekCatalog.ThinkingTypeProperty] = type;
            }
            else
            {
                request[DeepSeekCatalog.ThinkingProperty] = new JsonObject { [DeepSeekCatalog.ThinkingTypeProperty] = type };
            }

            return true;
        }

        private static bool RequestStreamUsage(JsonObject request)
        {
            if (!(request.TryGetPropertyValue(StreamProperty, out var stream) && stream is JsonValue streamValue
                && streamValue.TryGetValue<bool>(out var isStreaming) && isStreaming))
            {
                return false;
            }

            // A stream reports usage only in a final chunk that must be asked for; the OpenAI SDK asks, raw callers may not.
            if (request.TryGetPropertyValue(StreamOptionsProperty, out var streamOptions) && streamOptions is JsonObject streamOptionsObject)
            {
                if (streamOptionsObject.TryGetPropertyValue(IncludeUsageProperty, out var include) && include is JsonValue includeValue
                    && includeValue.TryGetValue<bool>(out var included) && included)
                {
                    return false;
                }

                streamOptionsObject[IncludeUsageProperty] = true;
            }
            else
            {
                request[StreamOptionsProperty] = new JsonObject { [IncludeUsageProperty] = true };
            }

            return true;
        }

        /// <summary>The spend guard's clock (so tests and the guard agree on the hour), else the system's.</summary>
        private static DateTimeOffset Now(DeepSeekRequestOptions options) => options.SpendGuard?.Now() ?? DateTimeOffset.UtcNow;

        private static string? ModelOf(JsonObject request)
            => request.TryGetPropertyValue(ModelProperty, out var model) && model is JsonValue value && value.TryGetValue<string>(out var id) ? id : null;

        /// <summary>
        /// An upper bound of the call's cost: every body byte as a cache-miss input token (a token is at least one byte
        /// of the text, and the JSON around the text outweighs the chat template's few tokens per message), and
        /// max_tokens output tokens (it bounds the whole completion, reasoning included).
        /// </summary>
        private static decimal WorstCaseCost(JsonObject request, int bodyLength, DeepSeekPrice price)
        {
            long outputTokens = DeepSeekCatalog.MaxOutputTokens;
            if (request.TryGetPropertyValue(DeepSeekCatalog.MaxTokensProperty, out var maxTokens) && maxTokens is JsonValue value)
            {
                // A parsed number reads as long; the default this class wrote is an int, which TryGetValue<long> does not convert.
                if (value.TryGetValue<long>(out var limit) && limit >= 0)
                {
                    outputTokens = limit;
                }
                else if (value.TryGetValue<int>(out var intLimit) && intLimit >= 0)
                {
                    outputTokens = intLimit;
                }
            }

            return ((bodyLength * price.CacheMissInput) + (outputTokens * price.Output)) / TokensPerPriceUnit;
        }

        private static byte[] Serialize(JsonObject request)
        {
            using (var buffer = new MemoryStream())
            {
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    request.WriteTo(writer);
                }

                return buffer.ToArray();
            }
        }
    }
}
