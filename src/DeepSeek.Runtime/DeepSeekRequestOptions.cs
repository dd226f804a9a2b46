using System;
using System.Collections.Generic;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Internal;

namespace DeepSeek.Runtime
{
    /// <summary>What <see cref="DeepSeekRequestPolicy"/> and <see cref="DeepSeekHttpHandler"/> do to each chat-completions request.</summary>
    public sealed class DeepSeekRequestOptions
    {
        private int defaultMaxTokens = DeepSeekCatalog.DefaultMaxTokens;
        private IList<string> allowedModels = new List<string> { DeepSeekCatalog.DefaultAllowedModels };
        private DeepSeekSpendGuard? spendGuard;

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
        /// <remarks>Its budget, spend and reservations are published as gauges (see <see cref="DeepSeekTelemetry"/>).</remarks>
        public DeepSeekSpendGuard? SpendGuard
        {
            get => spendGuard;
            set
            {
                spendGuard = value;
                DeepSeekMetrics.Track(value);
            }
        }

        /// <summary>
        /// The models a chat request may ask for (default: the catalog's default, Flash only, as DSK004 checks at build
        /// time). A request for any other model is refused with <see cref="DeepSeekModelNotAllowedException"/> before it
        /// is sent. A legacy name counts as the model it is served by, on either side; ids compare case-insensitively.
        /// Approve another model by adding it: <c>new DeepSeekRequestOptions { AllowedModels = { DeepSeekModels.V4Pro } }</c>
        /// (a collection initializer adds to the default). A request without a <c>model</c> is not checked: DeepSeek refuses it.
        /// </summary>
        /// <remarks>Change the list while setting up, not while requests are being sent: it is read without a lock.</remarks>
        public IList<string> AllowedModels
        {
            get => allowedModels;
            set => allowedModels = value ?? throw new ArgumentNullException(nameof(value));
        }

        /// <summary>
        /// When set, a chat request is refused with <see cref="DeepSeekBalanceTooLowException"/> before it is sent while the
        /// account is not available or its balance is below the guard's floor (see <see cref="DeepSeekBalanceGuard"/>).
        /// </summary>
        public DeepSeekBalanceGuard? BalanceGuard { get; set; }

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

        /// <summary>True when <see cref="AllowedModels"/> approves <paramref name="model"/>.</summary>
        internal bool IsAllowed(string model)
        {
            var wanted = CurrentModelOf(model);
            foreach (var allowed in allowedModels)
            {
                if (allowed != null && string.Equals(CurrentModelOf(allowed), wanted, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static string CurrentModelOf(string model) => DeepSeekCatalog.FindAlias(model)?.CurrentModel ?? model;
    }
}
