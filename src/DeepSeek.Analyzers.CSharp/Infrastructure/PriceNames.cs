using System;
using System.Collections.Generic;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What one name (identifier, tuple element, dictionary key) says about a price.</summary>
    internal readonly struct PriceName
    {
        public PriceName(bool isPrice, PriceRole? role, bool roleConflict, bool saysDeepSeek, bool saysRatio = false)
        {
            IsPrice = isPrice;
            Role = role;
            RoleConflict = roleConflict;
            SaysDeepSeek = saysDeepSeek;
            SaysRatio = saysRatio;
        }

        /// <summary>The name says a ratio or weight (<c>OutputTokensRatio</c>, <c>InputShare</c>): a role, but not a price.</summary>
        public bool SaysRatio { get; }

        /// <summary>The name says price: price, cost, usd, fee, per million / per 1K / per token, an input or output rate …</summary>
        public bool IsPrice { get; }

        /// <summary>The one role the name says, or null.</summary>
        public PriceRole? Role { get; }

        /// <summary>The name says two roles that do not combine (<c>InputOutputPrice</c>): it tells no role.</summary>
        public bool RoleConflict { get; }

        /// <summary>The name says DeepSeek (<c>DeepSeekPricing</c>, <c>deep_seek</c>, <c>"deepseek-chat"</c>).</summary>
        public bool SaysDeepSeek { get; }

        /// <summary>The name says a price or a role (or both): it is about billing.</summary>
        public bool IsSignificant => IsPrice || Role.HasValue || RoleConflict;
    }

    /// <summary>
    /// DSK005's reading of names: a price word and a role (hit/cached → cache-hit input, and it wins over input/prompt;
    /// miss/input/prompt → cache-miss input; output/completion → output). Names are split into words (camelCase, PascalCase,
    /// snake_case, kebab-case, digits), so <c>CacheHitInputUsdPer1M</c>, <c>cache_miss_price</c> and <c>"output"</c> read alike.
    /// Only called for a literal whose value is already a legacy price, so allocating the word list is fine here.
    /// </summary>
    internal static class PriceNames
    {
        private static readonly HashSet<string> PriceWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "price", "prices", "pricing", "priced", "cost", "costs", "usd", "dollar", "dollars", "fee", "fees", "tariff",
            "tariffs", "billing", "permillion", "pertoken", "perthousand", "per1m", "per1k", "mtok", "ktok",
        };

        /// <summary>Words right after "per" that make a unit: per million, per 1M, per 1K, per token, per thousand, per MTok.</summary>
        private static readonly HashSet<string> UnitWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "million", "m", "mtok", "mtoks", "k", "ktok", "thousand", "token", "tokens", "tok", "1m", "1k", "1000", "1000000",
        };

        /// <summary>Words of quantities that are no price, even beside a role word or in a cost-named type.</summary>
        private static readonly HashSet<string> RatioWords = new HashSet<string>(StringComparer.Ordinal)
        {
            "ratio", "ratios", "share", "fraction", "percent", "percentage", "weight", "factor", "probability", "threshold",
            "temperature", "multiplier",
        };

        private static readonly HashSet<string> RateQualifiers = new HashSet<string>(StringComparer.Ordinal)
        {
            "input", "output", "prompt", "completion", "token", "tokens",
        };

        /// <summary>Reads one name.</summary>
        public static PriceName Classify(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return default;
            }

            var words = Words(name!);
            bool price = false, hit = false, miss = false, input = false, output = false, cache = false, ratio = false;
            for (var i = 0; i < words.Count; i++)
            {
                var word = words[i];
                ratio |= RatioWords.Contains(word);
                if (PriceWords.Contains(word))
                {
                    price = true;
                }
                else if (word == "per" && i + 1 < words.Count && IsUnit(words, i + 1))
                {
                    price = true;
                }
                else if (word == "rate" || word == "rates")
                {
                    // A hit rate, error rate or learning rate is a ratio: only an input/output/token rate or a rate per unit is a price.
                    var priced = (i > 0 && RateQualifiers.Contains(words[i - 1]))
                                 || (i + 1 < words.Count && (words[i + 1] == "per" || words[i + 1] == "usd"));
                    price |= priced;
                    ratio |= !priced;
                }

                switch (word)
                {
                    case "hit":
                    case "hits":
                    case "cached":
                    case "cachehit":
                        hit = true;
                        break;
                    case "miss":
                    case "misses":
                    case "uncached":
                    case "cachemiss":
                        miss = true;
                        break;
                    case "input":
                    case "inputs":
                    case "prompt":
                    case "prompts":
                        input = true;
                        break;
                    case "output":
                    case "outputs":
                    case "completion":
                    case "completions":
                        output = true;
                        break;
                    case "cache":
                        cache = true;
                        break;
                }
            }

            PriceRole? role = null;
            var conflict = false;
            var roles = (hit ? 1 : 0) + (miss ? 1 : 0) + (output ? 1 : 0);
            if (roles > 1)
            {
                conflict = true;
            }
            else if (hit)
            {
                role = PriceRole.CacheHitInput;
            }
            else if (miss)
            {
                role = PriceRole.CacheMissInput;
            }
            else if (output)
            {
                role = input ? (PriceRole?)null : PriceRole.Output;
                conflict = input;
            }
            else if (input)
            {
                // "Cache input" says neither hit nor miss: silence rather than a guess.
                role = cache ? (PriceRole?)null : PriceRole.CacheMissInput;
                conflict = cache;
            }

            return new PriceName(price, role, conflict, SaysDeepSeek(name!), ratio);
        }

        /// <summary>True when the letters of <paramref name="text"/>, ignoring case, '-', '_' and spaces, hold "deepseek".</summary>
        public static bool SaysDeepSeek(string? text)
        {
            if (text == null)
            {
                return false;
            }

            const string Word = "deepseek";
            for (var start = 0; start + Word.Length <= text.Length; start++)
            {
                if (Lower(text[start]) != 'd')
                {
                    continue;
                }

                var matched = 1;
                for (var i = start + 1; i < text.Length && matched < Word.Length; i++)
                {
                    var c = text[i];
                    if (c == '-' || c == '_' || c == ' ')
                    {
                        continue;
                    }

                    if (Lower(c) != Word[matched])
                    {
                        break;
                    }

                    matched++;
                }

                if (matched == Word.Length)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The lower-case words of a name: <c>CacheHitUSDPer1MTokens</c> → cache, hit, usd, per, 1, m, tokens.</summary>
        public static List<string> Words(string name)
        {
            var words = new List<string>();
            var start = -1;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || !char.IsLetterOrDigit(name[i]);
                if (!boundary && start >= 0 && i > start)
                {
                    var previous = name[i - 1];
                    var current = name[i];
                    boundary = (char.IsLower(previous) && char.IsUpper(current))
                               || (char.IsLetter(previous) != char.IsLetter(current))
                               || (char.IsUpper(previous) && char.IsUpper(current) && i + 1 < name.Length && char.IsLower(name[i + 1]));
                    if (boundary)
                    {
                        words.Add(name.Substring(start, i - start).ToLowerInvariant());
                        start = i;
                        continue;
                    }
                }

                if (boundary)
                {
                    if (start >= 0)
                    {
                        words.Add(name.Substring(start, i - start).ToLowerInvariant());
                        start = -1;
                    }
                }
                else if (start < 0)
                {
                    start = i;
                }
            }

            return words;
        }

        /// <summary>The unit a name spells, when it spells one.</summary>
        public static PriceUnit? UnitOf(string? name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return null;
            }

            var words = Words(name!);
            for (var i = 0; i + 1 < words.Count; i++)
            {
                if (words[i] != "per")
                {
                    continue;
                }

                var next = words[i + 1];
                if (next == "1" && i + 2 < words.Count)
                {
                    next = "1" + words[i + 2];
                }

                switch (next)
                {
                    case "million":
                    case "m":
                    case "1m":
                    case "mtok":
                    case "mtoks":
                    case "1000000":
                        return PriceUnit.PerMillionTokens;
                    case "thousand":
                    case "k":
                    case "1k":
                    case "ktok":
                    case "1000":
                        return PriceUnit.PerThousandTokens;
                    case "token":
                    case "tokens":
                    case "tok":
                        return PriceUnit.PerToken;
                }
            }

            return null;
        }

        private static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

        private static bool IsUnit(List<string> words, int i)
        {
            var next = words[i];
            if (next == "1" && i + 1 < words.Count)
            {
                next = "1" + words[i + 1];
            }

            return UnitWords.Contains(next);
        }
    }
}
