using System;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Text;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Running;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Benchmarks
{
    /// <summary>
    /// Cost of every DeepSeek analyzer on a large file of ordinary code (thousands of string and numeric literals,
    /// no DeepSeek usage), against the same compilation with no analyzer: what every user pays on every build.
    /// </summary>
    [MemoryDiagnoser]
    public class AnalyzerBenchmarks
    {
        private Compilation _compilation = null!;
        private ImmutableArray<DiagnosticAnalyzer> _analyzers;

        [Params(2000)]
        public int Methods { get; set; }

        /// <summary>"all", "none" (the no-op analyzer) or one rule id: which analyzers run.</summary>
        [Params("none", "all", "DSK000", "DSK001", "DSK002", "DSK003", "DSK004", "DSK007", "DSK008")]
        public string Rules { get; set; } = "all";

        [GlobalSetup]
        public void Setup()
        {
            var source = new StringBuilder("using System; using System.Collections.Generic;\nnamespace Bench {\n");
            for (var i = 0; i < Methods; i++)
            {
                source.Append("class C").Append(i).Append(" { const string Name = \"customer-").Append(i)
                    .Append("\"; decimal Price = 12.5m; Dictionary<string, int> Map = new() { [\"key-").Append(i)
                    .Append("\"] = ").Append(i).Append(" }; string M(string s) => s == \"value\" ? $\"{s}-suffix\" : \"other text with words\"; }\n");
            }

            source.Append('}');
            _compilation = CSharpCompilation.Create(
                "Bench",
                new[] { CSharpSyntaxTree.ParseText(source.ToString()) },
                Basic.Reference.Assemblies.Net100.References.All,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var all = typeof(DeepSeekAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .ToImmutableArray();
            _analyzers = Rules switch
            {
                "all" => all,
                "none" => ImmutableArray.Create<DiagnosticAnalyzer>(new NoOpAnalyzer()),
                _ => all.Where(a => a.GetType().Name.StartsWith(Rules, StringComparison.Ordinal)).ToImmutableArray(),
            };
        }

        /// <summary>
        /// The analyzer driver with the chosen analyzers; "none" runs an analyzer that registers the same kinds of
        /// actions and does nothing, so the difference is what the rules themselves cost.
        /// </summary>
        [Benchmark]
        public Task<int> Analyze() => RunAsync(_analyzers);

        private async Task<int> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers)
        {
            // A fresh clone each time, so no run reuses another's bound trees.
            var withAnalyzers = _compilation.Clone().WithAnalyzers(analyzers, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            return diagnostics.Length;
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class NoOpAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("BENCH001", "no-op", "no-op", "Bench", DiagnosticSeverity.Hidden, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start =>
                    start.RegisterOperationAction(_ => { }, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Invocation, OperationKind.ObjectCreation));
            }
        }
    }

    public static class Program
    {
        public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
