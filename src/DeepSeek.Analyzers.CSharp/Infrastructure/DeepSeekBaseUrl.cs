using System;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What is wrong with a DeepSeek base URL (DSK010), worst first.</summary>
    internal enum BaseUrlProblem
    {
        None,
        MisspeltHost,
        AnthropicPath,
        ChatCompletionsPath,
        NoTls,
    }

    /// <summary>
    /// DSK010's reading of a URL: the whole text must be one absolute http(s) URL. Kept apart from the evidence engine's URL
    /// parsing (<see cref="DeepSeekEvidence.BindingOfUrl"/>) because it also needs the scheme, port and path, and rewrites
    /// them; the two can share one URL type later. Allocates only when a problem is found.
    /// </summary>
    internal static class DeepSeekBaseUrl
    {
        /// <summary>
        /// The problem of <paramref name="text"/> and the corrected URL (every problem fixed at once, the rest kept).
        /// Path problems count only for an SDK endpoint (<paramref name="isSdkEndpoint"/>): a raw POST URL ends in
        /// /chat/completions by right.
        /// </summary>
        public static BaseUrlProblem Diagnose(string text, bool isSdkEndpoint, out string corrected)
        {
            corrected = text;
            int schemeEnd;
            if (StartsWith(text, 0, "https://"))
            {
                schemeEnd = 8;
            }
            else if (StartsWith(text, 0, "http://"))
            {
                schemeEnd = 7;
            }
            else
            {
                return BaseUrlProblem.None;
            }

            var hostEnd = schemeEnd;
            while (hostEnd < text.Length && text[hostEnd] != '/' && text[hostEnd] != '?' && text[hostEnd] != '#')
            {
                var c = text[hostEnd];
                // User info (a secret may sit there) or text around the URL: not a base URL this rule rewrites.
                if (c == '@' || char.IsWhiteSpace(c) || c == '"' || c == '{')
                {
                    return BaseUrlProblem.None;
                }

                hostEnd++;
            }

            for (var i = hostEnd; i < text.Length; i++)
            {
                if (char.IsWhiteSpace(text[i]) || text[i] == '"')
                {
                    return BaseUrlProblem.None;
                }
            }

            var portStart = text.IndexOf(':', schemeEnd, hostEnd - schemeEnd);
            var nameEnd = portStart >= 0 ? portStart : hostEnd;
            var hostLength = nameEnd - schemeEnd;
            var misspelt = false;
            if (!(hostLength == DeepSeekCatalog.Host.Length && StartsWith(text, schemeEnd, DeepSeekCatalog.Host)))
            {
                misspelt = DeepSeekCatalog.IsMisspeltHost(text.Substring(schemeEnd, hostLength));
                if (!misspelt)
                {
                    return BaseUrlProblem.None;
                }
            }

            var pathEnd = hostEnd;
            while (pathEnd < text.Length && text[pathEnd] != '?' && text[pathEnd] != '#')
            {
                pathEnd++;
            }

            var path = text.Substring(hostEnd, pathEnd - hostEnd);
            var problem = misspelt ? BaseUrlProblem.MisspeltHost : BaseUrlProblem.None;
            if (isSdkEndpoint)
            {
                var trimmed = path.TrimEnd('/');
                if (StartsWith(trimmed, 0, DeepSeekCatalog.AnthropicPath)
                    && (trimmed.Length == DeepSeekCatalog.AnthropicPath.Length || trimmed[DeepSeekCatalog.AnthropicPath.Length] == '/'))
                {
                    path = trimmed.Substring(DeepSeekCatalog.AnthropicPath.Length);
                    trimmed = path;
                    problem = problem == BaseUrlProblem.None ? BaseUrlProblem.AnthropicPath : problem;
                }

                if (EndsWith(trimmed, DeepSeekCatalog.ChatCompletionsPath))
                {
                    path = trimmed.Substring(0, trimmed.Length - DeepSeekCatalog.ChatCompletionsPath.Length);
                    problem = problem == BaseUrlProblem.None ? BaseUrlProblem.ChatCompletionsPath : problem;
                }
            }

            if (problem == BaseUrlProblem.None && schemeEnd == 7)
            {
                problem = BaseUrlProblem.NoTls;
            }

            if (problem != BaseUrlProblem.None)
            {
                var port = portStart >= 0 ? text.Substring(portStart, hostEnd - portStart) : string.Empty;
                corrected = "https://" + DeepSeekCatalog.Host + port + path + text.Substring(pathEnd);
            }

            return problem;
        }

        /// <summary>The message's reason for a problem.</summary>
        public static string Describe(BaseUrlProblem problem)
        {
            switch (problem)
            {
                case BaseUrlProblem.MisspeltHost:
                    return "misspells the API host " + DeepSeekCatalog.Host;
                case BaseUrlProblem.AnthropicPath:
                    return "is the Anthropic-format endpoint, which an OpenAI-format SDK cannot call";
                case BaseUrlProblem.ChatCompletionsPath:
                    return "ends in " + DeepSeekCatalog.ChatCompletionsPath + ", which the SDK appends itself";
                case BaseUrlProblem.NoTls:
                    return "sends the API key without TLS";
                default:
                    return string.Empty;
            }
        }

        private static bool StartsWith(string text, int index, string value)
            => index + value.Length <= text.Length && string.Compare(text, index, value, 0, value.Length, StringComparison.OrdinalIgnoreCase) == 0;

        private static bool EndsWith(string text, string value)
            => text.Length >= value.Length && StartsWith(text, text.Length - value.Length, value);
    }
}
