using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK011LegacyModelNameAnalyzer,
    DeepSeek.Analyzers.Rules.DSK011LegacyModelNameCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK011 in appsettings*.json: legacy names in DeepSeek sections; a gateway serving them as its own id is left alone.</summary>
    public class DSK011AppSettingsTests
    {
        private static Task Verify(string json, params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test("class C { }", null, expected);
            test.TestState.AdditionalFiles.Add(("/appsettings.Development.json", json));
            return test.RunAsync();
        }

        [Fact]
        public Task Flags_a_legacy_name_with_the_code_message() => Verify(
            """
            {
              "DeepSeek": {
                "Endpoint": "https://api.deepseek.com",
                "VisionModel": "deepseek-v4-flash-vision-exp"
              }
            }
            """,
            VerifyCS.Diagnostic("DSK011").WithSpan("/appsettings.Development.json", 4, 20, 4, 50)
                .WithArguments("deepseek-v4-flash-vision-exp", "deepseek-flash", "deepseek-flash"));

        [Fact]
        public Task Ignores_a_gateway_that_serves_the_name_as_its_own() => Verify(
            """
            {
              "Venice": { "BaseUrl": "https://api.venice.ai/api/v1", "Model": "deepseek-v4-flash" },
              "DeepSeekViaVenice": { "BaseUrl": "https://api.venice.ai/api/v1", "Model": "deepseek-v4-flash" }
            }
            """);

        [Fact]
        public async Task Fix_writes_the_target_model()
        {
            var json = await AppSettingsFixes.FixEachAsync<DSK011LegacyModelNameAnalyzer, DSK011LegacyModelNameCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-v4-flash" } }""");
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-flash" } }""", json);
        }

        [Fact]
        public async Task Fix_all_in_solution_scope_fixes_the_file()
        {
            var (json, _) = await AppSettingsFixes.FixAllAsync<DSK011LegacyModelNameAnalyzer, DSK011LegacyModelNameCodeFixProvider>(
                """{ "DeepSeek": { "Models": { "Chat": "deepseek-v4-flash", "Vision": "deepseek-v4-flash-vision-exp" } } }""",
                "class C { }",
                FixAllScope.Solution);
            Assert.Equal("""{ "DeepSeek": { "Models": { "Chat": "deepseek-flash", "Vision": "deepseek-flash" } } }""", json);
        }
    }
}
