using System.Collections.Immutable;
using System.Composition;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK003 fix: the replacement the analyzer chose (the nearest id for a typo, never a legacy name; the target model for a
    /// retired or marketing name) — <c>DeepSeekModels.Flash</c> / <c>V4Pro</c> with DeepSeek.Runtime — or, inside JSON
    /// text, the id in place.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK003UnknownModelIdCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
    [Shared]
    public sealed class DSK003UnknownModelIdCodeFixProvider : ModelIdCodeFixProvider
    {
        public const string EquivalenceKey = "DSK003_UseCatalogModel";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnknownModelId);

        private protected override string Key => EquivalenceKey;
    }
}
