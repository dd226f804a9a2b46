using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK000: <c>deepseek.catalog.json</c> could not be read. The catalog is parsed once per compilation by the shared
    /// context; this rule only reports its first error, once, inside the file.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK000InvalidCatalogFileAnalyzer : DeepSeekAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK000_InvalidCatalogFile);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var error = deepSeek.CatalogError;
            if (error == null)
            {
                return;
            }

            context.RegisterAdditionalFileAction(file =>
            {
                if (file.AdditionalFile.Path == error.Path)
                {
                    file.ReportDiagnostic(Diagnostic.Create(Descriptors.DSK000_InvalidCatalogFile, error.Location, error.Message));
                }
            });
        }
    }
}
