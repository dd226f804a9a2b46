using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// One operation of a gated file handed to a rule: what <see cref="OperationAnalysisContext"/> gives an operation action
    /// (the operation, the member owning its code, the compilation, options, reporting, cancellation).
    /// </summary>
    internal readonly struct GatedOperationContext
    {
        private readonly Action<Diagnostic> _report;

        public GatedOperationContext(
            IOperation operation,
            ISymbol containingSymbol,
            Compilation compilation,
            AnalyzerOptions options,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            Operation = operation;
            ContainingSymbol = containingSymbol;
            Compilation = compilation;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public IOperation Operation { get; }

        /// <summary>The member whose code holds the operation (a method, accessor, field, property, or the entry point).</summary>
        public ISymbol ContainingSymbol { get; }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }
}
