using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Base of every rule: concurrent, skips generated code, and hands the rule the shared per-compilation context.
    /// </summary>
    public abstract class DeepSeekAnalyzer : DiagnosticAnalyzer
    {
        public sealed override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.Analyze | GeneratedCodeAnalysisFlags.ReportDiagnostics);
            context.RegisterCompilationStartAction(start =>
                OnCompilationStart(start, DeepSeekCompilationContext.Get(start.Compilation, start.Options)));
        }

        private protected abstract void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek);
    }
}
