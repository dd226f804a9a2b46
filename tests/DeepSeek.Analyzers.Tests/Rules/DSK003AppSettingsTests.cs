using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK003UnknownModelIdAnalyzer,
    DeepSeek.Analyzers.Rules.DSK003UnknownModelIdCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK003 in appsettings*.json: the DeepSeek section is the evidence the id is sent to api.deepseek.com.</summary>
    public class DSK003AppSettingsTests
    {
        private static Task Verify(string json, string? options = null, params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test("class C { }", null, expected);
            test.TestState.AdditionalFiles.Add(("/appsettings.json", json));
            if (options != null)
            {
                test.WithOptions(options);
            }

            return test.RunAsync();
        }

        [Fact]
        public Task Flags_a_marketing_name_in_a_DeepSeek_section_with_the_code_message() => Verify(
            """
            { "DeepSeek": { "Model": "deepseek-r1" } }
            """,
            expected: VerifyCS.Diagnostic("DSK003").WithSpan("/appsettings.json", 1, 26, 1, 39)
                .WithArguments("deepseek-r1", "a marketing and open-weight name, never an API id", "deepseek-flash"));

        [Fact]
        public Task Flags_typos_and_retired_names_in_endpoint_bound_sections_and_model_lists() => Verify(
            """
            {
              "Llm": {
                "BaseAddress": "https://api.deepseek.com",
                "Model": {|DSK003:"deepseek-flsh"|},
                "Models": [ {|DSK003:"deepseek-coder"|}, { "Name": {|DSK003:"deepseek-v3"|} } ]
              }
            }
            """);

        [Fact]
        public Task Ignores_other_hosts_spellings_and_gateway_sections() => Verify(
            """
            {
              "DeepSeek": { "Models": [ "DeepSeek-R1", "deepseek/deepseek-r1", "deepseek-r1:7b" ] },
              "OpenRouter": { "Endpoint": "https://openrouter.ai/api/v1", "Model": "deepseek-r1" },
              "Ollama": { "DeepSeek": { "Url": "http://localhost:11434", "Model": "deepseek-r1" } },
              "Local": { "Model": "deepseek-v3" }
            }
            """);

        [Fact]
        public Task Ignores_an_id_the_options_approve() => Verify(
            """
            { "DeepSeek": { "Model": "deepseek-v5-preview" } }
            """,
            "deepseek_analyzers.allowed_models = deepseek-flash, deepseek-v5-preview");

        [Fact]
        public async Task Fix_writes_the_closest_id_for_a_typo_and_the_target_for_a_marketing_name()
        {
            var json = await AppSettingsFixes.FixEachAsync<DSK003UnknownModelIdAnalyzer, DSK003UnknownModelIdCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-v4-pr", "Models": [ "deepseek-r1" ] } }""");
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-v4-pro", "Models": [ "deepseek-flash" ] } }""", json);
        }

        [Fact]
        public async Task Fix_all_fixes_every_unknown_id_of_the_file()
        {
            var (json, _) = await AppSettingsFixes.FixAllAsync<DSK003UnknownModelIdAnalyzer, DSK003UnknownModelIdCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-v3", "Models": [ "deepseek-coder", "deepseek-flash" ] } }""",
                "class C { }",
                FixAllScope.Project);
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-flash", "Models": [ "deepseek-flash", "deepseek-flash" ] } }""", json);
        }
    }
}
