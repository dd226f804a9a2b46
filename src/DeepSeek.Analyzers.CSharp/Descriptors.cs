using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers
{
    /// <summary>Every rule's descriptor, built by one helper so severity, category and help link stay consistent.</summary>
    internal static class Descriptors
    {
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
            description: "deepseek-chat and deepseek-reasoner were retired on 2026-07-24. deepseek-chat ran V4 Flash without thinking, deepseek-reasoner with thinking; V4 thinks by default.");

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
