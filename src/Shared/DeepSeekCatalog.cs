// The one catalog of DeepSeek API facts. This file is compiled into the analyzer assembly and into
// DeepSeek.Runtime (linked source, see the two .csproj files), so every model id, alias, price, key
// shape and secret name exists exactly once. Facts: ../../../shared/spec/deepseek-facts.md.
// Users override parts of it without a new release (.editorconfig options, deepseek.catalog.json).
using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeek.Catalog
{
    /// <summary>Which part of a bill a price applies to.</summary>
    internal enum PriceRole
    {
        /// <summary>Input tokens served from the context cache.</summary>
        CacheHitInput,

        /// <summary>Input tokens not found in the context cache.</summary>
        CacheMissInput,

        /// <summary>Output (completion, including reasoning) tokens.</summary>
        Output,
    }

    /// <summary>A model id that api.deepseek.com serves today.</summary>
    internal sealed class CatalogModel
    {
        public CatalogModel(string id, bool thinkingByDefault, string description, DateTimeOffset since)
        {
            Id = id;
            ThinkingByDefault = thinkingByDefault;
            Description = description;
            Since = since;
        }

        public string Id { get; }

        public bool ThinkingByDefault { get; }

        public string Description { get; }

        /// <summary>When the id started to be served.</summary>
        public DateTimeOffset Since { get; }
    }

    /// <summary>Whether an old name still answers.</summary>
    internal enum AliasStatus
    {
        /// <summary>Inaccessible: a request under the name fails (DSK002).</summary>
        Retired,

        /// <summary>Still served by the model it maps to, as a temporary compatibility route (DSK011).</summary>
        Legacy,
    }

    /// <summary>An old name, whether it still answers, and the current model (and thinking mode) it maps to.</summary>
    internal sealed class CatalogAlias
    {
        public CatalogAlias(string alias, string currentModel, bool thinking, AliasStatus status, DateTimeOffset since)
        {
            Alias = alias;
            CurrentModel = currentModel;
            Thinking = thinking;
            Status = status;
            Since = since;
        }

        public string Alias { get; }

        /// <summary>The current model id that replaces the alias.</summary>
        public string CurrentModel { get; }

        /// <summary>
        /// Whether the alias ran in thinking mode. The current models think by default, so a non-thinking alias needs thinking
        /// disabled when it is replaced; a legacy name keeps the mode it had (both think by default).
        /// </summary>
        public bool Thinking { get; }

        public AliasStatus Status { get; }

        /// <summary>When the status became true: inaccessible since (retired), or demoted to a compatibility route since (legacy).</summary>
        public DateTimeOffset Since { get; }

        public bool IsRetired => Status == AliasStatus.Retired;

        public bool IsLegacy => Status == AliasStatus.Legacy;
    }

    /// <summary>A family of names that look like DeepSeek API ids but are not served by api.deepseek.com.</summary>
    internal sealed class NonApiModelFamily
    {
        public NonApiModelFamily(string prefix, string reason)
        {
            Prefix = prefix;
            Reason = reason;
        }

        /// <summary>The id, or the start of every id of the family (<c>deepseek-v3</c> covers <c>deepseek-v3.2-exp</c>).</summary>
        public string Prefix { get; }

        /// <summary>Why it is not an API id, for messages.</summary>
        public string Reason { get; }
    }

    /// <summary>One tier of a price table, in USD per 1M tokens.</summary>
    internal sealed class CatalogPrice
    {
        public CatalogPrice(decimal cacheHitInput, decimal cacheMissInput, decimal output)
        {
            CacheHitInput = cacheHitInput;
            CacheMissInput = cacheMissInput;
            Output = output;
        }

        public decimal CacheHitInput { get; }

        public decimal CacheMissInput { get; }

        public decimal Output { get; }

        public decimal For(PriceRole role)
        {
            switch (role)
            {
                case PriceRole.CacheHitInput:
                    return CacheHitInput;
                case PriceRole.CacheMissInput:
                    return CacheMissInput;
                default:
                    return Output;
            }
        }
    }

    /// <summary>
    /// The current price of a model: DeepSeek bills peak hours at <see cref="Peak"/> and every other hour at
    /// <see cref="OffPeak"/> (<see cref="DeepSeekCatalog.IsPeak"/>). A flat price has the same table in both tiers.
    /// </summary>
    internal sealed class ModelPrice
    {
        public ModelPrice(string model, CatalogPrice peak, CatalogPrice offPeak, DateTimeOffset since)
        {
            Model = model;
            Peak = peak;
            OffPeak = offPeak;
            Since = since;
        }

        /// <summary>The model id the price is for.</summary>
        public string Model { get; }

        public CatalogPrice Peak { get; }

        public CatalogPrice OffPeak { get; }

        /// <summary>When DeepSeek started to bill this price.</summary>
        public DateTimeOffset Since { get; }
    }

    /// <summary>A price DeepSeek no longer bills, for one role: a value is legacy for the roles it was billed in (0.28 was V3.2's cache-miss input and V4 Flash launch's output).</summary>
    internal sealed class LegacyPrice
    {
        public LegacyPrice(string generation, PriceRole role, decimal perMillion, string replacedBy, DateTimeOffset since)
        {
            Generation = generation;
            Role = role;
            PerMillion = perMillion;
            ReplacedBy = replacedBy;
            Since = since;
        }

        public string Generation { get; }

        public PriceRole Role { get; }

        public decimal PerMillion { get; }

        /// <summary>The current model whose price replaces it (V4 Pro prices by deepseek-v4-pro, every other one by Flash).</summary>
        public string ReplacedBy { get; }

        /// <summary>When DeepSeek started to bill it (month precision where the facts give only the month).</summary>
        public DateTimeOffset Since { get; }
    }

    internal static class DeepSeekCatalog
    {
        // ---- Endpoint -------------------------------------------------------------------------------

        /// <summary>The OpenAI-compatible base URL. The OpenAI SDK appends /chat/completions itself.</summary>
        public const string BaseUrl = "https://api.deepseek.com";

        /// <summary>The API host; evidence that a client talks to DeepSeek.</summary>
        public const string Host = "api.deepseek.com";

        /// <summary>Also-accepted OpenAI-compatible base path.</summary>
        public const string VersionedBasePath = "/v1";

        /// <summary>The chat-completions path, right only for a raw HttpClient POST URL.</summary>
        public const string ChatCompletionsPath = "/chat/completions";

        /// <summary>The account balance path (GET, Bearer key), relative to <see cref="BaseUrl"/>.</summary>
        public const string BalancePath = "/user/balance";

        /// <summary>The Anthropic-format base path: not an OpenAI-SDK endpoint.</summary>
        public const string AnthropicPath = "/anthropic";

        // ---- Misspelt API hosts (DSK010) ----------------------------------------------------------------

        /// <summary>
        /// Near misses of <see cref="Host"/> seen in real code: other top-level domains, a hyphenated or run-together name,
        /// one letter dropped, doubled or swapped. None is DeepSeek's; a request there fails or goes to a stranger, with
        /// the key. An explicit list, so a host DeepSeek really uses (platform., chat., www.) is never called a typo.
        /// </summary>
        public static readonly string[] MisspeltHosts =
        {
            "api.deepseek.ai", "api.deepseek.co", "api.deepseek.cn", "api.deepseek.io", "api.deepseek.net",
            "api.deepseek.org", "api.deepseek.cm", "api.deepseek.con", "api.deepseek.com.cn",
            "api.deep-seek.com", "api-deepseek.com", "api.deepseekapi.com",
            "api.depseek.com", "api.deepsek.com", "api.deepseeek.com", "api.deeepseek.com", "api.deapseek.com",
            "api.deepseak.com", "api.deepssek.com",
        };

        /// <summary>True when <paramref name="host"/> is one of <see cref="MisspeltHosts"/> (case-insensitive).</summary>
        public static bool IsMisspeltHost(string? host)
        {
            if (host == null)
            {
                return false;
            }

            foreach (var misspelt in MisspeltHosts)
            {
                if (string.Equals(host, misspelt, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- Key and secret names ---------------------------------------------------------------------

        /// <summary>Every DeepSeek key starts with this prefix.</summary>
        public const string KeyPrefix = "sk-";

        /// <summary>Number of lowercase hexadecimal characters after <see cref="KeyPrefix"/>.</summary>
        public const int KeyHexLength = 32;

        /// <summary>Conventional environment variable holding the key.</summary>
        public const string ApiKeyEnvironmentVariable = "DEEPSEEK_API_KEY";

        /// <summary>Conventional configuration key (appsettings, user secrets, Key Vault, env <c>DeepSeek__ApiKey</c>).</summary>
        public const string ApiKeyConfigurationKey = "DeepSeek:ApiKey";

        // ---- Models (DeepSeek's Models & Pricing page, checked 2026-11-15) ------------------------------------

        /// <summary>DeepSeek-V4.1-Flash, the default economical model (since 2026-09-10).</summary>
        public const string Flash = "deepseek-flash";

        /// <summary>DeepSeek-V4-Pro, for hard tasks.</summary>
        public const string V4Pro = "deepseek-v4-pro";

        /// <summary>The model code fixes migrate to unless <c>deepseek_analyzers.target_model</c> says otherwise.</summary>
        public const string DefaultTargetModel = Flash;

        /// <summary>Models approved without configuration (<c>deepseek_analyzers.allowed_models</c>).</summary>
        public const string DefaultAllowedModels = Flash;

        /// <summary>Prefix of every DeepSeek API model id.</summary>
        public const string ModelPrefix = "deepseek-";

        public const string ChatAlias = "deepseek-chat";

        public const string ReasonerAlias = "deepseek-reasoner";

        /// <summary>V4 Flash's id: still answered (by V4.1 Flash, at the Flash price) as a temporary compatibility route.</summary>
        public const string V4FlashLegacyName = "deepseek-v4-flash";

        public const string V4FlashVisionLegacyName = "deepseek-v4-flash-vision-exp";

        /// <summary>The request-body switch for thinking mode: <c>"thinking": {"type": "enabled" | "disabled"}</c>.</summary>
        public const string ThinkingProperty = "thinking";

        public const string ThinkingTypeProperty = "type";

        public const string ThinkingEnabled = "enabled";

        public const string ThinkingDisabled = "disabled";

        /// <summary>The only output limit DeepSeek honours.</summary>
        public const string MaxTokensProperty = "max_tokens";

        /// <summary>The OpenAI name for the output limit; DeepSeek silently ignores it.</summary>
        public const string MaxCompletionTokensProperty = "max_completion_tokens";

        /// <summary>Default <c>max_tokens</c> written by fixes and applied by the runtime when none is set.</summary>
        public const int DefaultMaxTokens = 1024;

        /// <summary>V4's maximum output (384K tokens).</summary>
        public const int MaxOutputTokens = 384 * 1024;

        /// <summary>Retry cap: at most this many retries, with exponential backoff and jitter.</summary>
        public const int DefaultMaxRetries = 2;

        /// <summary>Retries the OpenAI SDK (System.ClientModel ClientRetryPolicy) performs by default.</summary>
        public const int OpenAISdkDefaultRetries = 3;

        /// <summary>V4 (Flash and Pro) launched, with the prices of the April 2026 setup guides.</summary>
        public static readonly DateTimeOffset V4Launch = new DateTimeOffset(2026, 4, 24, 0, 0, 0, TimeSpan.Zero);

        /// <summary>When both retired aliases stopped answering (2026-07-24 15:59 UTC).</summary>
        public static readonly DateTimeOffset AliasRetirement = new DateTimeOffset(2026, 7, 24, 15, 59, 0, TimeSpan.Zero);

        /// <summary>When DeepSeek started to bill peak / off-peak (2026-08-16 16:00 UTC).</summary>
        public static readonly DateTimeOffset TieredPricingStart = new DateTimeOffset(2026, 8, 16, 16, 0, 0, TimeSpan.Zero);

        /// <summary>DeepSeek-V4.1-Flash released as <c>deepseek-flash</c>; the V4 Flash names became legacy.</summary>
        public static readonly DateTimeOffset V41FlashRelease = new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero);

        public static readonly IReadOnlyList<CatalogModel> Models = new[]
        {
            new CatalogModel(Flash, thinkingByDefault: true, "DeepSeek-V4.1-Flash: the default economical model (1M context, 384K output, vision).", V41FlashRelease),
            new CatalogModel(V4Pro, thinkingByDefault: true, "DeepSeek-V4-Pro: for hard tasks, about 2-3x Flash (no vision).", V4Launch),
        };

        public static readonly IReadOnlyList<CatalogAlias> Aliases = new[]
        {
            new CatalogAlias(ChatAlias, Flash, thinking: false, AliasStatus.Retired, AliasRetirement),
            new CatalogAlias(ReasonerAlias, Flash, thinking: true, AliasStatus.Retired, AliasRetirement),
            new CatalogAlias(V4FlashLegacyName, Flash, thinking: true, AliasStatus.Legacy, V41FlashRelease),
            new CatalogAlias(V4FlashVisionLegacyName, Flash, thinking: true, AliasStatus.Legacy, V41FlashRelease),
        };

        /// <summary>
        /// Names code uses that api.deepseek.com never served or no longer serves (other hosts use them as
        /// <c>deepseek/deepseek-r1</c>, <c>DeepSeek-R1</c>, <c>deepseek-r1:7b</c>).
        /// </summary>
        public static readonly IReadOnlyList<NonApiModelFamily> NonApiModelFamilies = new[]
        {
            new NonApiModelFamily("deepseek-coder", "retired in 2024, merged into deepseek-chat"),
            new NonApiModelFamily("deepseek-v2", "an old open-weight model name, not an API id"),
            new NonApiModelFamily("deepseek-v3", "a marketing and open-weight name, never an API id"),
            new NonApiModelFamily("deepseek-r1", "a marketing and open-weight name, never an API id"),
            new NonApiModelFamily("deepseek-v4.1-flash", "a marketing name or another provider's route, never an API id"),
            new NonApiModelFamily("deepseek-flash-4.1", "a marketing name or another provider's route, never an API id"),
        };

        // ---- Peak hours ---------------------------------------------------------------------------------

        /// <summary>
        /// Peak windows as [start, end) hours of the UTC day, Monday to Friday (09:00-12:00 and 14:00-18:00 Beijing time, the
        /// same calendar day there); every other hour, weekends and Chinese public holidays are billed off-peak.
        /// </summary>
        public static readonly IReadOnlyList<(int StartHour, int EndHour)> PeakHoursUtc = new[] { (1, 4), (6, 10) };

        /// <summary>China Standard Time, the calendar DeepSeek's public holidays follow.</summary>
        public static readonly TimeSpan ChinaStandardTimeOffset = TimeSpan.FromHours(8);

        /// <summary>
        /// True when <paramref name="time"/> falls in DeepSeek's peak hours. <paramref name="isHoliday"/> is the application's
        /// calendar of Chinese public holidays (given the date in China Standard Time); without one a holiday counts as peak,
        /// the safe side of a budget.
        /// </summary>
        public static bool IsPeak(DateTimeOffset time, Func<DateTime, bool>? isHoliday = null)
        {
            var utc = time.UtcDateTime;
            if (utc.DayOfWeek == DayOfWeek.Saturday || utc.DayOfWeek == DayOfWeek.Sunday)
            {
                return false;
            }

            var inWindow = false;
            for (var i = 0; i < PeakHoursUtc.Count; i++)
            {
                if (utc.Hour >= PeakHoursUtc[i].StartHour && utc.Hour < PeakHoursUtc[i].EndHour)
                {
                    inWindow = true;
                    break;
                }
            }

            return inWindow && (isHoliday == null || !isHoliday(time.ToOffset(ChinaStandardTimeOffset).Date));
        }

        /// <summary>
        /// True when any instant from <paramref name="start"/> to <paramref name="end"/> falls in peak hours. The tier changes
        /// only on a full hour, so the two ends and the full hours between them decide it.
        /// </summary>
        public static bool IsPeakDuring(DateTimeOffset start, DateTimeOffset end, Func<DateTime, bool>? isHoliday = null)
        {
            if (IsPeak(start, isHoliday) || IsPeak(end, isHoliday))
            {
                return true;
            }

            var utc = start.ToUniversalTime();
            var hour = new DateTimeOffset(utc.Year, utc.Month, utc.Day, utc.Hour, 0, 0, TimeSpan.Zero).AddHours(1);
            for (var i = 0; hour < end; i++, hour = hour.AddHours(1))
            {
                // A week holds every hour there is to check; a longer span surely crosses a peak window.
                if (i > 24 * 7 || IsPeak(hour, isHoliday))
                {
                    return true;
                }
            }

            return false;
        }

        // ---- Prices (USD per 1M tokens) ----------------------------------------------------------------

        /// <summary>deepseek-flash (and its legacy names): off-peak is half of peak.</summary>
        public static readonly ModelPrice FlashPrice = new ModelPrice(
            Flash,
            peak: new CatalogPrice(0.006m, 0.30m, 1.20m),
            offPeak: new CatalogPrice(0.003m, 0.15m, 0.60m),
            V41FlashRelease);

        public static readonly ModelPrice V4ProPrice = new ModelPrice(
            V4Pro,
            peak: new CatalogPrice(0.044m, 1.32m, 3.96m),
            offPeak: new CatalogPrice(0.022m, 0.66m, 1.98m),
            TieredPricingStart);

        public static readonly IReadOnlyList<ModelPrice> Prices = new[] { FlashPrice, V4ProPrice };

        /// <summary>Retired prices old code hard-codes, each with the role it was legacy for and the date it was first billed.</summary>
        public static readonly IReadOnlyList<LegacyPrice> LegacyPrices = new[]
        {
            Legacy("V3 deepseek-chat", 0.07m, 0.27m, 1.10m, Flash, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            Legacy("R1 deepseek-reasoner", 0.14m, 0.55m, 2.19m, Flash, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            Legacy("V3/R1 off-peak", 0.035m, 0.135m, 0.55m, Flash, new DateTimeOffset(2025, 2, 1, 0, 0, 0, TimeSpan.Zero)),
            Legacy("V3.1", 0.07m, 0.56m, 1.68m, Flash, new DateTimeOffset(2025, 9, 1, 0, 0, 0, TimeSpan.Zero)),
            Legacy("V3.2", 0.028m, 0.28m, 0.42m, Flash, new DateTimeOffset(2025, 9, 29, 0, 0, 0, TimeSpan.Zero)),
            Legacy("V4 Flash launch", 0.0028m, 0.14m, 0.28m, Flash, V4Launch),
            Legacy("V4 Pro discounted", 0.003625m, 0.435m, 0.87m, V4Pro, V4Launch),
            Legacy("V4 Pro list", 0.0145m, 1.74m, 3.48m, V4Pro, V4Launch),
            Legacy("V4 Flash peak", 0.014m, 0.44m, 1.32m, Flash, TieredPricingStart),
            Legacy("V4 Flash off-peak", 0.007m, 0.22m, 0.66m, Flash, TieredPricingStart),
        }.SelectMany(prices => prices).ToArray();

        // ---- Lookups -----------------------------------------------------------------------------------

        /// <summary>The alias entry for <paramref name="modelId"/> (case-insensitive, retired or legacy), or null.</summary>
        public static CatalogAlias? FindAlias(string? modelId) => FindAlias(Aliases, modelId);

        /// <summary>The current model entry for <paramref name="modelId"/> (exact, as the API compares), or null.</summary>
        public static CatalogModel? FindModel(string? modelId) => FindModel(Models, modelId);

        /// <summary>The current price of a model id (an alias is priced as the model that replaces it), or null.</summary>
        public static ModelPrice? FindPrice(string? modelId) => FindPrice(Aliases, Prices, modelId);

        /// <summary>The entry of <paramref name="aliases"/> for <paramref name="modelId"/> (case-insensitive), or null.</summary>
        public static CatalogAlias? FindAlias(IReadOnlyList<CatalogAlias> aliases, string? modelId)
        {
            if (modelId == null)
            {
                return null;
            }

            // Indexed, not foreach: no enumerator allocation on the analyzers' per-literal path.
            for (var i = 0; i < aliases.Count; i++)
            {
                if (string.Equals(aliases[i].Alias, modelId, StringComparison.OrdinalIgnoreCase))
                {
                    return aliases[i];
                }
            }

            return null;
        }

        /// <summary>The entry of <paramref name="models"/> for <paramref name="modelId"/> (exact, as the API compares), or null.</summary>
        public static CatalogModel? FindModel(IReadOnlyList<CatalogModel> models, string? modelId)
        {
            if (modelId == null)
            {
                return null;
            }

            for (var i = 0; i < models.Count; i++)
            {
                if (string.Equals(models[i].Id, modelId, StringComparison.Ordinal))
                {
                    return models[i];
                }
            }

            return null;
        }

        /// <summary>
        /// The one price lookup, shared by <see cref="FindPrice(string)"/> and the analyzers' effective catalog so the two cannot
        /// disagree: an alias is priced as the model that replaces it; a model id compares exactly.
        /// </summary>
        public static ModelPrice? FindPrice(IReadOnlyList<CatalogAlias> aliases, IReadOnlyList<ModelPrice> prices, string? modelId)
        {
            var alias = FindAlias(aliases, modelId);
            var id = alias != null ? alias.CurrentModel : modelId;
            for (var i = 0; i < prices.Count; i++)
            {
                if (string.Equals(prices[i].Model, id, StringComparison.Ordinal))
                {
                    return prices[i];
                }
            }

            return null;
        }

        /// <summary>True when <paramref name="host"/> is the DeepSeek API host (case-insensitive).</summary>
        public static bool IsDeepSeekHost(string? host)
            => host != null && string.Equals(host, Host, StringComparison.OrdinalIgnoreCase);

        /// <summary>
        /// True when <paramref name="text"/> holds a DeepSeek-shaped key (<c>sk-</c> + 32 lowercase hex) at
        /// <paramref name="index"/>, not glued to a longer token on either side.
        /// </summary>
        public static bool IsKeyAt(string text, int index)
        {
            // Subtracting, not adding: index + length overflows for an index near int.MaxValue.
            if (index < 0 || index > text.Length - KeyPrefix.Length - KeyHexLength
                || string.CompareOrdinal(text, index, KeyPrefix, 0, KeyPrefix.Length) != 0)
            {
                return false;
            }

            if (index > 0 && IsKeyChar(text[index - 1]))
            {
                return false;
            }

            var start = index + KeyPrefix.Length;
            for (var i = start; i < start + KeyHexLength; i++)
            {
                var c = text[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            var end = start + KeyHexLength;
            return end == text.Length || !IsKeyChar(text[end]);
        }

        /// <summary>Index of the first DeepSeek-shaped key in <paramref name="text"/>, or -1. Allocates nothing.</summary>
        public static int IndexOfKey(string text, int startIndex = 0)
        {
            var i = startIndex;
            while (i < text.Length)
            {
                i = text.IndexOf(KeyPrefix, i, StringComparison.Ordinal);
                if (i < 0)
                {
                    return -1;
                }

                if (IsKeyAt(text, i))
                {
                    return i;
                }

                i += KeyPrefix.Length;
            }

            return -1;
        }

        /// <summary>A key shown safely: <c>sk-…</c> and its last four characters.</summary>
        public static string MaskKey(string key)
        {
            if (key == null || key.Length <= 4)
            {
                return "…";
            }

            var prefix = key.StartsWith(KeyPrefix, StringComparison.Ordinal) ? KeyPrefix : string.Empty;
            return prefix + "…" + key.Substring(key.Length - 4);
        }

        private static LegacyPrice[] Legacy(string generation, decimal cacheHit, decimal cacheMiss, decimal output, string replacedBy, DateTimeOffset since)
            => new[]
            {
                new LegacyPrice(generation, PriceRole.CacheHitInput, cacheHit, replacedBy, since),
                new LegacyPrice(generation, PriceRole.CacheMissInput, cacheMiss, replacedBy, since),
                new LegacyPrice(generation, PriceRole.Output, output, replacedBy, since),
            };

        private static bool IsKeyChar(char c)
            => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }
}
