using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>
    /// The per-file gate (<see cref="DeepSeekFileGate"/>) only saves work: every test snippet, analysed by every rule with
    /// the gate on and off, gives the same diagnostics — with the default options, with configured secret names, and with
    /// each <c>deepseek.catalog.json</c> of the test file.
    /// </summary>
    public class FileGateTests
    {
        private static readonly ImmutableArray<MetadataReference> References = TestReferences.All;

        private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Preview);

        public static IEnumerable<object[]> TestFiles() => RobustnessTests.TestFiles();

        [Theory]
        [MemberData(nameof(TestFiles))]
        public async Task The_gate_never_changes_a_finding(string testFile)
        {
            var sources = RobustnessTests.SourcesOf(testFile);
            var settings = new List<(Dictionary<string, string> Options, AdditionalText? Catalog)>
            {
                (new Dictionary<string, string>(), null),
                (new Dictionary<string, string>
                {
                    [DeepSeekOptions.ApiKeyVariableKey] = "LLM_SECRET",
                    [DeepSeekOptions.ApiKeyConfigurationKeyKey] = "Llm:Secret",
                }, null),

                // A client-side project (DSK009 reports only there).
                (new Dictionary<string, string> { ["build_property.UsingMicrosoftNETSdkBlazorWebAssembly"] = "true" }, null),
            };
            settings.AddRange(RobustnessTests.CatalogFilesOf(testFile)
                .Select(json => (new Dictionary<string, string>(), (AdditionalText?)new Text("/deepseek.catalog.json", json))));

            var findings = 0;
            var differences = new List<string>();
            foreach (var (source, index) in sources.Select((s, i) => (s, i)))
            {
                var compilation = CSharpCompilation.Create(
                    "Snippet" + index,
                    new[] { CSharpSyntaxTree.ParseText(source, ParseOptions, path: "/0/Test0.cs") },
                    References,
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
                foreach (var (options, catalog) in settings)
                {
                    var on = await AnalyzeAsync(compilation, options, catalog, gate: true);
                    var off = await AnalyzeAsync(compilation, options, catalog, gate: false);
                    findings += off.Count;
                    if (!on.SequenceEqual(off))
                    {
                        differences.Add($"snippet {index} ({string.Join(", ", options.Select(o => o.Key + "=" + o.Value))}{(catalog == null ? "" : ", catalog")}):\n"
                                        + $"  gate on:  {string.Join("; ", on)}\n  gate off: {string.Join("; ", off)}\n{source}");
                    }
                }
            }

            Assert.True(differences.Count == 0, string.Join("\n\n", differences.Take(3)));

            // Every rule ran on these snippets: none registered an operation kind the shared walk does not keep.
            Assert.DoesNotContain(FileOperations.UnreadRegistrations.Keys, k => k != GatedFilesTests.UnreadTestKind);

            // Not vacuous: the snippets of a rule's tests hold that rule's findings. The gate is about C# files: tests whose
            // snippets are all JSON (deepseek.catalog.json, appsettings*.json) have no C# to gate.
            Assert.True(
                findings > 0 || testFile.StartsWith("DSK000", StringComparison.Ordinal) || sources.Count == 0,
                $"{testFile}: no findings to compare");
        }

        [Theory]
        [InlineData("class C { string S = \"hello\"; int N = 3; }", false)]
        [InlineData("class C { string S = \"https://api.openai.com/v1\"; }", false)]
        [InlineData("class C { string S = \"https://api.deepseek.com\"; }", true)]
        [InlineData("class DeepSeekService { }", true)]
        [InlineData("class C { string S = \"https://api.deep-seek.com\"; }", true)]
        [InlineData("class C { string DEEP_SEEK_API_KEY = \"x\"; }", true)]
        [InlineData("class C { string S = \"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c\"; }", true)]
        [InlineData("class C { string S = \"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8\"; }", false)]
        public void Opens_only_for_files_that_can_hold_evidence(string source, bool open)
            => Assert.Equal(open, Gate(new Dictionary<string, string>(), null, source)[0]);

        [Fact]
        public void Configured_secret_names_open_the_gate()
        {
            const string Source = "class C { string K = System.Environment.GetEnvironmentVariable(\"LLM_SECRET\"); }";
            Assert.False(Gate(new Dictionary<string, string>(), null, Source)[0]);
            Assert.True(Gate(new Dictionary<string, string> { [DeepSeekOptions.ApiKeyVariableKey] = "LLM_SECRET" }, null, Source)[0]);
        }

        [Fact]
        public void Catalog_file_ids_open_the_gate()
        {
            const string Source = "class C { string M = \"house-model-7\"; }";
            var catalog = new Text("/deepseek.catalog.json", """{ "models": [ { "id": "house-model-7" } ] }""");
            Assert.False(Gate(new Dictionary<string, string>(), null, Source)[0]);
            Assert.True(Gate(new Dictionary<string, string>(), catalog, Source)[0]);
        }

        [Fact]
        public void All_openai_compatible_scope_opens_every_file()
            => Assert.True(Gate(new Dictionary<string, string> { [DeepSeekOptions.ScopeKey] = "all_openai_compatible" }, null, "class C { }")[0]);

        [Fact]
        public void A_file_naming_a_member_initialised_with_evidence_elsewhere_opens()
        {
            var gates = Gate(
                new Dictionary<string, string>(),
                null,
                "class C { object M() => Settings.Endpoint; }",
                "class D { object M() => 1; }",
                "static class Settings { public static readonly System.Uri Endpoint = new(\"https://api.deepseek.com\"); }");
            Assert.Equal(new[] { true, false, true }, gates);
        }

        [Theory]
        [InlineData("class C { object P = Polly.Policy.Handle<System.Exception>().RetryForever(); }", true)]
        [InlineData("class C { void M(Polly.Retry.RetryStrategyOptions o) => o.MaxRetryAttempts = int.MaxValue; }", true)]
        [InlineData("class C { int retry = 3; object P = new System.ClientModel.Primitives.ClientPipelineOptions(); }", false)]
        public void The_retry_fact_opens_only_for_files_that_spell_Retry(string source, bool open)
            => Assert.Equal(open, Facts(source).Retry);

        [Theory]
        [InlineData("class C { object P = Polly.Policy.Handle<System.Exception>().RetryForever(); }", true)]
        [InlineData("class C { void M(Polly.Retry.RetryStrategyOptions o) => o.MaxRetryAttempts = int.MaxValue; }", true)]
        [InlineData("class C { object P = Polly.Policy.Handle<System.Exception>().Retry(2147483647); }", true)]
        [InlineData("class C { object P = Polly.Policy.Handle<System.Exception>().Retry(3); }", false)]
        [InlineData("class C { int N = int.MaxValue; }", false)]
        public void The_unbounded_retry_fact_needs_a_retry_API_and_an_endless_bound(string source, bool open)
        {
            var compilation = CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(source, ParseOptions) }, References);
            var gate = DeepSeekCompilationContext.Get(compilation, AnalyzerOptionsOf(new Dictionary<string, string>(), null, gate: true)).Gate;
            Assert.Equal(open, gate.MayNameUnboundedRetry(compilation.SyntaxTrees.Single(), CancellationToken.None));
        }

        [Theory]
        [InlineData("class C { const string K = \"sk-\" + \"4f9a1c2e7b3d8e6f\" + \"0a5c9d2b1e7f3a8c\"; }", true)]
        [InlineData("class C { string S = \"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c\"; }", true)]
        [InlineData("class C { string S = \"SK-4F9A\"; string T = \"mask\"; }", false)]
        public void The_key_fact_opens_for_the_key_prefix_or_evidence(string source, bool open)
            => Assert.Equal(open, Facts(source).Key);

        [Theory]
        [InlineData("class C { string S = \"https://api.depseek.com\"; }", true)]
        [InlineData("class C { string S = \"HTTPS://API.DEEPSAK.COM\"; }", true)]
        [InlineData("class C { string S = \"https://api.openai.com/v1\"; }", false)]
        [InlineData("class C { void M(System.IO.Stream s) => s.Seek(0, System.IO.SeekOrigin.Begin); /* a deep check */ }", false)]
        [InlineData("class C { string S = \"api.desk\"; string T = \"https://api.dev.example.com/kit\"; }", true)]
        public void The_url_fact_opens_for_any_host_stem(string source, bool open)
            => Assert.Equal(open, Facts(source).Url);

        [Fact]
        public void Every_misspelt_host_has_a_host_stem_or_evidence()
        {
            foreach (var host in DeepSeek.Catalog.DeepSeekCatalog.MisspeltHosts)
            {
                foreach (var written in new[] { host, host.ToUpperInvariant(), "\"https://" + host + "/v1\"" })
                {
                    var facts = DeepSeekFileGate.TextFactsOf(written, Array.Empty<string>());
                    Assert.True((facts & (DeepSeekFileGate.TextFacts.HostStem | DeepSeekFileGate.TextFacts.Evidence)) != 0, written);
                }
            }
        }

        [Fact]
        public void With_the_gate_off_every_fact_is_open()
        {
            var compilation = CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText("class C { }", ParseOptions) }, References);
            var gate = DeepSeekCompilationContext.Get(compilation, AnalyzerOptionsOf(new Dictionary<string, string>(), null, gate: false)).Gate;
            var tree = compilation.SyntaxTrees.Single();
            Assert.True(gate.MayHoldEvidence(tree, CancellationToken.None));
            Assert.True(gate.MayHoldKey(tree, CancellationToken.None));
            Assert.True(gate.MayHoldDeepSeekUrl(tree, CancellationToken.None));
            Assert.True(gate.MayNameRetry(tree, CancellationToken.None));
            Assert.True(gate.MayNameUnboundedRetry(tree, CancellationToken.None));
        }

        private static (bool Retry, bool Key, bool Url) Facts(string source)
        {
            var compilation = CSharpCompilation.Create("Gate", new[] { CSharpSyntaxTree.ParseText(source, ParseOptions) }, References);
            var gate = DeepSeekCompilationContext.Get(compilation, AnalyzerOptionsOf(new Dictionary<string, string>(), null, gate: true)).Gate;
            var tree = compilation.SyntaxTrees.Single();
            return (gate.MayNameRetry(tree, CancellationToken.None), gate.MayHoldKey(tree, CancellationToken.None), gate.MayHoldDeepSeekUrl(tree, CancellationToken.None));
        }

        [Fact]
        public void A_file_generated_by_its_name_is_not_opened_by_other_files_members()
        {
            // The rules skip generated files: GlobalUsings.g.cs must not make the gate collect every file's members.
            var gates = GateOfFiles(
                new Dictionary<string, string>(),
                ("/Uses.cs", "class C { object M() => Settings.Endpoint; }"),
                ("/Uses.g.cs", "class G { object M() => Settings.Endpoint; }"),
                ("/Settings.cs", "static class Settings { public static readonly System.Uri Endpoint = new(\"https://api.deepseek.com\"); }"));
            Assert.Equal(new[] { true, false, true }, gates);
        }

        private static bool[] Gate(Dictionary<string, string> options, AdditionalText? catalog, params string[] sources)
            => GateOfFiles(options, catalog, sources.Select((s, i) => ($"/{i}.cs", s)).ToArray());

        private static bool[] GateOfFiles(Dictionary<string, string> options, params (string Path, string Source)[] files)
            => GateOfFiles(options, null, files);

        private static bool[] GateOfFiles(Dictionary<string, string> options, AdditionalText? catalog, params (string Path, string Source)[] files)
        {
            var compilation = CSharpCompilation.Create(
                "Gate",
                files.Select(f => CSharpSyntaxTree.ParseText(f.Source, ParseOptions, path: f.Path)),
                References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var context = DeepSeekCompilationContext.Get(compilation, AnalyzerOptionsOf(options, catalog, gate: true));
            return compilation.SyntaxTrees.Select(t => context.Gate.MayHoldEvidence(t, CancellationToken.None)).ToArray();
        }

        private static async Task<List<string>> AnalyzeAsync(Compilation compilation, Dictionary<string, string> options, AdditionalText? catalog, bool gate)
        {
            var withAnalyzers = compilation.WithAnalyzers(
                RuleInventory.Analyzers,
                new CompilationWithAnalyzersOptions(AnalyzerOptionsOf(options, catalog, gate), null, concurrentAnalysis: true, logAnalyzerExecutionTime: false));
            var diagnostics = await withAnalyzers.GetAnalyzerDiagnosticsAsync();
            return diagnostics
                .Select(d => $"{d.Id} {d.Location.SourceSpan} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
                .OrderBy(d => d, StringComparer.Ordinal)
                .ToList();
        }

        private static AnalyzerOptions AnalyzerOptionsOf(Dictionary<string, string> options, AdditionalText? catalog, bool gate)
        {
            var values = new Dictionary<string, string>(options);
            if (!gate)
            {
                values[DeepSeekOptions.FileGateKey] = "false";
            }

            return new AnalyzerOptions(
                catalog == null ? ImmutableArray<AdditionalText>.Empty : ImmutableArray.Create(catalog),
                new Provider(new Config(values)));
        }

        private sealed class Text : AdditionalText
        {
            private readonly string _text;

            public Text(string path, string text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
        }

        private sealed class Provider : AnalyzerConfigOptionsProvider
        {
            private readonly Config _config;

            public Provider(Config config) => _config = config;

            public override AnalyzerConfigOptions GlobalOptions => _config;

            public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _config;

            public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _config;
        }

        private sealed class Config : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public Config(Dictionary<string, string> values) => _values = values;

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);
        }
    }
}
