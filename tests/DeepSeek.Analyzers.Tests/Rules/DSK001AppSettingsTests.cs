using System.Threading.Tasks;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>
    /// DSK001 in appsettings*.json: the file is committed with the code. DeepSeek-shaped keys anywhere, other secrets under a
    /// DeepSeek key name. No fix: where the key goes (user secrets, the environment, a vault) is the user's choice.
    /// </summary>
    public class DSK001AppSettingsTests
    {
        private const string Key = "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c";

        private static Task Verify(string json, string? options = null, string path = "/appsettings.json", params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test("class C { }", null, expected);
            test.TestState.AdditionalFiles.Add((path, json));
            if (options != null)
            {
                test.WithOptions(options);
            }

            return test.RunAsync();
        }

        [Fact]
        public Task Flags_a_DeepSeek_shaped_key_in_any_section_masked_at_the_value() => Verify(
            $$"""
            {
              "Backup": { "Token": "Bearer {{Key}}" }
            }
            """,
            expected: VerifyCS.Diagnostic("DSK001").WithSpan("/appsettings.json", 2, 24, 2, 68)
                .WithArguments("sk-…3a8c", " in an appsettings file, which is committed with the code"));

        [Fact]
        public Task Flags_other_secrets_under_DeepSeek_key_names() => Verify(
            """
            {
              "DEEPSEEK_API_KEY": {|DSK001:"q8Zt2LmX9vR4kP7w"|},
              "DeepSeek": { "ApiKey": {|DSK001:"Zx81kLq0Pw77Rt2m"|}, "Model": "deepseek-flash" },
              "Llm": { "Endpoint": "https://api.deepseek.com", "Key": {|DSK001:"Ab12Cd34Ef56Gh78"|} },
              "Secrets": { "DeepSeekApiKey": {|DSK001:"Mn09Bv87Cx65Za43"|} }
            }
            """);

        [Fact]
        public Task Ignores_placeholders_and_names_of_secrets() => Verify(
            $$"""
            {
              "DeepSeek": {
                "ApiKey": "",
                "Key": "your-api-key-here",
                "Token": "${DEEPSEEK_API_KEY}",
                "Secret": "DEEPSEEK_API_KEY",
                "AccessToken": "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
              },
              "Example": "sk-1234567890abcdef1234567890abcdef"
            }
            """);

        [Fact]
        public Task Ignores_keys_of_other_hosts_and_DeepSeek_names_that_are_no_credential() => Verify(
            """
            {
              "DeepSeek": { "BaseUrl": "https://openrouter.ai/api/v1", "ApiKey": "q8Zt2LmX9vR4kP7w" },
              "OpenAI": { "ApiKey": "q8Zt2LmX9vR4kP7w" },
              "DeepSeekCache": { "CacheKey": "q8Zt2LmX9vR4kP7w" },
              "ApiKey": "q8Zt2LmX9vR4kP7w"
            }
            """);

        [Fact]
        public Task Reports_nothing_in_half_typed_json() => Verify(
            $$"""
            { "DeepSeek": { "ApiKey": "{{Key}}"
            """);

        [Fact]
        public Task Ignores_files_not_named_appsettings() => Verify(
            $$"""
            { "DeepSeek": { "ApiKey": "{{Key}}" } }
            """,
            path: "/secrets.json");

        [Fact]
        public Task Flags_secrets_under_the_names_the_options_give_the_key_in_a_file_that_mentions_DeepSeek() => Verify(
            """
            {
              "LLM_SECRET": {|DSK001:"q8Zt2LmX9vR4kP7w"|},
              "Llm": { "Provider": "DeepSeek", "Credentials": { "Secret": {|DSK001:"Zx81kLq0Pw77Rt2m"|} } },
              "Other": { "Secret": "Ab12Cd34Ef56Gh78" }
            }
            """,
            "deepseek_analyzers.api_key_variable = LLM_SECRET\ndeepseek_analyzers.api_key_configuration_key = Llm:Credentials:Secret");
    }
}
