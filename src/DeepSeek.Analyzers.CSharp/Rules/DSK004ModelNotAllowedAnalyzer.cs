using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK004: a current catalog model id outside <c>deepseek_analyzers.allowed_models</c> (default: <c>deepseek-flash</c>
    /// only, so <c>deepseek-v4-pro</c> needs approval). Catalog ids are DeepSeek's own, so no further evidence is needed; a
    /// client provably on another host is left alone. Old names are never DSK004: retired aliases are DSK002's alone and
    /// legacy names DSK011's alone (and a legacy name in the allowlist approves the model that replaced it).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK004ModelNotAllowedAnalyzer : ModelIdAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK004_ModelNotAllowed);

        private protected override ModelIdGates Gates => ModelIdGates.RuntimeConstants;

        /// <summary>Model ids compare exactly: <c>DeepSeek-V4-Pro</c> is another host's name. An id that is also an alias (added by the file) is the alias rules'.</summary>
        private protected override bool MayBeCandidate(string id, EffectiveCatalog catalog)
            => catalog.FindModel(id) != null && catalog.FindAlias(id) == null;

        private protected override bool IsCandidate(string id, EffectiveCatalog catalog, DeepSeekOptions options)
            => !options.IsAllowedModel(id, catalog);

        private protected override void Report(in ModelIdFinding finding)
            => finding.Report(
                Descriptors.DSK004_ModelNotAllowed,
                replacement: null,
                disableThinking: false,
                finding.Id,
                finding.Options.AllowedModels.IsDefaultOrEmpty ? "none" : string.Join(", ", finding.Options.AllowedModels));
    }
}
