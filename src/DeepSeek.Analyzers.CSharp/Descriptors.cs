using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers
{
    /// <summary>Every rule's descriptor, built by one helper so severity, category and help link stay consistent.</summary>
    internal static class Descriptors
    {
        public static readonly DiagnosticDescriptor DSK000_InvalidCatalogFile = Create(
            RuleIdentifiers.InvalidCatalogFile,
            title: "Invalid deepseek.catalog.json",
            messageFormat: "deepseek.catalog.json is ignored: {0}",
            RuleCategories.Configuration,
            DiagnosticSeverity.Warning,
            description: "The optional catalog override could not be read, so the rules use the built-in catalog. The file is read as a whole or not at all.");

        public static readonly DiagnosticDescriptor DSK001_HardcodedApiKey = Create(
            RuleIdentifiers.HardcodedApiKey,
            title: "Hard-coded DeepSeek API key",
            messageFormat: "Hard-coded API key '{0}'{1}; read it from configuration or the environment",
            RuleCategories.Security,
            DiagnosticSeverity.Error,
            description: "A key in source code leaks with every push, fork and package: scanners find and abuse leaked keys within minutes. Read it from user secrets, the environment or a vault, and revoke the leaked key.");

        public static readonly DiagnosticDescriptor DSK002_RetiredModelAlias = Create(
            RuleIdentifiers.RetiredModelAlias,
            title: "Retired DeepSeek model alias",
            messageFormat: "'{0}' is a retired DeepSeek model alias and no longer answers; use '{1}'{2}",
            RuleCategories.Compatibility,
            DiagnosticSeverity.Error,
            description: "deepseek-chat and deepseek-reasoner have been inaccessible since 2026-07-24 15:59 UTC. deepseek-chat ran V4 Flash without thinking, deepseek-reasoner with thinking; deepseek-flash (V4.1 Flash) replaces both and thinks by default.");

        public static readonly DiagnosticDescriptor DSK003_UnknownModelId = Create(
            RuleIdentifiers.UnknownModelId,
            title: "Unknown or non-API DeepSeek model id",
            messageFormat: "'{0}' is not a model id of api.deepseek.com ({1}); use '{2}'",
            RuleCategories.Compatibility,
            DiagnosticSeverity.Warning,
            description: "api.deepseek.com serves only the catalog's model ids. deepseek-coder is retired; deepseek-v3, deepseek-v3.2 and deepseek-r1 are marketing and open-weight names used by other hosts, never API ids.");

        public static readonly DiagnosticDescriptor DSK004_ModelNotAllowed = Create(
            RuleIdentifiers.ModelNotAllowed,
            title: "Model outside the approved allowlist",
            messageFormat: "'{0}' is not in the approved models ({1}); approve it in deepseek_analyzers.allowed_models or use an approved model",
            RuleCategories.Cost,
            DiagnosticSeverity.Info,
            description: "deepseek_analyzers.allowed_models lists the models a project may use (default: deepseek-flash only). deepseek-v4-pro costs about 3x Flash at both peak and off-peak rates, so it needs approval.");

        public static readonly DiagnosticDescriptor DSK005_LegacyPricingConstant = Create(
            RuleIdentifiers.LegacyPricingConstant,
            title: "Legacy DeepSeek pricing constant",
            messageFormat: "{0} is the {1} {2} price ({3}), which DeepSeek no longer bills{4}",
            RuleCategories.Cost,
            DiagnosticSeverity.Warning,
            description: "DeepSeek has changed its prices five times since 2025 and bills peak / off-peak since 2026-08-16: a cost estimate, budget or spend guard built on an old price is wrong by up to several times. Use today's peak price (the safe bound when the hour is unknown; off-peak is half), or DeepSeek.Runtime's DeepSeekPricing.");

        public static readonly DiagnosticDescriptor DSK011_LegacyModelName = Create(
            RuleIdentifiers.LegacyModelName,
            title: "Legacy DeepSeek model name, still served",
            messageFormat: "'{0}' is a legacy DeepSeek model name: it still answers, served by '{1}', but only as a temporary compatibility route; use '{2}'",
            RuleCategories.Compatibility,
            DiagnosticSeverity.Warning,
            description: "deepseek-v4-flash and deepseek-v4-flash-vision-exp are still accepted, served by V4.1 Flash at the Flash price, but DeepSeek calls them a temporary compatibility alias with no published end date. Move to deepseek-flash before the route closes; the thinking mode is unchanged.");

        public static readonly DiagnosticDescriptor DSK012_PerCallValueInPromptPrefix = Create(
            RuleIdentifiers.PerCallValueInPromptPrefix,
            title: "Per-call value in the prompt prefix defeats DeepSeek's context cache",
            messageFormat: "'{0}' changes on every call and sits in the system prompt, so no request can reuse DeepSeek's context cache; keep the system prompt stable and put per-call context in the last user message",
            RuleCategories.Cost,
            DiagnosticSeverity.Info,
            description: "DeepSeek bills cache-hit input at 1/50 of a miss, and a request hits only where it matches an earlier request's prefix from the first message on. The current time, a new GUID or a random number in the system prompt makes every request a full miss. Cut dates to the day, or move the value into the last user message.");

        public static readonly DiagnosticDescriptor DSK007_UnboundedRetry = Create(
            RuleIdentifiers.UnboundedRetry,
            title: "Unbounded retry",
            messageFormat: "{0} retries without a bound; every retry of a paid API call is billed: retry at most {1} times with exponential backoff",
            RuleCategories.Reliability,
            DiagnosticSeverity.Warning,
            description: "A retry that never stops turns an outage, a rate limit or a bad request into a bill that never stops. DeepSeek's guidance is 1-2 retries with exponential backoff and jitter; 400, 401, 402 and 422 are never worth retrying.");

        public static readonly DiagnosticDescriptor DSK008_ExcessiveRetry = Create(
            RuleIdentifiers.ExcessiveRetry,
            title: "Retry above the cap or without backoff",
            messageFormat: "{0}",
            RuleCategories.Reliability,
            DiagnosticSeverity.Info,
            description: "Retries of DeepSeek calls should be few (deepseek_analyzers.max_retries, default 2) and back off exponentially. Retrying at once or at a constant pace hammers a rate-limited API, and a retry stacked on the OpenAI SDK's own 3 retries multiplies the attempts (3 application attempts x 4 SDK attempts = 12 calls).");

        public static readonly DiagnosticDescriptor DSK009_ClientSideApiKey = Create(
            RuleIdentifiers.ClientSideApiKey,
            title: "DeepSeek API key used in a client-side app",
            messageFormat: "This DeepSeek client runs on users' devices ({0}), where anyone can read its API key; route calls through a backend that holds the key",
            RuleCategories.Security,
            DiagnosticSeverity.Warning,
            description: "A Blazor WebAssembly or mobile app ships everything it uses to the user: a DeepSeek key in it, hard-coded or downloaded from configuration, can be read from the browser's network tab or the app package and spent by anyone. Call your own backend, which holds the key and applies limits.");

        public static readonly DiagnosticDescriptor DSK010_MalformedBaseUrl = Create(
            RuleIdentifiers.MalformedBaseUrl,
            title: "Malformed DeepSeek base URL",
            messageFormat: "'{0}' {1}; use '{2}'",
            RuleCategories.Compatibility,
            DiagnosticSeverity.Warning,
            description: "The OpenAI-format base URL is https://api.deepseek.com (or /v1): SDKs append /chat/completions themselves, /anthropic is for Anthropic-format clients, plain http exposes the key, and a misspelt host sends requests and key elsewhere.");

        public static readonly DiagnosticDescriptor DSK006_MissingMaxTokens = Create(
            RuleIdentifiers.MissingMaxTokens,
            title: "Chat request without an effective max_tokens",
            messageFormat: "{0}",
            RuleCategories.Cost,
            DiagnosticSeverity.Warning,
            description: "DeepSeek bills every output token, thinking included, and without max_tokens a reply may run to the model's maximum output (384K tokens on V4). DeepSeek honours only max_tokens: the OpenAI SDK's MaxOutputTokenCount, Microsoft.Extensions.AI's MaxOutputTokens and Semantic Kernel's MaxTokens go out as max_completion_tokens, which DeepSeek silently ignores. Send max_tokens, or attach DeepSeek.Runtime's request policy to the client.");

        private static DiagnosticDescriptor Create(
            string id,
            string title,
            string messageFormat,
            string category,
            DiagnosticSeverity severity,
            string description)
            => new DiagnosticDescriptor(
                id,
                title,
                messageFormat,
                category,
                severity,
                isEnabledByDefault: true,
                description: description,
                helpLinkUri: RuleIdentifiers.GetHelpUri(id));
    }
}
