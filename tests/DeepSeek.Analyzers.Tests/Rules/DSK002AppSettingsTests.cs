using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasAnalyzer,
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK002 in appsettings*.json: model ids of DeepSeek sections, reported at the JSON value and fixed there.</summary>
    public class DSK002AppSettingsTests
    {
        private const string Code = "class C { }";

        internal static Task Verify(string json, string path = "/appsettings.json", params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test(Code, null, expected);
            test.TestState.AdditionalFiles.Add((path, json));
            return test.RunAsync();
        }

        // ---- Sections that are DeepSeek's ----------------------------------------------------------------------

        [Fact]
        public Task Flags_the_model_of_a_section_named_DeepSeek_at_the_value_with_the_code_message() => Verify(
            """
            {
              "DeepSeek": {
                "Model": "deepseek-chat"
              }
            }
            """,
            expected: VerifyCS.Diagnostic("DSK002").WithSpan("/appsettings.json", 3, 14, 3, 29)
                .WithArguments("deepseek-chat", "deepseek-flash", " with thinking disabled (it thinks by default)"));

        [Fact]
        public Task Flags_a_nested_section_under_a_DeepSeek_ancestor() => Verify(
            """
            {
              "Ai": {
                "Providers": {
                  "DeepSeek": { "Chat": { "ModelId": {|DSK002:"deepseek-reasoner"|} } }
                }
              }
            }
            """);

        [Fact]
        public Task Flags_a_section_bound_by_its_api_deepseek_com_endpoint() => Verify(
            """
            {
              "Llm": { "Endpoint": "https://api.deepseek.com/v1", "ChatModel": {|DSK002:"DeepSeek-Chat"|} },
              "Root": { "BaseUrl": "https://api.deepseek.com", "Model": {|DSK002:"deepseek-chat"|} }
            }
            """);

        [Fact]
        public Task Flags_every_retired_item_of_a_model_array_and_the_id_of_model_entries() => Verify(
            """
            {
              "DeepSeek": {
                "Models": [ {|DSK002:"deepseek-chat"|}, "deepseek-flash", {|DSK002:"deepseek-reasoner"|} ],
                "Fallbacks": { "Models": [ { "Id": {|DSK002:"deepseek-chat"|}, "MaxTokens": 512, "Note": "deepseek-reasoner" } ] }
              }
            }
            """);

        [Fact]
        public Task Flags_every_string_of_a_models_table() => Verify(
            """
            { "DeepSeek": { "Models": { "Chat": {|DSK002:"deepseek-chat"|}, "Reasoning": {|DSK002:"deepseek-reasoner"|}, "Vision": "deepseek-flash" } } }
            """);

        [Fact]
        public Task Accepts_comments_and_trailing_commas_as_appsettings_does() => Verify(
            """
            {
              // DeepSeek settings
              "DeepSeek": {
                /* the model */ "Model": {|DSK002:"deepseek-chat"|}, // retired
              },
            }
            """);

        [Fact]
        public Task Reads_any_appsettings_file_name_in_any_letter_case() => Verify(
            """
            { "DeepSeek": { "Model": {|DSK002:"deepseek-chat"|} } }
            """,
            path: "/config/AppSettings.Production.JSON");

        // ---- Not DeepSeek's, not a model id, not readable --------------------------------------------------------

        [Fact]
        public Task Ignores_a_DeepSeek_named_section_whose_endpoint_or_ancestors_endpoint_is_another_host() => Verify(
            """
            {
              "DeepSeek": { "BaseUrl": "https://openrouter.ai/api/v1", "Model": "deepseek-chat" },
              "Providers": { "DeepSeek": { "Models": { "Local": { "Endpoint": "http://localhost:11434", "Id": "deepseek-reasoner" } } } },
              "OpenRouter": { "BaseUrl": "https://openrouter.ai/api/v1", "DeepSeek": { "Model": "deepseek-chat" } },
              "Gateway": { "Url": "https://gateway.example.com/v1", "Routes": { "DeepSeek": { "Endpoint": "https://api.deepseek.com", "Model": {|DSK002:"deepseek-chat"|} } } }
            }
            """);

        [Fact]
        public Task Ignores_sections_that_say_nothing_of_DeepSeek() => Verify(
            """
            {
              "OpenRouter": { "BaseUrl": "https://openrouter.ai/api/v1", "Model": "deepseek-chat", "Fallback": "deepseek/deepseek-r1" },
              "Chat": { "Model": "deepseek-chat" },
              "Model": "deepseek-reasoner"
            }
            """);

        [Fact]
        public Task Ignores_values_that_are_not_model_ids_and_property_names() => Verify(
            """
            {
              "DeepSeek": {
                "Description": "deepseek-chat",
                "Aliases": [ "deepseek-reasoner" ],
                "ModelMap": { "deepseek-chat": "deepseek-flash" }
              }
            }
            """);

        [Fact]
        public Task Ignores_files_not_named_appsettings() => Verify(
            """
            { "DeepSeek": { "Model": "deepseek-chat" } }
            """,
            path: "/settings.json");

        [Theory]
        [InlineData("{ \"DeepSeek\": { \"Model\": \"deepseek-chat\"")]
        [InlineData("{ \"DeepSeek\": { \"Model\": \"deepseek-chat }")]
        [InlineData("{ \"DeepSeek\": { \"Model\" \"deepseek-chat\" } }")]
        [InlineData("[ \"DeepSeek\", \"deepseek-chat\" ]")]
        [InlineData("")]
        public Task Reports_nothing_in_malformed_or_half_typed_json(string json) => Verify(json);

        // ---- Fixes --------------------------------------------------------------------------------------------

        [Fact]
        public async Task Fix_rewrites_the_json_value_to_the_target_model_and_nothing_else()
        {
            var json = await AppSettingsFixes.FixEachAsync<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider>(
                """
                {
                  "DeepSeek": {
                    "Model": "deepseek-chat", // the chat model
                    "Models": [ "DeepSeek-Reasoner" ]
                  }
                }
                """);
            Assert.Equal(
                """
                {
                  "DeepSeek": {
                    "Model": "deepseek-flash", // the chat model
                    "Models": [ "deepseek-flash" ]
                  }
                }
                """,
                json);
        }

        [Fact]
        public async Task Fix_writes_the_configured_target_model_set_for_the_code()
        {
            var json = await AppSettingsFixes.FixEachAsync<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-reasoner" } }""",
                editorconfig: "[*.cs]\ndeepseek_analyzers.target_model = deepseek-v4-pro\n");
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-v4-pro" } }""", json);
        }

        [Fact]
        public async Task Fix_prefers_the_option_set_for_the_json_file()
        {
            var json = await AppSettingsFixes.FixEachAsync<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-reasoner" } }""",
                editorconfig: "[*.cs]\ndeepseek_analyzers.target_model = deepseek-v4-pro\n\n[*.json]\ndeepseek_analyzers.target_model = deepseek-flash\n");
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-flash" } }""", json);
        }

        [Theory]
        [InlineData(FixAllScope.Project)]
        [InlineData(FixAllScope.Solution)]
        public async Task Fix_all_fixes_the_json_file_and_the_code(FixAllScope scope)
        {
            var (json, code) = await AppSettingsFixes.FixAllAsync<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider>(
                """{ "DeepSeek": { "Model": "deepseek-chat", "Models": [ "deepseek-reasoner", "deepseek-chat" ] } }""",
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient Create(string key) => new ChatClient("deepseek-reasoner", key);
                }
                """,
                scope);
            Assert.Equal("""{ "DeepSeek": { "Model": "deepseek-flash", "Models": [ "deepseek-flash", "deepseek-flash" ] } }""", json);
            Assert.Contains("new ChatClient(\"deepseek-flash\", key)", code, System.StringComparison.Ordinal);
        }
    }
}
