using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>
    /// The model-id rules and the evidence engine on code as an editor sees it mid-typing: no analyzer may throw
    /// (an exception would surface as AD0001 and fail the test as an unexpected diagnostic).
    /// </summary>
    public class ModelRulesRobustnessTests
    {
        public static IEnumerable<object[]> Snippets() => new[]
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
        [MemberData(nameof(Snippets))]
        public Task DSK003_never_throws(string source) => Run<DSK003UnknownModelIdAnalyzer>(source);


        [Theory]
        [MemberData(nameof(Snippets))]
        public Task DSK004_never_throws(string source) => Run<DSK004ModelNotAllowedAnalyzer>(source);

        [Theory]
        [MemberData(nameof(Snippets))]
        public Task DSK002_never_throws(string source) => Run<DSK002RetiredModelAliasAnalyzer>(source);

        [Fact]
        public async Task Analyzers_report_on_complete_code_through_the_same_harness()
        {
            // Guards the harness: the same runner must see a real finding, or the theories above prove nothing.
            await Run<DSK004ModelNotAllowedAnalyzer>("class C { object M(string k) => new OpenAI.Chat.ChatClient(\"deepseek-v4-pro\", k); }", expectFinding: true);
        }

        private static async Task Run<TAnalyzer>(string source, bool expectFinding = false)
            where TAnalyzer : DiagnosticAnalyzer, new()
        {
            // Run the analyzer directly: whatever it reports on broken code is not the point, only an exception is.
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview));
            var compilation = CSharpCompilation.Create(
                "Robustness",
                new[] { tree },
                TestReferences.Framework.AddRange(TestReferences.Sdks),
                new CSharpCompilationOptions(OutputKind.ConsoleApplication));
            var exceptions = new List<Exception>();
            var options = new CompilationWithAnalyzersOptions(
                new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty),
                (exception, _, _) => exceptions.Add(exception),
                concurrentAnalysis: false,
                logAnalyzerExecutionTime: false);
            var diagnostics = await compilation
                .WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new TAnalyzer()), options)
                .GetAnalyzerDiagnosticsAsync();
            Assert.Empty(exceptions);
            Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
            if (expectFinding)
            {
                Assert.NotEmpty(diagnostics);
            }
        }
    }
}
