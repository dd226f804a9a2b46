using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>
    /// Every analyzer over mutated versions of every test source (truncated, tokens deleted, unbalanced braces, quotes and
    /// #if): code as it looks while someone types. No analyzer may ever throw (AD0001).
    /// </summary>
    public class RobustnessTests
    {
        private static readonly Regex Markup = new(@"\{\|[^:|]*:|\|\}|\[\||\|\]", RegexOptions.Compiled);

        public static IEnumerable<object[]> TestFiles() => Directory
            .EnumerateFiles(Path.Combine(RuleInventory.RepositoryRoot, "tests", "DeepSeek.Analyzers.Tests", "Rules"), "*.cs", SearchOption.AllDirectories)
            .Select(path => new object[] { Path.GetFileName(path) })
            .OrderBy(a => (string)a[0], StringComparer.Ordinal);

        [Fact]
        public void Finds_test_sources() => Assert.True(SourcesOf("DSK002RetiredModelAliasTests.cs").Count >= 20);

        [Theory]
        [MemberData(nameof(TestFiles))]
        public async Task No_analyzer_throws_on_mutated_test_sources(string testFile)
        {
            var sources = SourcesOf(testFile);
            Assert.NotEmpty(sources);
            var failures = await RunAsync(RuleInventory.Analyzers, sources);
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        }

        [Fact]
        public async Task Harness_catches_an_analyzer_that_throws()
        {
            var failures = await RunAsync(ImmutableArray.Create<DiagnosticAnalyzer>(new ThrowingAnalyzer()), new List<string> { "class C { string M() => \"x\"; }" });
            Assert.NotEmpty(failures);
        }

        private static async Task<List<string>> RunAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, List<string> sources)
        {
            var failures = new ConcurrentBag<string>();
            var references = TestReferences.Framework.AddRange(TestReferences.Sdks).Add(TestReferences.Runtime);
            var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);

            foreach (var (source, index) in sources.Select((s, i) => (s, i)))
            {
                // One compilation per source holding all its mutants: each tree is analysed on its own.
                var trees = Mutants(source, seed: index)
                    .Select((text, i) => CSharpSyntaxTree.ParseText(text, parseOptions, path: $"/m{i}.cs"))
                    .ToArray();
                var compilation = CSharpCompilation.Create(
                    "Mutants",
                    trees,
                    references,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                    (ex, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}"),
                    concurrentAnalysis: true,
                    logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
                foreach (var diagnostic in diagnostics.Where(d => d.Id == "AD0001"))
                {
                    failures.Add(diagnostic.ToString());
                }
            }

            return failures.Distinct().ToList();
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class ThrowingAnalyzer : DiagnosticAnalyzer
        {
            private static readonly DiagnosticDescriptor Rule = new("TEST001", "t", "t", "t", DiagnosticSeverity.Warning, true);

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Rule);

            public override void Initialize(AnalysisContext context)
            {
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(_ => throw new InvalidOperationException("boom"), OperationKind.Literal);
            }
        }

        /// <summary>The C# snippets in a test file: its raw string literals, markup removed.</summary>
        internal static List<string> SourcesOf(string testFile)
        {
            var path = Path.Combine(RuleInventory.RepositoryRoot, "tests", "DeepSeek.Analyzers.Tests", "Rules", testFile);
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            return root.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                .Select(t => Markup.Replace(t.ValueText, string.Empty))
                .Where(s => s.Contains("class ", StringComparison.Ordinal) || s.Contains(';', StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        /// <summary>Deterministic mutants: the source itself, truncations, deleted tokens, broken braces, quotes and directives.</summary>
        internal static IEnumerable<string> Mutants(string source, int seed)
        {
            var random = new Random(seed);
            yield return source;

            for (var i = 1; i <= 8; i++)
            {
                yield return source.Substring(0, source.Length * i / 9);
            }

            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            for (var i = 0; i < 8 && tokens.Length > 0; i++)
            {
                var token = tokens[random.Next(tokens.Length)];
                yield return source.Remove(token.SpanStart, token.Span.Length);
            }

            var close = source.LastIndexOf('}');
            if (close >= 0)
            {
                yield return source.Remove(close, 1);
            }

            var open = source.IndexOf('{');
            if (open >= 0)
            {
                yield return source.Insert(open, "{");
            }

            for (var i = 0; i < 3; i++)
            {
                var at = random.Next(source.Length + 1);
                yield return source.Insert(at, "\"");
            }

            var lineStart = source.IndexOf('\n') + 1;
            yield return source.Insert(lineStart, "#if DEBUG\n");
            yield return source.Insert(lineStart, "#endif\n");
            yield return new StringBuilder(source).Replace(";", string.Empty).ToString();
            yield return source.Replace("(", "(\"", StringComparison.Ordinal);
        }
    }
}
