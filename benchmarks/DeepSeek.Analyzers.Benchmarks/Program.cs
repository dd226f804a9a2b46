using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Benchmarks
{
    /// <summary>
    /// What every user pays on every build: the DeepSeek rules' execution time against the compiler's own diagnostics time,
    /// on real code compiled into one compilation as a build does, in one process (median of several alternating rounds).
    /// </summary>
    /// <remarks>
    /// Usage: <c>dotnet run -c Release --project benchmarks/DeepSeek.Analyzers.Benchmarks -- [options] DIR...</c>
    /// (or <c>DEEPSEEK_BENCH_DIRS=dir1:dir2</c>). Every <c>*.cs</c> file under the directories joins one compilation
    /// (net10.0 reference assemblies plus the OpenAI, Microsoft.Extensions.AI, Semantic Kernel, Polly, Betalgo and
    /// Configuration SDKs). Options: <c>--rounds N</c> (default 5); <c>--snippets</c> (each raw string literal of the
    /// <c>*Tests.cs</c> files under DIR is one file: a DeepSeek-heavy corpus); <c>--option key=value</c> (a global
    /// .editorconfig option, e.g. <c>deepseek_analyzers.scope=all_openai_compatible</c>); <c>--implicit-usings</c> (the
    /// global usings the SDK generates for <c>ImplicitUsings</c>, for code from projects that rely on them); <c>--gate</c> (the per-file facts
    /// alone), <c>--walk</c> (the shared operation walk alone), <c>--list</c> (every finding, to read for false alarms).
    /// </remarks>
    public static class Program
    {
        public static async Task<int> Main(string[] args)
        {
            var rounds = 5;
            var snippets = false;
            var gateOnly = false;
            var walkOnly = false;
            var implicitUsings = false;
            var listOnly = false;
            var options = new Dictionary<string, string>(StringComparer.Ordinal);
            var directories = new List<string>();
            for (var i = 0; i < args.Length; i++)
            {
                switch (args[i])
                {
                    case "--rounds" when i + 1 < args.Length:
                        rounds = int.Parse(args[++i], System.Globalization.CultureInfo.InvariantCulture);
                        break;
                    case "--snippets":
                        snippets = true;
                        break;
                    case "--implicit-usings":
                        implicitUsings = true;
                        break;
                    case "--list":
                        listOnly = true;
                        break;
                    case "--walk":
                        walkOnly = true;
                        break;
                    case "--gate":
                        gateOnly = true;
                        break;
                    case "--option" when i + 1 < args.Length:
                        var pair = args[++i].Split('=', 2);
                        options[pair[0].Trim()] = pair.Length > 1 ? pair[1].Trim() : string.Empty;
                        break;
                    default:
                        directories.Add(args[i]);
                        break;
                }
            }

            var fromEnvironment = Environment.GetEnvironmentVariable("DEEPSEEK_BENCH_DIRS");
            if (directories.Count == 0 && !string.IsNullOrEmpty(fromEnvironment))
            {
                directories.AddRange(fromEnvironment.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries));
            }

            if (directories.Count == 0 || directories.Any(d => !Directory.Exists(d)))
            {
                Console.Error.WriteLine("usage: DeepSeek.Analyzers.Benchmarks [--rounds N] [--snippets] [--implicit-usings] [--gate | --walk | --list] [--option key=value] DIR... (or DEEPSEEK_BENCH_DIRS)");
                return 2;
            }

            var trees = snippets ? Corpus.SnippetTrees(directories) : Corpus.FileTrees(directories);
            if (implicitUsings)
            {
                // What the .NET SDK generates for a project with <ImplicitUsings>enable</ImplicitUsings> (console and library).
                trees = trees.Add(CSharpSyntaxTree.ParseText(
                    string.Join("\n", new[] { "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks" }
                        .Select(n => "global using global::" + n + ";")),
                    new CSharpParseOptions(LanguageVersion.Preview),
                    path: "GlobalUsings.g.cs"));
            }
            var compilation = CSharpCompilation.Create(
                "Bench",
                trees,
                Corpus.References(),
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, allowUnsafe: true, nullableContextOptions: NullableContextOptions.Enable));
            var lines = trees.Sum(t => t.GetText().Lines.Count);
            Console.WriteLine($"corpus: {trees.Length} files, {lines:N0} lines, {rounds} rounds (median), {string.Join(", ", directories)}");

            if (listOnly)
            {
                await ListAsync(compilation, new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new CommandLineOptions(options))).ConfigureAwait(false);
                return 0;
            }

            if (walkOnly)
            {
                TimeWalk(compilation, rounds);
                return 0;
            }

            if (gateOnly)
            {
                TimeGate(compilation, rounds);
                return 0;
            }

            var analyzers = Corpus.Analyzers();
            var analyzerOptions = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new CommandLineOptions(options));
            var compilerTimes = new List<double>();
            var ruleTimes = analyzers.ToDictionary(a => a, _ => new List<double>());

            // Rounds alternate which measurement goes first, so neither always runs on a warmer process.
            for (var round = 0; round < rounds + 1; round++)
            {
                var compilerFirst = round % 2 == 0;
                for (var step = 0; step < 2; step++)
                {
                    if ((step == 0) == compilerFirst)
                    {
                        var seconds = TimeCompiler(compilation);
                        if (round > 0)
                        {
                            compilerTimes.Add(seconds);
                        }
                    }
                    else
                    {
                        var times = await TimeAnalyzersAsync(compilation, analyzers, analyzerOptions).ConfigureAwait(false);
                        if (round > 0)
                        {
                            foreach (var (analyzer, seconds) in times)
                            {
                                ruleTimes[analyzer].Add(seconds);
                            }
                        }
                    }
                }
            }

            var compiler = Median(compilerTimes);
            var rules = ruleTimes.Where(p => !(p.Key is NoOpAnalyzer)).ToList();
            var all = Median(Enumerable.Range(0, rounds).Select(r => rules.Sum(p => p.Value[r])).ToList());
            Console.WriteLine($"compiler diagnostics (GetDiagnostics): {compiler:F3} s");
            Console.WriteLine($"all DSK rules (summed execution time): {all:F3} s = {100 * all / compiler:F2} % of compiler");

            // Each round's two measurements run back to back: their ratio is not moved by a machine that slows down or
            // speeds up between rounds, so its median is the steadier figure.
            var paired = Median(Enumerable.Range(0, rounds).Select(r => rules.Sum(p => p.Value[r]) / compilerTimes[r]).ToList());
            Console.WriteLine($"all DSK rules, median of each round's ratio: {100 * paired:F2} % of compiler");
            Console.WriteLine($"findings: {(LastFindings.Length == 0 ? "none" : LastFindings)}");
            foreach (var (analyzer, times) in ruleTimes.OrderBy(p => p.Key.GetType().Name, StringComparer.Ordinal))
            {
                var median = Median(times);
                var name = analyzer is NoOpAnalyzer ? "reference: no-op analyzer (every literal, invocation, creation)" : analyzer.GetType().Name;
                Console.WriteLine($"  {name,-64} {median:F3} s = {100 * median / compiler:F2} %");
            }

            return 0;
        }

        /// <summary>
        /// <c>--gate</c>: the per-file gate's text facts alone, every file once per round on one thread (what the first rule
        /// to ask about a file pays), against the text's size.
        /// </summary>
        private static void TimeGate(Compilation compilation, int rounds)
        {
            var characters = compilation.SyntaxTrees.Sum(t => (long)t.GetText().Length);
            var times = new List<double>();
            var open = 0;
            int[] counts = new int[4];
            for (var round = 0; round < rounds + 1; round++)
            {
                var context = DeepSeekCompilationContext.Get(compilation.Clone(), new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new CommandLineOptions(new Dictionary<string, string>())));
                var stopwatch = Stopwatch.StartNew();
                open = 0;
                counts = new int[4];
                foreach (var tree in context.Compilation.SyntaxTrees)
                {
                    var facts = new[]
                    {
                        context.Gate.MayHoldEvidence(tree, default), context.Gate.MayHoldKey(tree, default),
                        context.Gate.MayHoldDeepSeekUrl(tree, default), context.Gate.MayNameRetry(tree, default),
                    };
                    open += facts.Any(f => f) ? 1 : 0;
                    for (var i = 0; i < facts.Length; i++)
                    {
                        counts[i] += facts[i] ? 1 : 0;
                    }
                }

                if (round > 0)
                {
                    times.Add(stopwatch.Elapsed.TotalSeconds);
                }
            }

            var median = Median(times);
            Console.WriteLine($"gate: {median * 1000:F1} ms for {characters / 1e6:F1} M characters ({characters / 1e6 / median:F0} M/s), {open} of {compilation.SyntaxTrees.Count()} files open to some rule (evidence {counts[0]}, key {counts[1]}, URL {counts[2]}, retry {counts[3]})");
        }

        /// <summary><c>--list</c>: every finding of the rules on the corpus, to read them for false alarms.</summary>
        private static async Task ListAsync(Compilation compilation, AnalyzerOptions options)
        {
            var analyzers = Corpus.Analyzers().Where(a => !(a is NoOpAnalyzer)).ToImmutableArray();
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            foreach (var diagnostic in diagnostics.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start))
            {
                var line = diagnostic.Location.GetLineSpan();
                Console.WriteLine($"{line.Path}({line.StartLinePosition.Line + 1}): {diagnostic.Id} {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
            }

            Console.WriteLine($"{diagnostics.Length} findings");
        }

        /// <summary>
        /// <c>--walk</c>: the shared operation walk of every file (what the first rule to open a file pays), on operation trees
        /// already built, as the driver leaves them; against the number of operations.
        /// </summary>
        private static void TimeWalk(Compilation compilation, int rounds)
        {
            var fresh = compilation.Clone();
            var models = fresh.SyntaxTrees.Select(t => fresh.GetSemanticModel(t)).ToList();
            long operations = 0;
            foreach (var model in models)
            {
                foreach (var block in FileOperations.Of(model, default).Blocks)
                {
                    operations += block.Operations.Length;
                }
            }

            var times = new List<double>();
            for (var round = 0; round < rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                foreach (var model in models)
                {
                    FileOperations.WalkForBenchmark(model);
                }

                times.Add(stopwatch.Elapsed.TotalSeconds);
            }

            var rootTimes = new List<double>();
            var roots = 0;
            for (var round = 0; round < rounds; round++)
            {
                var stopwatch = Stopwatch.StartNew();
                roots = 0;
                foreach (var model in models)
                {
                    roots += OperationRoots.Of(model, default).Count();
                }

                rootTimes.Add(stopwatch.Elapsed.TotalSeconds);
            }

            var median = Median(times);
            Console.WriteLine($"walk: {median * 1000:F1} ms for {operations:N0} operations ({median * 1e9 / operations:F0} ns each); of which finding {roots:N0} code blocks and their members {Median(rootTimes) * 1000:F1} ms");
        }

        private static double TimeCompiler(Compilation compilation)
        {
            // A fresh clone: nothing bound by an earlier round is reused.
            var fresh = compilation.Clone();
            var stopwatch = Stopwatch.StartNew();
            fresh.GetDiagnostics();
            return stopwatch.Elapsed.TotalSeconds;
        }

        /// <summary>The findings of the last analyzer round, per rule (reporting is part of what the rules cost).</summary>
        private static string LastFindings = string.Empty;

        private static async Task<List<(DiagnosticAnalyzer, double)>> TimeAnalyzersAsync(
            Compilation compilation,
            ImmutableArray<DiagnosticAnalyzer> analyzers,
            AnalyzerOptions options)
        {
            // The compiler builds the source declarations whatever runs; done here first, they are not charged to
            // whichever rule happens to make the compilation's first type lookup.
            var fresh = compilation.Clone();
            fresh.GetTypeByMetadataName("System.Object");
            var withAnalyzers = fresh.WithAnalyzers(
                analyzers,
                new CompilationWithAnalyzersOptions(options, onAnalyzerException: null, concurrentAnalysis: true, logAnalyzerExecutionTime: true));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync().ConfigureAwait(false);
            var crashes = diagnostics.Where(d => d.Id == "AD0001").ToList();
            if (crashes.Count > 0)
            {
                throw new InvalidOperationException("An analyzer threw: " + crashes[0]);
            }

            LastFindings = string.Join(", ", diagnostics.GroupBy(d => d.Id).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key + " " + g.Count()));

            var result = new List<(DiagnosticAnalyzer, double)>();
            foreach (var analyzer in analyzers)
            {
                var telemetry = await withAnalyzers.GetAnalyzerTelemetryInfoAsync(analyzer, default).ConfigureAwait(false);
                result.Add((analyzer, telemetry.ExecutionTime.TotalSeconds));
            }

            return result;
        }

        private static double Median(List<double> values)
        {
            var sorted = values.OrderBy(v => v).ToList();
            return sorted.Count == 0 ? 0 : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
        }
    }

    internal static class Corpus
    {
        private static readonly CSharpParseOptions Parse = new CSharpParseOptions(LanguageVersion.Preview);

        public static ImmutableArray<SyntaxTree> FileTrees(IEnumerable<string> directories)
            => directories
                .SelectMany(d => Directory.EnumerateFiles(d, "*.cs", SearchOption.AllDirectories))
                .OrderBy(p => p, StringComparer.Ordinal)
                .Select(p => CSharpSyntaxTree.ParseText(File.ReadAllText(p), Parse, path: p))
                .ToImmutableArray();

        /// <summary>The C# snippets of rule tests (raw string literals holding code): every file talks to DeepSeek.</summary>
        public static ImmutableArray<SyntaxTree> SnippetTrees(IEnumerable<string> directories)
        {
            var markup = new System.Text.RegularExpressions.Regex(@"\{\|[^:|]*:|\|\}|\[\||\|\]");
            var result = ImmutableArray.CreateBuilder<SyntaxTree>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var path in directories.SelectMany(d => Directory.EnumerateFiles(d, "*Tests.cs", SearchOption.AllDirectories)).OrderBy(p => p, StringComparer.Ordinal))
            {
                var tokens = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot().DescendantTokens()
                    .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken));
                foreach (var token in tokens)
                {
                    var code = markup.Replace(token.ValueText, string.Empty);
                    if ((code.Contains("class ", StringComparison.Ordinal) || code.Contains(';', StringComparison.Ordinal))
                        && !code.TrimStart().StartsWith('{') && seen.Add(code))
                    {
                        // Snippets declare the same type names: one namespace each keeps the compilation bindable.
                        var wrapped = code.Contains("namespace ", StringComparison.Ordinal) || !code.Contains("class ", StringComparison.Ordinal)
                            ? code
                            : WrapInNamespace(code, "Snippet" + result.Count);
                        result.Add(CSharpSyntaxTree.ParseText(wrapped, Parse, path: $"{Path.GetFileNameWithoutExtension(path)}/{result.Count}.cs"));
                    }
                }
            }

            return result.ToImmutable();
        }

        private static string WrapInNamespace(string code, string name)
        {
            // Using directives stay on top; the rest moves into a file-scoped namespace.
            var lines = code.Split('\n');
            var usings = lines.TakeWhile(l => l.TrimStart().StartsWith("using ", StringComparison.Ordinal) || l.Trim().Length == 0 || l.TrimStart().StartsWith("#", StringComparison.Ordinal)).Count();
            return string.Join('\n', lines.Take(usings)) + "\nnamespace " + name + ";\n" + string.Join('\n', lines.Skip(usings));
        }

        public static ImmutableArray<MetadataReference> References()
        {
            var framework = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToList();
            var frameworkNames = new HashSet<string>(
                framework.OfType<PortableExecutableReference>().Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? string.Empty)),
                StringComparer.OrdinalIgnoreCase);
            var sdks = Directory.EnumerateFiles(AppContext.BaseDirectory, "*.dll")
                .Where(p =>
                {
                    var name = Path.GetFileNameWithoutExtension(p);
                    return !frameworkNames.Contains(name) && !name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
                           && !name.StartsWith("DeepSeek.Analyzers", StringComparison.Ordinal) && !name.StartsWith("Basic.", StringComparison.Ordinal);
                })
                .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
            return framework.Concat(sdks).ToImmutableArray();
        }

        public static ImmutableArray<DiagnosticAnalyzer> Analyzers()
            => typeof(DeepSeekAnalyzer).Assembly.GetTypes()
                .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
                .Where(t => Selected(t.Name))
                .OrderBy(t => t.Name, StringComparer.Ordinal)
                .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
                .Append(new NoOpAnalyzer())
                .ToImmutableArray();

        /// <summary><c>DEEPSEEK_BENCH_RULES=DSK001,DSK007</c> measures only those rules (all when unset).</summary>
        private static bool Selected(string analyzerName)
        {
            var rules = Environment.GetEnvironmentVariable("DEEPSEEK_BENCH_RULES");
            return string.IsNullOrWhiteSpace(rules)
                || rules.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Any(r => analyzerName.StartsWith(r, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>What the analyzer driver costs by itself: the action kinds the rules register, doing nothing.</summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    internal sealed class NoOpAnalyzer : DiagnosticAnalyzer
    {
        private static readonly DiagnosticDescriptor Rule = new("BENCH001", "no-op", "no-op", "Bench", DiagnosticSeverity.Hidden, true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterOperationAction(_ => { }, OperationKind.Literal, OperationKind.InterpolatedString, OperationKind.Invocation, OperationKind.ObjectCreation);
        }
    }

    /// <summary>Global .editorconfig options given on the command line.</summary>
    internal sealed class CommandLineOptions : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options;

        public CommandLineOptions(Dictionary<string, string> values) => _options = new Options(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Options(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, out string value)
            {
                var found = _values.TryGetValue(key, out var text);
                value = text ?? string.Empty;
                return found;
            }
        }
    }
}
