namespace DeepSeek.Analyzers
{
    /// <summary>Every rule id, once. Ids are stable once shipped (AnalyzerReleases.Shipped.md).</summary>
    internal static class RuleIdentifiers
    {
        public const string InvalidCatalogFile = "DSK000";

        public const string HardcodedApiKey = "DSK001";

        public const string RetiredModelAlias = "DSK002";
        public const string UnknownModelId = "DSK003";
        public const string ModelNotAllowed = "DSK004";
        public const string LegacyPricingConstant = "DSK005";

        public const string MissingMaxTokens = "DSK006";

        public const string UnboundedRetry = "DSK007";
        public const string ExcessiveRetry = "DSK008";
        public const string ClientSideApiKey = "DSK009";
        public const string MalformedBaseUrl = "DSK010";
        public const string LegacyModelName = "DSK011";
        public const string PerCallValueInPromptPrefix = "DSK012";

        /// <summary>Where each rule's page lives: docs/rules/&lt;id&gt;.md in this repository.</summary>
        public const string HelpLinkBase = "https://github.com/deepseek-analyzers/DeepSeek.Analyzers/blob/main/docs/rules/";

        public static string GetHelpUri(string id) => HelpLinkBase + id + ".md";
    }
}
