using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>What <see cref="DeepSeekRequestPolicy"/> and <see cref="DeepSeekHttpHandler"/> do to each chat-completions request.</summary>
    public sealed class DeepSeekRequestOptions
    {
        private int defaultMaxTokens = DeepSeekCatalog.DefaultMaxTokens;

        /// <summary>
        /// The <c>max_tokens</c> added to a request that sets no output limit (default 1024, from the catalog). DeepSeek
        /// has no published default, so a request without <c>max_tokens</c> has an unbounded cost.
        /// </summary>
        public int DefaultMaxTokens
        {
            get => defaultMaxTokens;
            set => defaultMaxTokens = value > 0 && value <= DeepSeekCatalog.MaxOutputTokens
                ? value
                : throw new ArgumentOutOfRangeException(nameof(value), value, $"DefaultMaxTokens must be between 1 and {DeepSeekCatalog.MaxOutputTokens}.");
        }

        /// <summary>When set, every chat request is sent with this thinking mode; when null the request's own (or V4's default, enabled) applies.</summary>
        public DeepSeekThinking? Thinking { get; set; }

        /// <summary>
        /// When set, each request reserves its worst-case cost before it is sent (refused with
        /// <see cref="DeepSeekBudgetExceededException"/> when it does not fit) and records its actual cost from the response's usage.
        /// </summary>
        public DeepSeekSpendGuard? SpendGuard { get; set; }

        /// <summary>Called with each response's usage, for non-streaming responses and for the final chunk of a streaming one.</summary>
        public Action<DeepSeekUsage>? OnUsage { get; set; }

        /// <summary>
        /// A flat price used for the spend guard at every hour; when null, the catalog's tiered price for the request's
        /// <c>model</c>, at the tier of the hour the request is sent (peak when a request straddles a tier change).
        /// </summary>
        public DeepSeekPrice? Price { get; set; }

        /// <summary>
        /// The application's calendar of Chinese public holidays: given a date in China Standard Time (UTC+8), true when it
        /// is one. DeepSeek bills holidays off-peak; they cannot be computed, so without a calendar they count as peak.
        /// </summary>
        public Func<DateTime, bool>? HolidayCalendar { get; set; }
    }
}
