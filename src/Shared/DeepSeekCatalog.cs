// The one catalog of DeepSeek API facts. This file is compiled into the analyzer assembly and into
// DeepSeek.Runtime (linked source, see the two .csproj files), so every model id, alias, price, key
// shape and secret name exists exactly once. Facts: ../../../shared/spec/deepseek-facts.md.
// Users override parts of it without a new release (.editorconfig options, deepseek.catalog.json).
using System;
using System.Collections.Generic;

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
        public CatalogModel(string id, bool thinkingByDefault, string description)
        {
            Id = id;
            ThinkingByDefault = thinkingByDefault;
            Description = description;
        }

        public string Id { get; }

        public bool ThinkingByDefault { get; }

        public string Description { get; }
    }

    /// <summary>A retired alias and the current model (and thinking mode) it mapped to.</summary>
    internal sealed class CatalogAlias
    {
        public CatalogAlias(string alias, string currentModel, bool thinking, DateTimeOffset retiredAfter)
        {
            Alias = alias;
            CurrentModel = currentModel;
            Thinking = thinking;
            RetiredAfter = retiredAfter;
        }

        public string Alias { get; }

        /// <summary>The current model id the alias was served by.</summary>
        public string CurrentModel { get; }

        /// <summary>Whether the alias ran in thinking mode. V4 thinks by default, so a non-thinking alias needs thinking disabled.</summary>
        public bool Thinking { get; }

        public DateTimeOffset RetiredAfter { get; }
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

    /// <summary>Prices in USD per 1M tokens.</summary>
    internal sealed class CatalogPrice
    {
        public CatalogPrice(string name, decimal cacheHitInput, decimal cacheMissInput, decimal output)
        {
            Name = name;
            CacheHitInput = cacheHitInput;
            CacheMissInput = cacheMissInput;
            Output = output;
        }

        public string Name { get; }

        public decimal CacheHitInput { get; }

        public decimal CacheMissInput { get; }

        public decimal Output { get; }

        public decimal For(PriceRole role)
        {
            switch (role)
            {
                case PriceRole.CacheHitInput: return CacheHitInput;
                case PriceRole.CacheMissInput: return CacheMissInput;
                default: return Output;
            }
        }
    }

    /// <summary>A retired price: legacy only for its role (0.28 is a current output price but a legacy input price).</summary>
    internal sealed class LegacyPrice
    {
        public LegacyPrice(string generation, PriceRole role, decimal perMillion)
        {
            Generation = generation;
            Role = role;
            PerMillion = perMillion;
        }

        public string Generation { get; }

        public PriceRole Role { get; }

        public decimal PerMillion { get; }
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

        // ---- Models ------------------------------------------------------------------------------------

        public const string V4Flash = "deepseek-v4-flash";

        public const string V4Pro = "deepseek-v4-pro";

        /// <summary>The model code fixes migrate to unless <c>deepseek_analyzers.target_model</c> says otherwise.</summary>
        public const string DefaultTargetModel = V4Flash;

        /// <summary>Models approved without configuration (<c>deepseek_analyzers.allowed_models</c>).</summary>
        public const string DefaultAllowedModels = V4Flash;

        /// <summary>Prefix of every DeepSeek API model id.</summary>
        public const string ModelPrefix = "deepseek-";

        public const string ChatAlias = "deepseek-chat";

        public const string ReasonerAlias = "deepseek-reasoner";

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

        /// <summary>When both retired aliases stopped answering (2026-07-24 15:59 UTC).</summary>
        public static readonly DateTimeOffset AliasRetirement = new DateTimeOffset(2026, 7, 24, 15, 59, 0, TimeSpan.Zero);

        public static readonly IReadOnlyList<CatalogModel> Models = new[]
        {
            new CatalogModel(V4Flash, thinkingByDefault: true, "V4 Flash: the default economical model (1M context, 384K output)."),
            new CatalogModel(V4Pro, thinkingByDefault: true, "V4 Pro: for hard tasks; about 3x Flash at the discounted rate."),
        };

        public static readonly IReadOnlyList<CatalogAlias> Aliases = new[]
        {
            new CatalogAlias(ChatAlias, V4Flash, thinking: false, AliasRetirement),
            new CatalogAlias(ReasonerAlias, V4Flash, thinking: true, AliasRetirement),
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
        };

        // ---- Prices (USD per 1M tokens) ----------------------------------------------------------------

        public static readonly CatalogPrice V4FlashPrice = new CatalogPrice(V4Flash, 0.0028m, 0.14m, 0.28m);

        /// <summary>V4 Pro at the discounted rate (announced until 2026-05-31, later said to be permanent: unverified).</summary>
        public static readonly CatalogPrice V4ProPrice = new CatalogPrice(V4Pro, 0.003625m, 0.435m, 0.87m);

        public static readonly CatalogPrice V4ProListPrice = new CatalogPrice(V4Pro + " (list)", 0.0145m, 1.74m, 3.48m);

        public static readonly IReadOnlyList<CatalogPrice> CurrentPrices = new[] { V4FlashPrice, V4ProPrice, V4ProListPrice };

        /// <summary>Retired prices old code hard-codes, each with the role it was legacy for.</summary>
        public static readonly IReadOnlyList<LegacyPrice> LegacyPrices = new[]
        {
            new LegacyPrice("V3 deepseek-chat", PriceRole.CacheHitInput, 0.07m),
            new LegacyPrice("V3 deepseek-chat", PriceRole.CacheMissInput, 0.27m),
            new LegacyPrice("V3 deepseek-chat", PriceRole.Output, 1.10m),
            new LegacyPrice("R1 deepseek-reasoner", PriceRole.CacheHitInput, 0.14m),
            new LegacyPrice("R1 deepseek-reasoner", PriceRole.CacheMissInput, 0.55m),
            new LegacyPrice("R1 deepseek-reasoner", PriceRole.Output, 2.19m),
            new LegacyPrice("V3/R1 off-peak", PriceRole.CacheHitInput, 0.035m),
            new LegacyPrice("V3/R1 off-peak", PriceRole.CacheMissInput, 0.135m),
            new LegacyPrice("V3/R1 off-peak", PriceRole.Output, 0.55m),
            new LegacyPrice("V3.1", PriceRole.CacheHitInput, 0.07m),
            new LegacyPrice("V3.1", PriceRole.CacheMissInput, 0.56m),
            new LegacyPrice("V3.1", PriceRole.Output, 1.68m),
            new LegacyPrice("V3.2", PriceRole.CacheHitInput, 0.028m),
            new LegacyPrice("V3.2", PriceRole.CacheMissInput, 0.28m),
            new LegacyPrice("V3.2", PriceRole.Output, 0.42m),
            new LegacyPrice("V4 Flash launch", PriceRole.CacheHitInput, 0.028m),
        };

        // ---- Lookups -----------------------------------------------------------------------------------

        /// <summary>The alias entry for <paramref name="modelId"/> (case-insensitive), or null.</summary>
        public static CatalogAlias? FindAlias(string? modelId) => FindAlias(Aliases, modelId);

        /// <summary>The current model entry for <paramref name="modelId"/> (exact, as the API compares), or null.</summary>
        public static CatalogModel? FindModel(string? modelId) => FindModel(Models, modelId);

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

        /// <summary>The current price table for a model id (aliases map to their current model), or null.</summary>
        public static CatalogPrice? FindPrice(string? modelId)
        {
            var alias = FindAlias(modelId);
            var id = alias != null ? alias.CurrentModel : modelId;
            if (string.Equals(id, V4Flash, StringComparison.Ordinal))
            {
                return V4FlashPrice;
            }

            if (string.Equals(id, V4Pro, StringComparison.Ordinal))
            {
                return V4ProPrice;
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
            if (index < 0 || index + KeyPrefix.Length + KeyHexLength > text.Length
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

        private static bool IsKeyChar(char c)
            => (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '-';
    }
}
