using System.Collections.Immutable;
using System.Composition;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK011 fix: the target model in place of the legacy name (<c>DeepSeekModels.Flash</c> with DeepSeek.Runtime); the
    /// thinking mode stays as it is.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK011LegacyModelNameCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
    [Shared]
    public sealed class DSK011LegacyModelNameCodeFixProvider : ModelIdCodeFixProvider
    {
        public const string EquivalenceKey = "DSK011_UseCurrentModel";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.LegacyModelName);

        private protected override string Key => EquivalenceKey;
    }
}
