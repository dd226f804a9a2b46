using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK002: a retired alias (<c>deepseek-chat</c> / <c>deepseek-reasoner</c>, or one <c>deepseek.catalog.json</c> marks
    /// retired) used as a model id: api.deepseek.com no longer answers it. The aliases are DeepSeek-specific, so no further
    /// evidence is needed; comparisons and migration tables (alias beside an id that answers) are not use.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK002RetiredModelAliasAnalyzer : OldModelNameAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK002_RetiredModelAlias);

        private protected override AliasStatus Status => AliasStatus.Retired;

        private protected override void Report(in ModelIdFinding finding)
        {
            var catalog = finding.DeepSeek.Catalog;
            var alias = catalog.FindAlias(finding.Id)!;
            var target = catalog.CurrentIdFor(finding.Options.TargetModel);

            // The current models think by default: a name that ran without thinking keeps its behaviour and cost only with
            // thinking disabled.
            var disableThinking = !alias.Thinking;
            finding.Report(
                Descriptors.DSK002_RetiredModelAlias,
                target,
                disableThinking,
                finding.Id,
                target,
                disableThinking ? " with thinking disabled (it thinks by default)" : string.Empty);
        }
    }
}
