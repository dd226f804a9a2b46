using System;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// URL parsing for evidence, in one place: the host of an endpoint written as text, without allocating a <see cref="System.Uri"/>
    /// (literals are checked by the thousand). The DeepSeek host (and misspellings such as <c>api.deep-seek.com</c>, which DSK010
    /// reports), well-known other AI hosts, and any other http(s) host.
    /// </summary>
    internal static class DeepSeekUrl
    {

        /// <summary>Evidence carried by a URL: the DeepSeek host (or a misspelling of it, which DSK010 reports) or another host.</summary>
        public static DeepSeekBinding BindingOf(string text, bool anyOtherHost)
        {
            if (text.Length < 8)
            {
                return DeepSeekBinding.Unknown;
            }

            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return DeepSeekBinding.Unknown;
            }

            var hostStart = scheme + 3;
            var hostEnd = hostStart;
            while (hostEnd < text.Length && text[hostEnd] != '/' && text[hostEnd] != '?' && text[hostEnd] != '#'
                   && !char.IsWhiteSpace(text[hostEnd]) && text[hostEnd] != '"')
            {
                hostEnd++;
            }

            if (hostEnd == hostStart)
            {
                return DeepSeekBinding.Unknown;
            }

            // Strip user info and port without allocating a Uri.
            var at = text.LastIndexOf('@', hostEnd - 1, hostEnd - hostStart);
            if (at >= 0)
            {
                hostStart = at + 1;
            }

            // "http://user@" has user info and no host.
            if (hostStart >= hostEnd)
            {
                return DeepSeekBinding.Unknown;
            }

            var portEnd = hostEnd;
            if (text[hostStart] == '[')
            {
                // An IPv6 literal ("[::1]:11434"): its colons are the address; a port follows the ']'.
                var close = text.IndexOf(']', hostStart, hostEnd - hostStart);
                if (close >= 0)
                {
                    portEnd = close + 1;
                }
            }
            else
            {
                var colon = text.IndexOf(':', hostStart, hostEnd - hostStart);
                if (colon >= 0)
                {
                    portEnd = colon;
                }
            }

            var length = portEnd - hostStart;
            if (length <= 0)
            {
                return DeepSeekBinding.Unknown;
            }

            if (IndexOf(text, hostStart, length, "deepseek") >= 0 || IndexOf(text, hostStart, length, "deep-seek") >= 0)
            {
                return DeepSeekBinding.Bound;
            }

            if (anyOtherHost || IsKnownOtherAIHost(text, hostStart, length))
            {
                // Only http(s) and ws(s) URLs are endpoints; "file://" or "urn:" are not.
                return StartsWithScheme(text, "http") || StartsWithScheme(text, "ws")
                    ? DeepSeekBinding.OtherHost
                    : DeepSeekBinding.Unknown;
            }

            return DeepSeekBinding.Unknown;
        }

        /// <summary>A bare DeepSeek host (Betalgo and hand-built URLs take one): <c>api.deepseek.com</c>, <c>api.deepseek.com/</c>.</summary>
        public static bool IsBareHost(string text)
            => text.Length >= DeepSeekCatalog.Host.Length && text.Length <= DeepSeekCatalog.Host.Length + 1
               && string.Compare(text, 0, DeepSeekCatalog.Host, 0, DeepSeekCatalog.Host.Length, StringComparison.OrdinalIgnoreCase) == 0
               && (text.Length == DeepSeekCatalog.Host.Length || text[text.Length - 1] == '/');


        private static bool IsKnownOtherAIHost(string text, int start, int length)
            => EndsWithHost(text, start, length, "openrouter.ai")
               || EndsWithHost(text, start, length, "openai.azure.com")
               || EndsWithHost(text, start, length, "services.ai.azure.com")
               || EndsWithHost(text, start, length, "inference.ai.azure.com")
               || EndsWithHost(text, start, length, "models.github.ai")
               || EndsWithHost(text, start, length, "api.openai.com")
               || EndsWithHost(text, start, length, "localhost")
               || EndsWithHost(text, start, length, "127.0.0.1")
               || EndsWithHost(text, start, length, "[::1]")
               || IndexOf(text, start, length, "ollama") >= 0;


        private static bool EndsWithHost(string text, int start, int length, string host)
        {
            if (length < host.Length)
            {
                return false;
            }

            var offset = start + length - host.Length;
            return string.Compare(text, offset, host, 0, host.Length, StringComparison.OrdinalIgnoreCase) == 0
                   && (offset == start || text[offset - 1] == '.');
        }


        private static int IndexOf(string text, int start, int length, string value)
            => text.IndexOf(value, start, length, StringComparison.OrdinalIgnoreCase);


        private static bool StartsWithScheme(string text, string scheme)
            => text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase);
    }
}
