using System;
using System.Globalization;
using System.Text.Json;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Token counts of one DeepSeek response, from its <c>usage</c> object: <c>prompt_cache_hit_tokens</c>,
    /// <c>prompt_cache_miss_tokens</c>, <c>completion_tokens</c> and <c>completion_tokens_details.reasoning_tokens</c>.
    /// </summary>
    public sealed class DeepSeekUsage
    {
        private const decimal TokensPerPriceUnit = 1_000_000m;

        /// <summary>Creates a usage record.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A count is negative, or reasoning exceeds output.</exception>
        public DeepSeekUsage(long cacheHitTokens, long cacheMissTokens, long outputTokens, long reasoningTokens)
        {
            if (cacheHitTokens < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(cacheHitTokens));
            }

            if (cacheMissTokens < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(cacheMissTokens));
            }

            if (outputTokens < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(outputTokens));
            }

            if (reasoningTokens < 0 || reasoningTokens > outputTokens)
            {
                throw new ArgumentOutOfRangeException(nameof(reasoningTokens), "Reasoning tokens are part of the output tokens.");
            }

            CacheHitTokens = cacheHitTokens;
            CacheMissTokens = cacheMissTokens;
            OutputTokens = outputTokens;
            ReasoningTokens = reasoningTokens;
        }

        /// <summary>Input tokens served from the context cache (<c>prompt_cache_hit_tokens</c>).</summary>
        public long CacheHitTokens { get; }

        /// <summary>Input tokens not found in the cache (<c>prompt_cache_miss_tokens</c>).</summary>
        public long CacheMissTokens { get; }

        /// <summary>All input tokens (<c>prompt_tokens</c> = hit + miss).</summary>
        public long InputTokens => CacheHitTokens + CacheMissTokens;

        /// <summary>Output tokens (<c>completion_tokens</c>), reasoning tokens included.</summary>
        public long OutputTokens { get; }

        /// <summary>The part of <see cref="OutputTokens"/> spent thinking (<c>completion_tokens_details.reasoning_tokens</c>).</summary>
        public long ReasoningTokens { get; }

        /// <summary>The exact cost in USD of these tokens at <paramref name="price"/>.</summary>
        public decimal EstimateCost(DeepSeekPrice price)
        {
            if (price == null)
            {
                throw new ArgumentNullException(nameof(price));
            }

            return ((CacheHitTokens * price.CacheHitInput) + (CacheMissTokens * price.CacheMissInput) + (OutputTokens * price.Output))
                / TokensPerPriceUnit;
        }

        /// <summary>The cost in USD of these tokens when the hour they were sent is not known: at the peak rate, the safe side of a budget.</summary>
        public decimal EstimateCost(DeepSeekTieredPrice price)
            => EstimateCost((price ?? throw new ArgumentNullException(nameof(price))).Peak);

        /// <summary>
        /// The cost in USD of these tokens for a request sent at <paramref name="sentAt"/>, at that hour's tier.
        /// <paramref name="holidayCalendar"/> tells Chinese public holidays (billed off-peak); without one they count as peak.
        /// </summary>
        public decimal EstimateCost(DeepSeekTieredPrice price, DateTimeOffset sentAt, Func<DateTime, bool>? holidayCalendar = null)
            => EstimateCost((price ?? throw new ArgumentNullException(nameof(price))).At(sentAt, holidayCalendar));

        /// <summary>
        /// Parses a <c>usage</c> object, or a whole chat-completions response (or streaming chunk) that carries one.
        /// </summary>
        /// <exception cref="FormatException">The JSON holds no usage object.</exception>
        public static DeepSeekUsage Parse(string json)
        {
            if (json == null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            using (var document = JsonDocument.Parse(json))
            {
                return FromJson(document.RootElement) ?? throw new FormatException("The JSON holds no DeepSeek usage object.");
            }
        }

        /// <summary>
        /// The usage in <paramref name="element"/>: a <c>usage</c> object itself, or an object with a non-null
        /// <c>usage</c> property. Null when there is none (e.g. a streaming chunk before the last).
        /// </summary>
        public static DeepSeekUsage? FromJson(JsonElement element)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (element.TryGetProperty("usage", out var usage))
            {
                return usage.ValueKind == JsonValueKind.Object ? FromUsageObject(usage) : null;
            }

            var looksLikeUsage = element.TryGetProperty("prompt_tokens", out _)
                || element.TryGetProperty("completion_tokens", out _)
                || element.TryGetProperty("prompt_cache_miss_tokens", out _);
            return looksLikeUsage ? FromUsageObject(element) : null;
        }

        /// <summary>The counts, e.g. <c>cache hit 10, cache miss 20, output 30 (reasoning 5)</c>.</summary>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "cache hit {0}, cache miss {1}, output {2} (reasoning {3})", CacheHitTokens, CacheMissTokens, OutputTokens, ReasoningTokens);

        private static DeepSeekUsage FromUsageObject(JsonElement usage)
        {
            var hit = Count(usage, "prompt_cache_hit_tokens");
            long miss;
            if (usage.TryGetProperty("prompt_cache_miss_tokens", out var missElement) && missElement.ValueKind == JsonValueKind.Number)
            {
                miss = missElement.GetInt64();
            }
            else
            {
                // Hosts without cache accounting: every prompt token is billed as a miss, the safe side of a budget.
                miss = Math.Max(0, Count(usage, "prompt_tokens") - hit);
            }

            var output = Count(usage, "completion_tokens");
            long reasoning = 0;
            if (usage.TryGetProperty("completion_tokens_details", out var details) && details.ValueKind == JsonValueKind.Object)
            {
                reasoning = Count(details, "reasoning_tokens");
            }

            return new DeepSeekUsage(hit, miss, output, reasoning);
        }

        private static long Count(JsonElement obj, string name)
            => obj.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number ? value.GetInt64() : 0;
    }
}
