using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Base of every rule: concurrent, skips generated code, and hands the rule the shared per-compilation context.
    /// Generated code is skipped by the rules themselves (<see cref="GatedFiles"/> with <see cref="GeneratedCode"/>, the
    /// compiler's own decision), not by the driver, whose check walks every token of each file with a finding.
    /// </summary>
    public abstract class DeepSeekAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            // Every callback that reads code goes through GatedFiles, which skips generated files and drops findings in
            // generated declarations: the driver need not check (and charge each first finding of a file a token walk).
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
                OnCompilationStart(start, DeepSeekCompilationContext.Get(start.Compilation, start.Options)));
        }

        private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek);
    }
}
