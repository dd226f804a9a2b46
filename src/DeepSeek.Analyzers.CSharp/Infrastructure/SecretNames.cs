using System;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>Names that say "the DeepSeek API key": <c>DeepSeekApiKey</c>, <c>deepseekKey</c>, <c>DEEPSEEK_API_KEY</c>.</summary>
    internal static class SecretNames
    {
        /// <summary>
        /// True when the name mentions DeepSeek and its last word is key, token or secret. A name that ends in another
        /// word (<c>DeepSeekApiKeyName</c>, <c>DeepSeekKeyVariable</c>) holds where the key is, not the key.
        /// </summary>
        public static bool IsDeepSeekKeyName(string? name)
        {
            if (name == null || name.Length < "deepseekkey".Length
                || name.IndexOf("deep", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var compact = name.Replace("_", string.Empty);
            if (compact.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return false;
            }

            var lastWord = LastWord(name);
            return string.Equals(lastWord, "key", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastWord, "token", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastWord, "secret", StringComparison.OrdinalIgnoreCase)
                || compact.EndsWith("apikey", StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>The last camel-case or underscore-separated word of an identifier.</summary>
        private static string LastWord(string name)
        {
            var end = name.Length;
            while (end > 0 && name[end - 1] == '_')
            {
                end--;
            }

            var start = end - 1;
            while (start > 0)
            {
                var c = name[start];
                var previous = name[start - 1];
                if (previous == '_' || (char.IsUpper(c) && char.IsLower(previous)))
                {
                    break;
                }

                start--;
            }

            return start < 0 ? string.Empty : name.Substring(start, end - start);
        }
    }
}
