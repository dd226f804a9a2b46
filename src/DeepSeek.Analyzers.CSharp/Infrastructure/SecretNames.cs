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

            var end = name.Length;
            var lastWord = LastWord(name, ref end);
            var isKeyWord = string.Equals(lastWord, "key", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastWord, "token", StringComparison.OrdinalIgnoreCase)
                || string.Equals(lastWord, "secret", StringComparison.OrdinalIgnoreCase);
            if (!isKeyWord)
            {
                return compact.EndsWith("apikey", StringComparison.OrdinalIgnoreCase);
            }

            // A cache, section or stop-sequence "key"/"token" (DeepSeekCacheKey, DeepSeekStopToken) is no credential: the
            // word before must say what kind of credential it is, or be DeepSeek itself.
            var previous = LastWord(name, ref end);
            if (previous.Length == 0)
            {
                return true;
            }

            foreach (var word in CredentialWords)
            {
                if (previous.EndsWith(word, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static readonly string[] CredentialWords =
        {
            "seek", "api", "secret", "access", "auth", "bearer", "private", "client", "service", "user", "app",
        };

        /// <summary>
        /// The camel-case or underscore-separated word of an identifier that ends at <paramref name="end"/>; moves
        /// <paramref name="end"/> to its start.
        /// </summary>
        private static string LastWord(string name, ref int end)
        {
            while (end > 0 && name[end - 1] == '_')
            {
                end--;
            }

            if (end == 0)
            {
                return string.Empty;
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

            var word = name.Substring(start, end - start);
            end = start;
            return word;
        }
    }
}
