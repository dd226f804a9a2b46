using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What every rule asks of a compilation, built once and shared by all rules: the resolved SDK types and
    /// the per-tree options. Rules never look types up per node.
    /// </summary>
    internal sealed class DeepSeekCompilationContext
    {
        private static readonly ConditionalWeakTable<Compilation, DeepSeekCompilationContext> Cache =
            new ConditionalWeakTable<Compilation, DeepSeekCompilationContext>();

        private DeepSeekCompilationContext(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Types = new WellKnownTypes(compilation);
            Options = new DeepSeekOptionsCache(options.AnalyzerConfigOptionsProvider);
        }

        public Compilation Compilation { get; }

        public WellKnownTypes Types { get; }

        public DeepSeekOptionsCache Options { get; }

        public static DeepSeekCompilationContext Get(Compilation compilation, AnalyzerOptions options)
            => Cache.GetValue(compilation, c => new DeepSeekCompilationContext(c, options));
    }
}
