using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK011: a legacy name (<c>deepseek-v4-flash</c>, <c>deepseek-v4-flash-vision-exp</c>, or an alias
    /// <c>deepseek.catalog.json</c> marks legacy) used as a model id. DeepSeek still answers it with the model that replaced
    /// it, as a temporary compatibility route with no published end date. Same positions, gates and silences as DSK002: a
    /// gateway on another host (Venice lists <c>deepseek-v4-flash</c> as its own id) is left alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK011LegacyModelNameAnalyzer : OldModelNameAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK011_LegacyModelName);

        private protected override AliasStatus Status => AliasStatus.Legacy;

        private protected override void Report(in ModelIdFinding finding)
        {
            var catalog = finding.DeepSeek.Catalog;
            var alias = catalog.FindAlias(finding.Id)!;

            // The thinking mode stays as it is: the legacy name and its replacement both think by default.
            finding.Report(
                Descriptors.DSK011_LegacyModelName,
                catalog.CurrentIdFor(finding.Options.TargetModel),
                disableThinking: false,
                finding.Id,
                alias.CurrentModel,
                catalog.CurrentIdFor(finding.Options.TargetModel));
        }
    }
}
