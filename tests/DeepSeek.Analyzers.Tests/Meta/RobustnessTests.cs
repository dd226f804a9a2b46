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
            var catalogs = CatalogFilesOf(testFile);
            Assert.True(sources.Count + catalogs.Count > 0, $"{testFile} has no C# or catalog snippets to mutate");
            var failures = await RunAsync(RuleInventory.Analyzers, sources);
            failures.AddRange(await RunCatalogFilesAsync(RuleInventory.Analyzers, catalogs));
            Assert.True(failures.Count == 0, string.Join("\n\n", failures.Take(5)));
        }

        /// <summary>
        /// Mutated JSON snippets (truncated, tokens deleted, broken quotes) as deepseek.catalog.json and as appsettings.json,
        /// next to code that uses every model position.
        /// </summary>
        private static async Task<List<string>> RunCatalogFilesAsync(ImmutableArray<DiagnosticAnalyzer> analyzers, List<string> catalogs)
        {
            const string Code = """
                using System;
                using OpenAI;
                using OpenAI.Chat;
                class C
                {
                    ChatClient M(OpenAIClient c) => c.GetChatClient("deepseek-chat");
                    ChatClient N(string key) => new ChatClient("deepseek-v4-pro", key);
                    object B => new { model = "deepseek-v3", messages = Array.Empty<object>() };
                    Uri U = new("https://api.deepseek.com");
                }
                """;
            var failures = new List<string>();
            var references = TestReferences.Framework.AddRange(TestReferences.Sdks);
            var compilation = CSharpCompilation.Create(
                "Catalog",
                new[] { CSharpSyntaxTree.ParseText(Code, new CSharpParseOptions(LanguageVersion.Preview), path: "/C.cs") },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            foreach (var (catalog, index) in catalogs.Select((c, i) => (c, i)))
            {
                foreach (var mutant in Mutants(catalog, seed: index, csharp: false))
                {
                    // The same half-typed JSON as a catalog file and as an appsettings file (which four rules read).
                    failures.AddRange(await AnalyzeAsync(compilation, analyzers, new InMemoryText("/deepseek.catalog.json", mutant)));
                    failures.AddRange(await AnalyzeAsync(compilation, analyzers, new InMemoryText("/appsettings.json", mutant)));
                }
            }

            return failures.Distinct().ToList();
        }

        /// <summary>The deepseek.catalog.json snippets in a test file: raw strings holding a JSON object.</summary>
        internal static List<string> CatalogFilesOf(string testFile)
        {
            var path = Path.Combine(RuleInventory.RepositoryRoot, "tests", "DeepSeek.Analyzers.Tests", "Rules", testFile);
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(path)).GetRoot();
            return root.DescendantTokens()
                .Where(t => t.IsKind(SyntaxKind.MultiLineRawStringLiteralToken) || t.IsKind(SyntaxKind.SingleLineRawStringLiteralToken))
                .Select(t => Markup.Replace(t.ValueText, string.Empty))
                .Where(s => s.TrimStart().StartsWith('{') && !s.Contains("class ", StringComparison.Ordinal))
                .Distinct(StringComparer.Ordinal)
                .ToList();
        }

        private sealed class InMemoryText : AdditionalText
        {
            private readonly string _text;

            public InMemoryText(string path, string text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override Microsoft.CodeAnalysis.Text.SourceText GetText(System.Threading.CancellationToken cancellationToken = default)
                => Microsoft.CodeAnalysis.Text.SourceText.From(_text);
        }

        /// <summary>Hand-written code as an editor sees it mid-typing, aimed at the evidence engine's flows.</summary>
        public static IEnumerable<object[]> HalfTypedSnippets() => new[]
        {
            new object[] { "class C { void M() { var c = new OpenAI.Chat.ChatClient(\"deepseek-v3\", } }" },
            new object[] { "class C { void M() { var c = new OpenAI.Chat.ChatClient( \"deepseek-v4-pro\" " },
            new object[] { "class C { const string M = \"deepseek-r1\"; object O => new { model = M, model = \"deepseek-v3\" }; }" },
            new object[] { "class C { string S = \"{\\\"model\\\": \\\"deepseek-v3\\\"\"; void M(System.Net.Http.HttpClient h) { h.PostAsync(\"https://api.deepseek.com\", new System.Net.Http.StringContent(S)); } }" },
            new object[] { "class C { void M(System.Net.Http.HttpClient h) { h.BaseAddress = new System.Uri(\"https://api.deepseek.com\"); var x = new { model = \"deepseek-v3\" } h.PostAsJsonAsync(, x); } }" },
            new object[] { "class C { object M() { var a = b; var b = a; return new OpenAI.Chat.ChatClient(a ?? \"deepseek-v3\", b); } }" },
            new object[] { "class C { C M() => M(); string P { get => P; set => P = value; } object Q => new OpenAI.Chat.ChatClient(\"deepseek-coder\", P); }" },
            new object[] { "class C { System.Uri U = new(\"https://api.deepseek.com\"); void M(OpenAI.OpenAIClient c) { c.GetChatClient(\"deepseek-v3\" + ) } }" },
            new object[] { "var x = new OpenAI.Chat.ChatClient(\"deepseek-r1\", System.Environment.GetEnvironmentVariable(\"DEEPSEEK_API_KEY\")); class" },
            new object[] { "class C { void M() { var d = new System.Collections.Generic.Dictionary<string, object> { [\"model\"] = \"deepseek-v3\", [ ] = , { \"model\" } }; } }" },
            new object[] { "class C { void M(dynamic d) { d.GetChatClient(\"deepseek-v3\"); d.Model = \"deepseek-v4-pro\"; } }" },
            new object[] { "class C { string M(int i) => i switch { 1 => \"deepseek-v3\", 2 => , _ => \"deepseek-v4-pro\" }; }" },
            new object[] { "partial class C { static readonly string Url = \"https://api.deepseek.com\" + ; void M() { new OpenAI.Chat.ChatClient(\"deepseek-v4-flsh\", Url); } }" },
            new object[] { "class C<T> where T : OpenAI.OpenAIClient { T _c; void M() { _c.GetChatClient(\"deepseek-v3\").AsIChatClient(; } }" },
        };

        [Theory]
        [MemberData(nameof(HalfTypedSnippets))]
        public async Task No_analyzer_throws_on_half_typed_snippets(string source)
        {
            var failures = await RunAsync(RuleInventory.Analyzers, new List<string> { source });
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
            var failures = new List<string>();
            var references = TestReferences.All;
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
                failures.AddRange(await AnalyzeAsync(compilation, analyzers));
            }

            return failures.Distinct().ToList();
        }

        /// <summary>Runs the analyzers; every exception they throw (and every AD0001) is a failure.</summary>
        private static async Task<List<string>> AnalyzeAsync(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers, params AdditionalText[] additionalFiles)
        {
            var failures = new ConcurrentBag<string>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray.Create(additionalFiles)),
                (ex, analyzer, _) => failures.Add($"{analyzer.GetType().Name}: {ex.GetType().Name}: {ex.Message}\n{ex.StackTrace}"),
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();
            return failures.Concat(diagnostics.Where(d => d.Id == "AD0001").Select(d => d.ToString())).ToList();
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
        internal static IEnumerable<string> Mutants(string source, int seed, bool csharp = true)
        {
            var random = new Random(seed);
            yield return source;

            for (var i = 1; i <= 8; i++)
            {
                yield return source.Substring(0, source.Length * i / 9);
            }

            // C# tokens for C#; the lexer splits JSON into usable pieces too (strings, numbers, punctuation).
            var tokens = CSharpSyntaxTree.ParseText(source).GetRoot().DescendantTokens().Where(t => t.Span.Length > 0).ToArray();
            for (var i = 0; i < 8 && tokens.Length > 0; i++)
            {
                var token = tokens[random.Next(tokens.Length)];
                yield return source.Remove(token.SpanStart, token.Span.Length);
            }

            if (!csharp)
            {
                yield return source.Replace(":", string.Empty, StringComparison.Ordinal);
                yield return source.Replace("\"", "'", StringComparison.Ordinal);
                yield return source.Insert(random.Next(source.Length + 1), "\"\\u12");
                yield return source.Replace("]", string.Empty, StringComparison.Ordinal) + "{{[[";
                yield return new string('[', 5000) + source;
                yield break;
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
