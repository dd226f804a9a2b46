using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK011LegacyModelNameAnalyzer,
    DeepSeek.Analyzers.Rules.DSK011LegacyModelNameCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK011LegacyModelNameTests
    {
        // ---- Positions that are use ---------------------------------------------------------------------

        [Fact]
        public Task Ignores_provider_name_patterns() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                static string Provider(string name) => name switch
                {
                    "deepseek" or "deepseek-v4-flash" => "DeepSeek",
                    _ => name,
                };

                static int ContextWindow(string model) => model switch
                {
                    {|DSK011:"deepseek-v4-flash"|} => 1_000_000,
                    _ => 0,
                };
            }
            """);

        [Fact]
        public Task Flags_legacy_name_in_ChatClient_constructor_and_fixes_to_flash() => VerifyCS.CodeFixAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|DSK011:"deepseek-v4-flash"|}, key);
            }
            """,
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient("deepseek-flash", key);
            }
            """);

        [Fact]
        public Task Flags_vision_name_in_any_letter_case_in_GetChatClient() => VerifyCS.CodeFixAsync(
            """
            using OpenAI;

            class C
            {
                object Create(OpenAIClient client) => client.GetChatClient({|DSK011:"DeepSeek-V4-Flash-Vision-Exp"|});
            }
            """,
            """
            using OpenAI;

            class C
            {
                object Create(OpenAIClient client) => client.GetChatClient("deepseek-flash");
            }
            """);

        [Fact]
        public Task Flags_const_optional_default_switch_arm_and_collection() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                const string Model = {|DSK011:"deepseek-v4-flash"|};

                string Pick(bool vision = false, string fallback = {|DSK011:"deepseek-v4-flash"|}) => vision switch
                {
                    true => {|DSK011:"deepseek-v4-flash-vision-exp"|},
                    _ => fallback,
                };

                string[] Models = { {|DSK011:"deepseek-v4-flash"|}, "deepseek-v4-pro" };
            }
            """,
            """
            class C
            {
                const string Model = "deepseek-flash";

                string Pick(bool vision = false, string fallback = "deepseek-flash") => vision switch
                {
                    true => "deepseek-flash",
                    _ => fallback,
                };

                string[] Models = { "deepseek-flash", "deepseek-v4-pro" };
            }
            """);

        [Fact]
        public Task Anonymous_body_is_renamed_and_its_thinking_mode_left_alone() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                object Body(object messages) => new { model = {|DSK011:"deepseek-v4-flash"|}, messages, max_tokens = 512 };
            }
            """,
            """
            class C
            {
                object Body(object messages) => new { model = "deepseek-flash", messages, max_tokens = 512 };
            }
            """);

        [Fact]
        public Task Flags_JSON_in_regular_verbatim_and_interpolated_strings() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                const string A = {|DSK011:"{\"model\": \"deepseek-v4-flash\", \"messages\": []}"|};
                const string B = {|DSK011:@"{""model"": ""deepseek-v4-flash"", ""messages"": []}"|};
                string Body(string messages) => {|DSK011:$"{{\"model\": \"deepseek-v4-flash\", \"messages\": {messages}}}"|};
            }
            """,
            """
            class C
            {
                const string A = "{\"model\": \"deepseek-flash\", \"messages\": []}";
                const string B = @"{""model"": ""deepseek-flash"", ""messages"": []}";
                string Body(string messages) => $"{{\"model\": \"deepseek-flash\", \"messages\": {messages}}}";
            }
            """);

        [Fact]
        public Task Flags_utf8_literal_and_keeps_it_utf8() => VerifyCS.CodeFixAsync(
            """
            using System;

            class C
            {
                ReadOnlySpan<byte> Model => {|DSK011:"deepseek-v4-flash"u8|};
            }
            """,
            """
            using System;

            class C
            {
                ReadOnlySpan<byte> Model => "deepseek-flash"u8;
            }
            """);

        [Fact]
        public Task Old_migration_table_from_a_retired_alias_gets_its_legacy_value_moved_on() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, string> Renames = new() { ["deepseek-chat"] = {|DSK011:"deepseek-v4-flash"|} };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, string> Renames = new() { ["deepseek-chat"] = "deepseek-flash" };
            }
            """);

        // ---- Silences shared with DSK002 ----------------------------------------------------------------

        [Fact]
        public Task Ignores_migration_tables_to_the_current_id() => VerifyCS.AnalyzerAsync(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, string> Renames = new()
                {
                    ["deepseek-v4-flash"] = "deepseek-flash",
                    ["deepseek-v4-flash-vision-exp"] = "deepseek-flash",
                };

                string Migrate(string model) => model switch
                {
                    "deepseek-v4-flash" => "deepseek-flash",
                    _ => model,
                };

                (string Old, string New)[] Table = { ("deepseek-v4-flash", "deepseek-flash") };

                string Fix(string json) => json.Replace("deepseek-v4-flash", "deepseek-flash");
            }
            """);

        [Fact]
        public Task Ignores_comparisons_and_the_runtimes_own_helpers_and_constants() => VerifyCS.Test(
            """
            using System;
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                bool IsOld(string model) =>
                    model == "deepseek-v4-flash"
                    || model is "deepseek-v4-flash-vision-exp"
                    || string.Equals(model, "deepseek-v4-flash", StringComparison.OrdinalIgnoreCase)
                    || DeepSeekModels.IsLegacyName("deepseek-v4-flash");

                string M() => DeepSeekModels.Migrate("deepseek-v4-flash");

                ChatClient Create(string key) => new ChatClient(DeepSeekModels.Flash, key);
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Ignores_prose_other_hosts_spellings_and_response_fixtures() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                void Log()
                {
                    Console.WriteLine("Moved from deepseek-v4-flash to deepseek-flash.");
                    var openRouter = "deepseek/deepseek-v4-flash";
                    var current = "deepseek-flash";
                    var fixture = "{\"id\": \"x\", \"model\": \"deepseek-v4-flash\", \"choices\": []}";
                }
            }
            """);

        [Fact]
        public Task Ignores_a_gateway_that_lists_the_name_as_its_own_id() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Net.Http;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                // Venice serves deepseek-v4-flash under that name: not a DeepSeek legacy route.
                ChatClient Venice(string key)
                {
                    var venice = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.venice.ai/api/v1") });
                    return venice.GetChatClient("deepseek-v4-flash");
                }

                object Post(HttpClient http)
                    => http.PostAsync("https://api.venice.ai/api/v1/chat/completions", new StringContent("{\"model\": \"deepseek-v4-flash\"}"));
            }
            """);

        [Fact]
        public Task Flags_the_name_sent_to_api_deepseek_com() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient Remote(string key)
                {
                    var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                    return client.GetChatClient({|DSK011:"deepseek-v4-flash"|});
                }
            }
            """);

        [Fact]
        public Task Retired_aliases_current_ids_and_unknown_ids_are_not_legacy() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-chat", key);
                ChatClient B(string key) => new ChatClient("deepseek-flash", key);
                ChatClient D(string key) => new ChatClient("deepseek-v4-pro", key);
                ChatClient E(string key) => new ChatClient("deepseek-v4.1-flash", key);
            }
            """);

        // ---- Messages, options, runtime, catalog file, Fix All ------------------------------------------

        [Fact]
        public Task Message_says_the_name_still_answers_and_names_the_replacement() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Model = {|#0:"deepseek-v4-flash"|};
            }
            """,
            VerifyCS.Diagnostic("DSK011").WithLocation(0).WithArguments("deepseek-v4-flash", "deepseek-flash", "deepseek-flash"));

        [Fact]
        public Task Target_model_option_changes_the_fix() => VerifyCS.Test(
            """
            class C
            {
                const string Model = {|#0:"deepseek-v4-flash"|};
            }
            """,
            """
            class C
            {
                const string Model = "deepseek-v4-pro";
            }
            """,
            VerifyCS.Diagnostic("DSK011").WithLocation(0).WithArguments("deepseek-v4-flash", "deepseek-flash", "deepseek-v4-pro"))
            .WithOptions("deepseek_analyzers.target_model = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task With_runtime_fix_writes_DeepSeekModels_Flash_and_adds_using() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|DSK011:"deepseek-v4-flash"|}, key);
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient(DeepSeekModels.Flash, key);
            }
            """)
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task A_catalog_file_that_renames_Flash_makes_deepseek_flash_legacy_but_not_the_runtime_constant()
        {
            var test = VerifyCS.Test(
                """
                using DeepSeek.Runtime;
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient({|#0:"deepseek-flash"|}, key);
                    ChatClient B(string key) => new ChatClient({|DSK011:"deepseek-v4-flash"|}, key);
                    ChatClient R(string key) => new ChatClient(DeepSeekModels.Flash, key);
                }
                """,
                """
                using DeepSeek.Runtime;
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("deepseek-flash-2", key);
                    ChatClient B(string key) => new ChatClient("deepseek-flash-2", key);
                    ChatClient R(string key) => new ChatClient(DeepSeekModels.Flash, key);
                }
                """,
                VerifyCS.Diagnostic("DSK011").WithLocation(0).WithArguments("deepseek-flash", "deepseek-flash-2", "deepseek-flash-2"))
                .WithRuntime();
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash-2" } ],
                  "aliases": [ { "alias": "deepseek-flash", "model": "deepseek-flash-2", "status": "legacy" } ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }

        [Fact]
        public Task No_fix_where_renaming_would_duplicate_a_case_label() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                decimal Price(string model)
                {
                    switch (model)
                    {
                        case {|DSK011:"deepseek-v4-flash"|}: return 1.20m;
                        case "deepseek-flash": return 1.20m;
                        default: return 0m;
                    }
                }
            }
            """,
            """
            class C
            {
                decimal Price(string model)
                {
                    switch (model)
                    {
                        case {|DSK011:"deepseek-v4-flash"|}: return 1.20m;
                        case "deepseek-flash": return 1.20m;
                        default: return 0m;
                    }
                }
            }
            """);

        [Fact]
        public async Task Fix_all_rewrites_every_document_in_the_solution()
        {
            var test = new Verifiers.DeepSeekTest<DSK011LegacyModelNameAnalyzer, DSK011LegacyModelNameCodeFixProvider>();
            test.TestState.Sources.Add(("/A.cs", """
                class A
                {
                    const string Model = {|DSK011:"deepseek-v4-flash"|};
                    object Body() => new { model = {|DSK011:"deepseek-v4-flash-vision-exp"|} };
                }
                """));
            test.TestState.Sources.Add(("/B.cs", """
                class B
                {
                    string[] Models = { {|DSK011:"deepseek-v4-flash"|}, "deepseek-v4-pro" };
                }
                """));
            test.FixedState.Sources.Add(("/A.cs", """
                class A
                {
                    const string Model = "deepseek-flash";
                    object Body() => new { model = "deepseek-flash" };
                }
                """));
            test.FixedState.Sources.Add(("/B.cs", """
                class B
                {
                    string[] Models = { "deepseek-flash", "deepseek-v4-pro" };
                }
                """));
            await test.RunAsync();
        }
    }
}
