using System;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Finds model ids in JSON written inside string literals (<c>"model": "deepseek-chat"</c>) without parsing or
    /// allocating. Works on a literal's value (quote <c>"</c>) and on its source text, where a JSON quote is written
    /// <c>\"</c> (regular strings) or <c>""</c> (verbatim strings).
    /// </summary>
    internal static class JsonModelText
    {
        /// <summary>
        /// Index of the first JSON string value equal to <paramref name="value"/> (case-insensitive) whose property
        /// name contains "model", or -1. Prose that merely mentions the id is not matched.
        /// </summary>
        public static int IndexOfModelValue(string text, string value, string quote, int startIndex = 0)
        {
            var i = startIndex;
            while (i < text.Length)
            {
                i = text.IndexOf(value, i, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    return -1;
                }

                if (IsModelValueAt(text, i, value.Length, quote))
                {
                    return i;
                }

                i += value.Length;
            }

            return -1;
        }

        /// <summary>
        /// Index of the first JSON string value starting with <paramref name="prefix"/> (case-sensitive) whose property name
        /// contains "model", or -1; <paramref name="length"/> is the value's length up to its closing quote.
        /// </summary>
        public static int IndexOfModelValueWithPrefix(string text, string prefix, string quote, int startIndex, out int length)
        {
            length = 0;
            var i = startIndex;
            while (i < text.Length)
            {
                i = text.IndexOf(prefix, i, StringComparison.Ordinal);
                if (i < 0)
                {
                    return -1;
                }

                var end = text.IndexOf(quote, i + prefix.Length, StringComparison.Ordinal);
                if (end < 0)
                {
                    return -1;
                }

                if (IsModelValueAt(text, i, end - i, quote))
                {
                    length = end - i;
                    return i;
                }

                i += prefix.Length;
            }

            return -1;
        }

        /// <summary>
        /// Start of the next JSON string value at or after <paramref name="startIndex"/> whose property name contains "model"
        /// (<c>"model": "…"</c>, <c>"modelId": "…"</c>), or -1; <paramref name="length"/> is the value's length up to its closing
        /// quote. The one candidate search of the model-id rules: each rule then classifies the value.
        /// </summary>
        public static int NextModelValue(string text, string quote, int startIndex, out int length)
        {
            length = 0;
            var i = startIndex;
            while (i >= 0 && i < text.Length)
            {
                i = text.IndexOf("model", i, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    return -1;
                }

                var nameEnd = text.IndexOf(quote, i + 5, StringComparison.Ordinal);
                if (nameEnd < 0)
                {
                    return -1;
                }

                if (i >= quote.Length && text.LastIndexOf(quote, i - 1, StringComparison.Ordinal) >= 0)
                {
                    var colon = SkipSpaceForward(text, nameEnd + quote.Length, quote);
                    if (colon < text.Length && text[colon] == ':')
                    {
                        var open = SkipSpaceForward(text, colon + 1, quote);
                        if (StartsWith(text, open, quote))
                        {
                            var valueStart = open + quote.Length;
                            var valueEnd = text.IndexOf(quote, valueStart, StringComparison.Ordinal);
                            if (valueEnd < 0)
                            {
                                return -1;
                            }

                            length = valueEnd - valueStart;
                            return valueStart;
                        }
                    }
                }

                i = nameEnd + quote.Length;
            }

            return -1;
        }

        /// <summary>
        /// True for a chat-completion <em>response</em> (a test fixture or a logged reply: it has <c>"choices"</c>): its
        /// <c>"model"</c> echoes what a server answered, it is not a model id the code sends.
        /// </summary>
        public static bool IsResponseBody(string text) => HasProperty(text, "choices", "\"");

        /// <summary>True when the text holds a JSON property whose name equals <paramref name="name"/> (case-insensitive).</summary>
        public static bool HasProperty(string text, string name, string quote)
        {
            var i = 0;
            while (i < text.Length)
            {
                i = text.IndexOf(name, i, StringComparison.OrdinalIgnoreCase);
                if (i < 0)
                {
                    return false;
                }

                if (EndsWith(text, i, quote) && StartsWith(text, i + name.Length, quote))
                {
                    var after = SkipSpaceForward(text, i + name.Length + quote.Length, quote);
                    if (after < text.Length && text[after] == ':')
                    {
                        return true;
                    }
                }

                i += name.Length;
            }

            return false;
        }

        /// <summary>Checks <c>quote name quote ws : ws quote VALUE quote</c> with a name containing "model".</summary>
        private static bool IsModelValueAt(string text, int index, int length, string quote)
        {
            if (!EndsWith(text, index, quote) || !StartsWith(text, index + length, quote))
            {
                return false;
            }

            var colon = SkipSpaceBackward(text, index - quote.Length, quote);
            if (colon < 0 || text[colon] != ':')
            {
                return false;
            }

            var nameEnd = SkipSpaceBackward(text, colon, quote) + 1;
            if (nameEnd <= 0 || !EndsWith(text, nameEnd, quote))
            {
                return false;
            }

            var nameStop = nameEnd - quote.Length;
            var nameStart = text.LastIndexOf(quote, Math.Max(0, nameStop - 1), StringComparison.Ordinal);
            if (nameStart < 0)
            {
                return false;
            }

            nameStart += quote.Length;
            return nameStop > nameStart
                && text.IndexOf("model", nameStart, nameStop - nameStart, StringComparison.OrdinalIgnoreCase) >= 0;
        }

        /// <summary>Index of the last non-space character before <paramref name="end"/> (exclusive), or -1.</summary>
        private static int SkipSpaceBackward(string text, int end, string quote)
        {
            var i = end - 1;
            while (i >= 0)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i--;
                }
                else if (quote.Length == 2 && quote[0] == '\\' && i >= 1 && text[i - 1] == '\\' && (c == 'n' || c == 'r' || c == 't'))
                {
                    i -= 2;
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        private static int SkipSpaceForward(string text, int start, string quote)
        {
            var i = start;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else if (quote.Length == 2 && quote[0] == '\\' && c == '\\' && i + 1 < text.Length
                    && (text[i + 1] == 'n' || text[i + 1] == 'r' || text[i + 1] == 't'))
                {
                    i += 2;
                }
                else
                {
                    break;
                }
            }

            return i;
        }

        private static bool EndsWith(string text, int end, string quote)
            => end - quote.Length >= 0 && string.CompareOrdinal(text, end - quote.Length, quote, 0, quote.Length) == 0;

        private static bool StartsWith(string text, int start, string quote)
            => start + quote.Length <= text.Length && string.CompareOrdinal(text, start, quote, 0, quote.Length) == 0;
    }
}
