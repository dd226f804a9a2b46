using System;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What in a string constant is a real secret and what is a placeholder. Allocation-free on strings that hold no
    /// key; shared by the key rules and their fixes so both agree on what a key is.
    /// </summary>
    internal static class SecretText
    {
        /// <summary>The full length of a DeepSeek-shaped key (<c>sk-</c> + 32 hex).</summary>
        public static readonly int KeyLength = DeepSeekCatalog.KeyPrefix.Length + DeepSeekCatalog.KeyHexLength;

        // Words that mark a value as an illustration, not a secret (case-insensitive, as whole words).
        private static readonly string[] PlaceholderWords =
        {
            "your", "example", "sample", "test", "dummy", "fake", "placeholder", "changeme", "redacted",
            "replace", "demo", "mock",
        };

        private const string Hex = "0123456789abcdef";

        /// <summary>
        /// Index of the first DeepSeek-shaped key in <paramref name="text"/> that is not a placeholder, or -1.
        /// Placeholder words anywhere in the string (whole words) silence it (<c>"example: sk-…"</c>), as do keys whose hex is
        /// repeated or sequential (<c>sk-000…</c>, <c>sk-1234567890abcdef…</c>): no random key looks like that.
        /// </summary>
        public static int IndexOfRealKey(string text, int startIndex = 0)
        {
            // Masks and templates cannot hide a full 32-hex key, so beside one they prove nothing; the words still do.
            var index = DeepSeekCatalog.IndexOfKey(text, startIndex);
            if (index < 0 || HasPlaceholderWord(text))
            {
                return -1;
            }

            while (index >= 0)
            {
                if (!IsPatternedHex(text, index + DeepSeekCatalog.KeyPrefix.Length))
                {
                    return index;
                }

                index = DeepSeekCatalog.IndexOfKey(text, index + KeyLength);
            }

            return -1;
        }

        /// <summary>
        /// True when a value that is not DeepSeek-shaped still looks like a secret when it reaches a key sink: one token
        /// (after an optional <c>Bearer </c> scheme), at least 8 characters, letters and digits, not a URL, not a
        /// secret's name (<c>DEEPSEEK_API_KEY</c>, <c>DeepSeek:ApiKey</c>) and no placeholder.
        /// </summary>
        public static bool LooksLikeSecret(string? value, string variableName, string configurationKey)
        {
            if (value == null)
            {
                return false;
            }

            var secret = WithoutScheme(value);

            // DeepSeek-shaped values are judged by their shape alone: real ones are reported as keys, patterned ones are placeholders.
            if (secret.Length < 8 || DeepSeekCatalog.IndexOfKey(secret) >= 0 || HasPlaceholderMarker(secret)
                || string.Equals(secret, variableName, StringComparison.OrdinalIgnoreCase)
                || string.Equals(secret, configurationKey, StringComparison.OrdinalIgnoreCase)
                || string.Equals(secret, DeepSeekCatalog.ApiKeyEnvironmentVariable, StringComparison.OrdinalIgnoreCase)
                || string.Equals(secret, DeepSeekCatalog.ApiKeyConfigurationKey, StringComparison.OrdinalIgnoreCase)
                || secret.IndexOf("://", StringComparison.Ordinal) >= 0)
            {
                return false;
            }

            if (IsSecretNameLike(secret))
            {
                return false;
            }

            var letters = false;
            var digits = false;
            foreach (var c in secret)
            {
                if (char.IsWhiteSpace(c))
                {
                    return false;
                }

                letters |= char.IsLetter(c);
                digits |= char.IsDigit(c);
            }

            // A run of one repeated character (sk-xxxx…, ********) is a mask, not a key; so is a short or sequential body
            // after an sk- prefix (sk-abc123, sk-1234567890, abcdef123456): no issued key looks like that.
            var body = secret.StartsWith(DeepSeekCatalog.KeyPrefix, StringComparison.Ordinal) ? secret.Length - DeepSeekCatalog.KeyPrefix.Length : secret.Length;
            return letters && digits && body >= 8 && !IsMostlyOneCharacter(secret) && !IsMostlySequential(secret);
        }

        /// <summary>
        /// True for the name of a secret rather than a secret: an environment variable name (<c>MY_DEEPSEEK_KEY_V2</c>: upper
        /// case, digits and underscores) or a configuration path (<c>AI:DeepSeek:Key2</c>: identifiers joined by colons).
        /// </summary>
        private static bool IsSecretNameLike(string text)
        {
            var underscore = false;
            var upperOnly = true;
            var colons = 0;
            var segmentStart = true;
            var pathLike = true;
            foreach (var c in text)
            {
                if (c == '_')
                {
                    underscore = true;
                }
                else if (!(char.IsUpper(c) || char.IsDigit(c)))
                {
                    upperOnly = false;
                }

                if (c == ':')
                {
                    pathLike &= !segmentStart;
                    colons++;
                    segmentStart = true;
                }
                else
                {
                    pathLike &= char.IsLetterOrDigit(c) || c == '_' || c == '.' || c == '-';
                    pathLike &= !(segmentStart && char.IsDigit(c));
                    segmentStart = false;
                }
            }

            return (upperOnly && underscore) || (pathLike && colons > 0 && !segmentStart);
        }

        /// <summary>The value without a leading <c>Bearer </c> authentication scheme.</summary>
        public static string WithoutScheme(string value)
        {
            const string Bearer = "Bearer ";
            var trimmed = value.Trim();
            return trimmed.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? trimmed.Substring(Bearer.Length).Trim() : trimmed;
        }

        /// <summary>
        /// True for empty or blank values, placeholder words, masks (<c>xxxx</c>, <c>****</c>, <c>…</c>) and templates
        /// (<c>${X}</c>, <c>{{X}}</c>, <c>&lt;X&gt;</c>, <c>%X%</c>).
        /// </summary>
        public static bool HasPlaceholderMarker(string text)
        {
            if (text.Trim().Length == 0)
            {
                return true;
            }

            if (text.IndexOf("xxx", StringComparison.OrdinalIgnoreCase) >= 0
                || text.IndexOf("****", StringComparison.Ordinal) >= 0
                || text.IndexOf("...", StringComparison.Ordinal) >= 0
                || text.IndexOf('…') >= 0
                || HasTemplate(text))
            {
                return true;
            }

            return HasPlaceholderWord(text);
        }

        /// <summary>True when a placeholder word (your, example, test, …) occurs as a whole word.</summary>
        public static bool HasPlaceholderWord(string text)
        {
            foreach (var word in PlaceholderWords)
            {
                if (ContainsWord(text, word))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the 32 hex digits at <paramref name="start"/> are repeated or sequential: a period of at most half
        /// the key (<c>deadbeefdeadbeef…</c>), or most neighbours (or every second character) equal or one step apart
        /// (<c>000…</c>, <c>0123…</c>, <c>abcdef…</c>, <c>a1b2c3d4…</c>).
        /// For a random key each neighbour is predictable with probability 3/16, so 20 of 31 never happens by chance.
        /// </summary>
        public static bool IsPatternedHex(string text, int start)
        {
            var length = DeepSeekCatalog.KeyHexLength;
            for (var period = 1; period <= length / 2; period++)
            {
                var periodic = true;
                for (var i = start + period; i < start + length; i++)
                {
                    if (text[i] != text[i - period])
                    {
                        periodic = false;
                        break;
                    }
                }

                if (periodic)
                {
                    return true;
                }
            }

            // Neighbours (0123…) and, for two interleaved runs (a1b2c3d4…), every second character.
            return CountPredictable(text, start, length, lag: 1) >= 20 || CountPredictable(text, start, length, lag: 2) >= 20;
        }

        private static int CountPredictable(string text, int start, int length, int lag)
        {
            var predictable = 0;
            for (var i = start + lag; i < start + length; i++)
            {
                var previous = Hex.IndexOf(text[i - lag]);
                var current = Hex.IndexOf(text[i]);
                var step = (current - previous + 16) % 16;

                // "1234567890" wraps 9 → 0 rather than 9 → a; count that as sequential too.
                if (step == 0 || step == 1 || step == 15 || (text[i - lag] == '9' && text[i] == '0'))
                {
                    predictable++;
                }
            }

            return predictable;
        }

        /// <summary>
        /// True when at least two thirds of the neighbouring letter/digit pairs repeat or step by one (<c>123456</c>,
        /// <c>abc123</c>, <c>aaaa1111</c>); for a random token each pair does so with probability about 1/12.
        /// </summary>
        private static bool IsMostlySequential(string text)
        {
            var pairs = 0;
            var predictable = 0;
            for (var i = 1; i < text.Length; i++)
            {
                var previous = char.ToLowerInvariant(text[i - 1]);
                var current = char.ToLowerInvariant(text[i]);
                if (!char.IsLetterOrDigit(previous) || !char.IsLetterOrDigit(current))
                {
                    continue;
                }

                pairs++;
                var step = current - previous;
                if (step == 0 || step == 1 || step == -1 || (previous == '9' && current == '0'))
                {
                    predictable++;
                }
            }

            return pairs > 0 && predictable * 3 >= pairs * 2;
        }

        private static bool IsMostlyOneCharacter(string text)
        {
            var best = 0;
            var run = 0;
            for (var i = 0; i < text.Length; i++)
            {
                run = i > 0 && char.ToLowerInvariant(text[i]) == char.ToLowerInvariant(text[i - 1]) ? run + 1 : 1;
                best = Math.Max(best, run);
            }

            return best * 2 >= text.Length;
        }

        private static bool HasTemplate(string text)
        {
            return Encloses(text, "${", "}") || Encloses(text, "{{", "}}") || Encloses(text, "<", ">") || Encloses(text, "%", "%");
        }

        /// <summary>True when <paramref name="open"/> X <paramref name="close"/> occurs with a non-empty, identifier-like X.</summary>
        private static bool Encloses(string text, string open, string close)
        {
            var i = text.IndexOf(open, StringComparison.Ordinal);
            while (i >= 0)
            {
                var start = i + open.Length;
                var end = text.IndexOf(close, start, StringComparison.Ordinal);
                if (end < 0)
                {
                    return false;
                }

                if (end > start && IsTemplateName(text, start, end))
                {
                    return true;
                }

                i = text.IndexOf(open, start, StringComparison.Ordinal);
            }

            return false;
        }

        private static bool IsTemplateName(string text, int start, int end)
        {
            for (var i = start; i < end; i++)
            {
                var c = text[i];
                if (!(char.IsLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == ':' || c == ' '))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// Case-insensitive whole-word match: the word is bounded by the string's ends, non-letters or a camel-case
        /// boundary (<c>MyTestKey</c>, <c>YOUR_KEY</c>, <c>sk-your-key</c>).
        /// </summary>
        private static bool ContainsWord(string text, string word)
        {
            var i = text.IndexOf(word, StringComparison.OrdinalIgnoreCase);
            while (i >= 0)
            {
                var end = i + word.Length;
                var startsWord = i == 0 || !char.IsLetter(text[i - 1]) || (char.IsLower(text[i - 1]) && char.IsUpper(text[i]));
                var endsWord = end == text.Length || !char.IsLetter(text[end]) || (char.IsLower(text[end - 1]) && char.IsUpper(text[end]));
                if (startsWord && endsWord)
                {
                    return true;
                }

                i = text.IndexOf(word, i + 1, StringComparison.OrdinalIgnoreCase);
            }

            return false;
        }
    }
}
