using System.Collections.Immutable;
using System.Composition;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK002 fix: the target model (<c>DeepSeekModels.Flash</c> with DeepSeek.Runtime), and for <c>deepseek-chat</c>
    /// thinking disabled where the request body is in reach, since the current models think by default.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK002RetiredModelAliasCodeFixProvider), DocumentKinds = new[] { nameof(TextDocumentKind.Document), nameof(TextDocumentKind.AdditionalDocument) })]
    [Shared]
    public sealed class DSK002RetiredModelAliasCodeFixProvider : ModelIdCodeFixProvider
    {
        public const string EquivalenceKey = "DSK002_UseCurrentModel";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.RetiredModelAlias);

        private protected override string Key => EquivalenceKey;
    }
}
