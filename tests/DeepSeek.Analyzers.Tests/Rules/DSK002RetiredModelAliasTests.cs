using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasAnalyzer,
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK002RetiredModelAliasTests
    {
        // ---- Positions that are use ---------------------------------------------------------------------

        [Fact]
        public Task Flags_alias_in_ChatClient_constructor_and_fixes_to_flash() => VerifyCS.CodeFixAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
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
        public Task Flags_aliases_in_nested_types_once_each() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class Outer
            {
                class Inner
                {
                    struct Deepest
                    {
                        ChatClient Client() => new ChatClient({|DSK002:"deepseek-reasoner"|}, "key");
                    }

                    ChatClient Client() => new ChatClient({|DSK002:"deepseek-chat"|}, "key");
                }

                interface IMaker
                {
                    static ChatClient Make() => new ChatClient({|DSK002:"deepseek-chat"|}, "key");
                }
            }
            """);

        [Fact]
        public Task Half_typed_proxy_url_with_user_info_and_no_host_does_not_hide_the_alias() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                OpenAIClientOptions Options() => new OpenAIClientOptions { Endpoint = new Uri("http://deepseek@") };

                ChatClient Create(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
            }
            """);

        [Fact]
        public Task Flags_reasoner_in_GetChatClient() => VerifyCS.CodeFixAsync(
            """
            using OpenAI;

            class C
            {
                object Create(OpenAIClient client) => client.GetChatClient({|DSK002:"deepseek-reasoner"|});
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
        public Task Flags_alias_in_any_letter_case() => VerifyCS.CodeFixAsync(
            """
            using OpenAI;

            class C
            {
                object Create(OpenAIClient client) => client.GetChatClient({|DSK002:"DeepSeek-Chat"|});
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
        public Task Flags_alias_in_MEAI_ChatOptions_ModelId() => VerifyCS.CodeFixAsync(
            """
            using Microsoft.Extensions.AI;

            class C
            {
                ChatOptions Options() => new ChatOptions { ModelId = {|DSK002:"deepseek-chat"|}, MaxOutputTokens = 100 };
            }
            """,
            """
            using Microsoft.Extensions.AI;

            class C
            {
                ChatOptions Options() => new ChatOptions { ModelId = "deepseek-flash", MaxOutputTokens = 100 };
            }
            """);

        [Fact]
        public Task Flags_alias_in_Semantic_Kernel_modelId() => VerifyCS.CodeFixAsync(
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: {|DSK002:"deepseek-chat"|}, endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                    .Build();
            }
            """,
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                    .Build();
            }
            """);

        [Fact]
        public Task Flags_alias_in_Betalgo_request_Model() => VerifyCS.CodeFixAsync(
            """
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                ChatCompletionCreateRequest Request() => new ChatCompletionCreateRequest { Model = {|DSK002:"deepseek-reasoner"|}, MaxTokens = 200 };
            }
            """,
            """
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                ChatCompletionCreateRequest Request() => new ChatCompletionCreateRequest { Model = "deepseek-flash", MaxTokens = 200 };
            }
            """);

        [Fact]
        public Task Flags_alias_in_const_field() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                private const string Model = {|DSK002:"deepseek-chat"|};
            }
            """,
            """
            class C
            {
                private const string Model = "deepseek-flash";
            }
            """);

        [Fact]
        public Task Flags_alias_as_optional_parameter_default() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                void Ask(string prompt, string model = {|DSK002:"deepseek-reasoner"|}) { }
            }
            """,
            """
            class C
            {
                void Ask(string prompt, string model = "deepseek-flash") { }
            }
            """);

        [Fact]
        public Task Flags_alias_after_null_coalescing_and_in_ternary() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Pick(string? configured, bool deep) => configured ?? (deep ? {|DSK002:"deepseek-reasoner"|} : {|DSK002:"deepseek-chat"|});
            }
            """,
            """
            class C
            {
                string Pick(string? configured, bool deep) => configured ?? (deep ? "deepseek-flash" : "deepseek-flash");
            }
            """);

        [Fact]
        public Task Flags_alias_in_switch_arm_value() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Pick(int tier) => tier switch
                {
                    0 => {|DSK002:"deepseek-chat"|},
                    _ => "deepseek-v4-pro",
                };
            }
            """,
            """
            class C
            {
                string Pick(int tier) => tier switch
                {
                    0 => "deepseek-flash",
                    _ => "deepseek-v4-pro",
                };
            }
            """);

        [Fact]
        public Task Flags_alias_keying_a_price_table() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, decimal> OutputPricePerMillion = new()
                {
                    [{|DSK002:"deepseek-chat"|}] = 1.10m,
                    [{|DSK002:"deepseek-reasoner"|}] = 2.19m,
                };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, decimal> OutputPricePerMillion = new()
                {
                    ["deepseek-flash"] = 1.10m,
                    ["deepseek-flash"] = 2.19m,
                };
            }
            """);

        [Fact]
        public Task Flags_alias_in_collection_initialiser_and_array() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly List<string> Models = new() { {|DSK002:"deepseek-chat"|}, "deepseek-v4-pro" };
                static readonly string[] Fallbacks = { {|DSK002:"deepseek-reasoner"|} };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                static readonly List<string> Models = new() { "deepseek-flash", "deepseek-v4-pro" };
                static readonly string[] Fallbacks = { "deepseek-flash" };
            }
            """);

        [Fact]
        public Task Flags_alias_in_anonymous_body_and_disables_thinking_for_chat() => VerifyCS.CodeFixAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http, object[] messages)
                {
                    var body = new { model = {|DSK002:"deepseek-chat"|}, messages, max_tokens = 512 };
                    return http.PostAsJsonAsync("chat/completions", body);
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http, object[] messages)
                {
                    var body = new { model = "deepseek-flash", thinking = new { type = "disabled" }, messages, max_tokens = 512 };
                    return http.PostAsJsonAsync("chat/completions", body);
                }
            }
            """);

        [Fact]
        public Task Reasoner_in_anonymous_body_keeps_default_thinking() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                object Body(object[] messages) => new { model = {|DSK002:"deepseek-reasoner"|}, messages };
            }
            """,
            """
            class C
            {
                object Body(object[] messages) => new { model = "deepseek-flash", messages };
            }
            """);

        [Fact]
        public Task Anonymous_body_with_thinking_already_set_is_only_renamed() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                object Body(object[] messages) => new { model = {|DSK002:"deepseek-chat"|}, thinking = new { type = "enabled" }, messages };
            }
            """,
            """
            class C
            {
                object Body(object[] messages) => new { model = "deepseek-flash", thinking = new { type = "enabled" }, messages };
            }
            """);

        [Fact]
        public Task Flags_alias_in_multiline_dictionary_body_and_adds_thinking_entry() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                Dictionary<string, object> Body(object[] messages) => new Dictionary<string, object>
                {
                    ["model"] = {|DSK002:"deepseek-chat"|},
                    ["messages"] = messages,
                };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                Dictionary<string, object> Body(object[] messages) => new Dictionary<string, object>
                {
                    ["model"] = "deepseek-flash",
                    ["thinking"] = new { type = "disabled" },
                    ["messages"] = messages,
                };
            }
            """);

        [Fact]
        public Task Flags_alias_in_JsonObject_body_and_adds_thinking_object() => VerifyCS.CodeFixAsync(
            """
            using System.Text.Json.Nodes;

            class C
            {
                JsonObject Body() => new JsonObject { ["model"] = {|DSK002:"deepseek-chat"|}, ["stream"] = false };
            }
            """,
            """
            using System.Text.Json.Nodes;

            class C
            {
                JsonObject Body() => new JsonObject { ["model"] = "deepseek-flash", ["thinking"] = new JsonObject { ["type"] = "disabled" }, ["stream"] = false };
            }
            """);

        [Fact]
        public Task Dictionary_of_strings_is_only_renamed() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                Dictionary<string, string> Body() => new() { { "model", {|DSK002:"deepseek-chat"|} }, { "user", "u1" } };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                Dictionary<string, string> Body() => new() { { "model", "deepseek-flash" }, { "user", "u1" } };
            }
            """);

        [Fact]
        public Task Flags_JSON_in_regular_string_and_disables_thinking() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                const string Body = {|DSK002:"{\"model\": \"deepseek-chat\", \"messages\": []}"|};
            }
            """,
            """
            class C
            {
                const string Body = "{\"model\": \"deepseek-flash\", \"thinking\": {\"type\": \"disabled\"}, \"messages\": []}";
            }
            """);

        [Fact]
        public Task Flags_JSON_in_verbatim_string() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Body() => {|DSK002:@"{""model"":""deepseek-reasoner"",""messages"":[]}"|};
            }
            """,
            """
            class C
            {
                string Body() => @"{""model"":""deepseek-flash"",""messages"":[]}";
            }
            """);

        [Fact]
        public Task Flags_JSON_in_raw_string() => VerifyCS.CodeFixAsync(
            """"
            class C
            {
                string Body() => {|DSK002:"""
                    {
                      "model": "deepseek-chat",
                      "messages": [{ "role": "user", "content": "hi" }]
                    }
                    """|};
            }
            """",
            """"
            class C
            {
                string Body() => """
                    {
                      "model": "deepseek-flash", "thinking": {"type": "disabled"},
                      "messages": [{ "role": "user", "content": "hi" }]
                    }
                    """;
            }
            """");

        [Fact]
        public Task Flags_JSON_in_interpolated_string_and_escapes_braces() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Body(string prompt) => {|DSK002:$"{{\"model\":\"deepseek-chat\",\"messages\":[{{\"role\":\"user\",\"content\":\"{prompt}\"}}]}}"|};
            }
            """,
            """
            class C
            {
                string Body(string prompt) => $"{{\"model\":\"deepseek-flash\", \"thinking\": {{\"type\": \"disabled\"}},\"messages\":[{{\"role\":\"user\",\"content\":\"{prompt}\"}}]}}";
            }
            """);

        [Fact]
        public Task Flags_JSON_in_raw_interpolated_string() => WithDollarsAsCode(VerifyCS.Test(
            """"
            class C
            {
                string Body(string prompt) => {|DSK002:$$"""{"model": "deepseek-chat", "messages": [{"role": "user", "content": "{{prompt}}"}]}"""|};
            }
            """",
            """"
            class C
            {
                string Body(string prompt) => $$"""{"model": "deepseek-flash", "thinking": {"type": "disabled"}, "messages": [{"role": "user", "content": "{{prompt}}"}]}""";
            }
            """")).RunAsync();

        // $$ is the test markup's caret; raw interpolated strings need it read as code.
        private static Verifiers.DeepSeekTest<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider> WithDollarsAsCode(
            Verifiers.DeepSeekTest<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider> test)
        {
            test.MarkupOptions = MarkupOptions.TreatPositionIndicatorsAsCode;
            return test;
        }

        [Fact]
        public Task Flags_alias_in_case_label_without_fix_breaking_the_switch() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                decimal OutputPrice(string model)
                {
                    switch (model)
                    {
                        case {|DSK002:"deepseek-reasoner"|}: return 2.19m;
                        default: return 0m;
                    }
                }
            }
            """,
            """
            class C
            {
                decimal OutputPrice(string model)
                {
                    switch (model)
                    {
                        case "deepseek-flash": return 2.19m;
                        default: return 0m;
                    }
                }
            }
            """);

        [Fact]
        public Task Flags_alias_in_attribute_argument() => VerifyCS.CodeFixAsync(
            """
            using System.ComponentModel;

            class C
            {
                [DefaultValue({|DSK002:"deepseek-chat"|})]
                public string Model { get; set; } = "deepseek-flash";
            }
            """,
            """
            using System.ComponentModel;

            class C
            {
                [DefaultValue("deepseek-flash")]
                public string Model { get; set; } = "deepseek-flash";
            }
            """);

        [Fact]
        public Task Flags_JSON_in_utf8_raw_string() => VerifyCS.CodeFixAsync(
            """"
            using System;

            class C
            {
                ReadOnlySpan<byte> Body() => {|DSK002:"""{"model": "deepseek-reasoner", "messages": []}"""u8|};
            }
            """",
            """"
            using System;

            class C
            {
                ReadOnlySpan<byte> Body() => """{"model": "deepseek-flash", "messages": []}"""u8;
            }
            """");

        [Fact]
        public Task Flags_alias_as_utf8_literal_and_keeps_it_utf8() => VerifyCS.CodeFixAsync(
            """
            using System;

            class C
            {
                ReadOnlySpan<byte> Model() => {|DSK002:"deepseek-chat"u8|};
            }
            """,
            """
            using System;

            class C
            {
                ReadOnlySpan<byte> Model() => "deepseek-flash"u8;
            }
            """);

        [Fact]
        public Task No_fix_where_renaming_would_duplicate_a_case_label_or_key() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                decimal OutputPrice(string model)
                {
                    switch (model)
                    {
                        case {|DSK002:"deepseek-chat"|}: return 1.10m;
                        case "deepseek-flash": return 0.28m;
                        default: return 0m;
                    }
                }

                decimal Price(string model) => model switch
                {
                    {|DSK002:"deepseek-reasoner"|} => 2.19m,
                    "deepseek-flash" => 0.28m,
                    _ => 0m,
                };

                Dictionary<string, decimal> Prices = new() { { {|DSK002:"deepseek-chat"|}, 1.10m }, { "deepseek-flash", 0.28m } };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                decimal OutputPrice(string model)
                {
                    switch (model)
                    {
                        case {|DSK002:"deepseek-chat"|}: return 1.10m;
                        case "deepseek-flash": return 0.28m;
                        default: return 0m;
                    }
                }

                decimal Price(string model) => model switch
                {
                    {|DSK002:"deepseek-reasoner"|} => 2.19m,
                    "deepseek-flash" => 0.28m,
                    _ => 0m,
                };

                Dictionary<string, decimal> Prices = new() { { {|DSK002:"deepseek-chat"|}, 1.10m }, { "deepseek-flash", 0.28m } };
            }
            """);

        [Fact]
        public Task Fix_writes_DeepSeekModels_constant_with_runtime() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-reasoner"|}, key);
                ChatClient B(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient(DeepSeekModels.Flash, key);
                ChatClient B(string key) => new ChatClient(DeepSeekModels.Flash, key);
            }
            """)
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task Fix_writes_target_model_constant_with_runtime() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-reasoner"|}, key);
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient(DeepSeekModels.V4Pro, key);
            }
            """)
            .WithRuntime()
            .WithOptions("deepseek_analyzers.target_model = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task Fix_disables_thinking_in_anonymous_body() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                object Body(object messages) => new { model = {|DSK002:"deepseek-chat"|}, messages, max_tokens = 512 };
            }
            """,
            """
            class C
            {
                object Body(object messages) => new { model = "deepseek-flash", thinking = new { type = "disabled" }, messages, max_tokens = 512 };
            }
            """);

        [Fact]
        public Task Alias_added_by_catalog_file_is_retired_and_the_target_follows_the_rename()
        {
            // The file renames Flash and retires its old id: the default target (deepseek-flash) is now an alias, so the
            // fix writes what replaces it, and deepseek-chat (mapped to deepseek-flash) follows along.
            var test = VerifyCS.Test(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-flash"|}, key);
                    ChatClient B(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
                }
                """,
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("deepseek-flash-2", key);
                    ChatClient B(string key) => new ChatClient("deepseek-flash-2", key);
                }
                """);
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash-2" } ],
                  "aliases": [ { "alias": "deepseek-flash", "model": "deepseek-flash-2", "thinking": true, "status": "retired" } ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }

        [Fact]
        public Task Catalog_alias_not_spelled_deepseek_is_a_candidate_in_code_and_json()
        {
            // The model-id rules share one candidate search per file: it must let through every id the catalog file adds,
            // whatever its spelling, as a whole literal and as a JSON model value.
            var test = VerifyCS.Test(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient({|DSK002:"ds-legacy-chat"|}, key);
                    string Body() => {|DSK002:"{\"model\": \"DS-LEGACY-CHAT\", \"messages\": []}"|};
                }
                """,
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("deepseek-flash", key);
                    string Body() => "{\"model\": \"deepseek-flash\", \"messages\": []}";
                }
                """);
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "aliases": [ { "alias": "ds-legacy-chat", "model": "deepseek-flash", "thinking": true, "status": "retired" } ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_rewrites_json_in_interpolated_string() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Body(string messages) => {|DSK002:$"{{\"model\": \"deepseek-reasoner\", \"messages\": {messages}}}"|};
            }
            """,
            """
            class C
            {
                string Body(string messages) => $"{{\"model\": \"deepseek-flash\", \"messages\": {messages}}}";
            }
            """);

        // ---- Not use ------------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_migration_dictionary() => VerifyCS.AnalyzerAsync(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, string> Renames = new()
                {
                    ["deepseek-chat"] = "deepseek-flash",
                    ["deepseek-reasoner"] = "deepseek-flash",
                };

                static readonly Dictionary<string, string> Pairs = new() { { "deepseek-chat", "deepseek-flash" } };
            }
            """);

        [Fact]
        public Task Ignores_migration_switch_and_tuples() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Current = "deepseek-flash";

                string Migrate(string model) => model switch
                {
                    "deepseek-chat" or "deepseek-reasoner" => Current,
                    _ => model,
                };

                (string Old, string New)[] Table = { ("deepseek-chat", "deepseek-flash"), ("deepseek-reasoner", Current) };

                string Fix(string json) => json.Replace("deepseek-chat", "deepseek-flash");

                string Old(string model)
                {
                    switch (model)
                    {
                        case "deepseek-chat": return "deepseek-flash";
                        default: return model;
                    }
                }
            }
            """);

        [Fact]
        public Task Ignores_provider_name_patterns_but_not_model_tables() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                // Provider names users may type: "deepseek-chat" is one of them here, not a model id sent anywhere.
                static string Normalize(string providerType) => providerType.Trim().ToLowerInvariant() switch
                {
                    "deepseek" or "deepseek-openai" or "deepseek-openai-chat" or "deepseek-chat" => "DeepSeekOpenAI",
                    "openai-chat" or "openai" => "OpenAI",
                    _ => providerType.Trim(),
                };

                // A table keyed by model ids (the other alternative is a model name too): still a use of the alias.
                static decimal OutputPrice(string model) => model switch
                {
                    {|DSK002:"deepseek-chat"|} or "deepseek-v3" => 1.10m,
                    {|DSK002:"deepseek-reasoner"|} => 2.19m,
                    _ => 0m,
                };
            }
            """);

        [Fact]
        public Task Ignores_comparisons_and_lookups() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;

            class C
            {
                bool IsOld(string model, Dictionary<string, decimal> prices) =>
                    model == "deepseek-chat"
                    || model is "deepseek-reasoner" or "DEEPSEEK-CHAT"
                    || string.Equals(model, "deepseek-chat", StringComparison.OrdinalIgnoreCase)
                    || model.Equals("deepseek-reasoner")
                    || prices.ContainsKey("deepseek-chat");
            }
            """);

        [Fact]
        public Task Ignores_runtime_migration_helpers() => VerifyCS.Test(
            """
            using DeepSeek.Runtime;

            class C
            {
                string M() => DeepSeekModels.Migrate("deepseek-chat");
                bool R() => DeepSeekModels.IsRetiredAlias("deepseek-reasoner");
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Ignores_prose_and_other_hosts_ids() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                void Log()
                {
                    Console.WriteLine("Migrated from deepseek-chat to deepseek-flash.");
                    Console.WriteLine("The model \"deepseek-chat\" was retired.");
                    var openRouter = "deepseek/deepseek-chat";
                    var ollama = "deepseek-r1:7b";
                    var azure = "DeepSeek-R1";
                    var current = "deepseek-flash";
                    var json = "{\"note\": \"deepseek-chat\"}";
                }
            }
            """);

        [Fact]
        public Task Ignores_alias_sent_to_a_client_on_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient Local(string key)
                {
                    var gateway = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:4000/v1") });
                    return gateway.GetChatClient("deepseek-chat");
                }
            }
            """);

        [Fact]
        public Task Flags_alias_sent_to_a_client_on_api_deepseek_com() => VerifyCS.AnalyzerAsync(
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
                    return client.GetChatClient({|DSK002:"deepseek-chat"|});
                }
            }
            """);

        // ---- Messages, options, runtime, Fix All ---------------------------------------------------------

        [Fact]
        public Task Message_names_target_and_thinking() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string A = {|#0:"deepseek-chat"|};
                const string B = {|#1:"deepseek-reasoner"|};
            }
            """,
            VerifyCS.Diagnostic("DSK002").WithLocation(0)
                .WithArguments("deepseek-chat", "deepseek-flash", " with thinking disabled (it thinks by default)"),
            VerifyCS.Diagnostic("DSK002").WithLocation(1)
                .WithArguments("deepseek-reasoner", "deepseek-flash", ""));

        [Fact]
        public Task Target_model_option_changes_fix_and_message() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|#0:"deepseek-chat"|}, key);
            }
            """,
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient("deepseek-flash", key);
            }
            """,
            VerifyCS.Diagnostic("DSK002").WithLocation(0)
                .WithArguments("deepseek-chat", "deepseek-flash", " with thinking disabled (it thinks by default)"))
            .WithOptions("deepseek_analyzers.target_model = deepseek-flash")
            .RunAsync();

        [Fact]
        public Task Target_model_option_counts_as_current_in_migration_tables() => VerifyCS.Test(
            """
            using System.Collections.Generic;

            class C
            {
                static readonly Dictionary<string, string> Renames = new() { ["deepseek-chat"] = "deepseek-flash" };
            }
            """)
            .WithOptions("deepseek_analyzers.target_model = deepseek-flash")
            .RunAsync();

        [Fact]
        public Task With_runtime_fix_writes_DeepSeekModels_constant_and_adds_using() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
                const string Fallback = {|DSK002:"deepseek-reasoner"|};
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient(DeepSeekModels.Flash, key);
                const string Fallback = DeepSeekModels.Flash;
            }
            """)
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task With_runtime_and_pro_target_fix_writes_V4Pro() => VerifyCS.Test(
            """
            using DeepSeek.Runtime;

            class C
            {
                string Model() => {|DSK002:"deepseek-reasoner"|};
            }
            """,
            """
            using DeepSeek.Runtime;

            class C
            {
                string Model() => DeepSeekModels.V4Pro;
            }
            """)
            .WithRuntime()
            .WithOptions("deepseek_analyzers.target_model = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task With_runtime_and_unknown_target_fix_writes_literal() => VerifyCS.Test(
            """
            class C
            {
                string Model() => {|DSK002:"deepseek-chat"|};
            }
            """,
            """
            class C
            {
                string Model() => "deepseek-flash-2";
            }
            """)
            .WithRuntime()
            .WithOptions("deepseek_analyzers.target_model = deepseek-flash-2")
            .RunAsync();

        [Fact]
        public async Task Fix_all_rewrites_every_document_in_the_solution()
        {
            var test = new Verifiers.DeepSeekTest<DSK002RetiredModelAliasAnalyzer, DSK002RetiredModelAliasCodeFixProvider>();
            test.TestState.Sources.Add(("/A.cs", """
                class A
                {
                    const string Model = {|DSK002:"deepseek-chat"|};
                    object Body() => new { model = {|DSK002:"deepseek-chat"|} };
                }
                """));
            test.TestState.Sources.Add(("/B.cs", """
                class B
                {
                    string[] Models = { {|DSK002:"deepseek-reasoner"|}, {|DSK002:"deepseek-chat"|} };
                }
                """));
            test.FixedState.Sources.Add(("/A.cs", """
                class A
                {
                    const string Model = "deepseek-flash";
                    object Body() => new { model = "deepseek-flash", thinking = new { type = "disabled" } };
                }
                """));
            test.FixedState.Sources.Add(("/B.cs", """
                class B
                {
                    string[] Models = { "deepseek-flash", "deepseek-flash" };
                }
                """));
            test.CodeFixTestBehaviors = CodeFixTestBehaviors.None;
            await test.RunAsync();
        }

        // ---- Realistic shapes (public DeepSeek callers) -------------------------------------------------------

        [Fact]
        public Task Flags_alias_defaults_in_options_class_record_and_dto_field() => VerifyCS.CodeFixAsync(
            """
            using System.Text.Json.Serialization;

            public class DeepseekProviderOptions
            {
                public string BaseUrl { get; set; } = "https://api.deepseek.com";
                public string DefaultModel { get; set; } = {|DSK002:"deepseek-chat"|};
            }

            public record DeepSeekSettings(string ApiKey, string Model = {|DSK002:"deepseek-reasoner"|});

            public class ChatRequest
            {
                [JsonPropertyName("model")]
                public string Model = {|DSK002:"deepseek-chat"|};
            }
            """,
            """
            using System.Text.Json.Serialization;

            public class DeepseekProviderOptions
            {
                public string BaseUrl { get; set; } = "https://api.deepseek.com";
                public string DefaultModel { get; set; } = "deepseek-flash";
            }

            public record DeepSeekSettings(string ApiKey, string Model = "deepseek-flash");

            public class ChatRequest
            {
                [JsonPropertyName("model")]
                public string Model = "deepseek-flash";
            }
            """);

        [Fact]
        public Task Flags_aliases_in_model_picker_list_and_enum_switch() => VerifyCS.AnalyzerAsync(
            """
            public enum DeepSeekModel { Chat, Reasoner }

            public static class Models
            {
                public static readonly string[] Available = new[] { {|DSK002:"deepseek-chat"|}, {|DSK002:"deepseek-reasoner"|} };

                public static string ToId(this DeepSeekModel model) => model switch
                {
                    DeepSeekModel.Chat => {|DSK002:"deepseek-chat"|},
                    DeepSeekModel.Reasoner => {|DSK002:"deepseek-reasoner"|},
                    _ => throw new System.ArgumentOutOfRangeException(nameof(model)),
                };
            }
            """);

        [Fact]
        public Task Flags_alias_in_semantic_kernel_execution_settings_and_MEAI_chain() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel.Connectors.OpenAI;
            using OpenAI;

            class C
            {
                OpenAIPromptExecutionSettings Settings() => new() { ModelId = {|DSK002:"deepseek-reasoner"|}, MaxTokens = 512 };

                IChatClient Client(string key)
                    => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                        .GetChatClient({|DSK002:"deepseek-reasoner"|})
                        .AsIChatClient();
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel.Connectors.OpenAI;
            using OpenAI;

            class C
            {
                OpenAIPromptExecutionSettings Settings() => new() { ModelId = "deepseek-flash", MaxTokens = 512 };

                IChatClient Client(string key)
                    => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                        .GetChatClient("deepseek-flash")
                        .AsIChatClient();
            }
            """);

        [Fact]
        public Task Flags_serialized_anonymous_body_and_disables_thinking() => VerifyCS.CodeFixAsync(
            """
            using System.Net.Http;
            using System.Text;
            using System.Text.Json;

            class C
            {
                StringContent Body(string prompt)
                    => new StringContent(JsonSerializer.Serialize(new { model = {|DSK002:"deepseek-chat"|}, messages = new[] { new { role = "user", content = prompt } }, stream = false }), Encoding.UTF8, "application/json");
            }
            """,
            """
            using System.Net.Http;
            using System.Text;
            using System.Text.Json;

            class C
            {
                StringContent Body(string prompt)
                    => new StringContent(JsonSerializer.Serialize(new { model = "deepseek-flash", thinking = new { type = "disabled" }, messages = new[] { new { role = "user", content = prompt } }, stream = false }), Encoding.UTF8, "application/json");
            }
            """);

        [Fact]
        public Task Ignores_log_and_exception_prose_naming_an_alias() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                void Check(string model)
                {
                    Console.WriteLine($"Calling {model} (was deepseek-chat)");
                    if (string.Equals(model, "deepseek-reasoner", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new NotSupportedException("deepseek-reasoner is retired, use deepseek-flash");
                    }
                }
            }
            """);

        [Fact]
        public Task Ignores_json_alias_posted_to_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http, string prompt)
                    => http.PostAsync("http://localhost:4000/v1/chat/completions",
                        new StringContent($"{{\"model\": \"deepseek-chat\", \"messages\": [{{\"role\": \"user\", \"content\": \"{prompt}\"}}]}}", Encoding.UTF8, "application/json"));

                Task<HttpResponseMessage> Plain(HttpClient http)
                    => http.PostAsync("http://localhost:4000/v1/chat/completions", new StringContent("{\"model\": \"deepseek-reasoner\"}"));
            }
            """);

        [Fact]
        public Task Flags_json_alias_in_a_class_that_also_calls_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                const string Body = {|DSK002:"{\"model\": \"deepseek-chat\"}"|};

                ChatClient Router(string key) => new ChatClient("deepseek/deepseek-r1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
            }
            """);

        [Fact]
        public Task No_fix_where_two_aliases_key_the_same_table() => VerifyCS.CodeFixAsync(
            """
            using System.Collections.Generic;

            class C
            {
                decimal InputPrice(string model)
                {
                    switch (model)
                    {
                        case {|DSK002:"deepseek-chat"|}: return 0.27m;
                        case {|DSK002:"deepseek-reasoner"|}: return 0.55m;
                        default: return 0m;
                    }
                }

                decimal OutputPrice(string model) => model switch
                {
                    {|DSK002:"deepseek-chat"|} => 1.10m,
                    {|DSK002:"deepseek-reasoner"|} => 2.19m,
                    _ => 0m,
                };

                Dictionary<string, decimal> Prices = new() { { {|DSK002:"deepseek-chat"|}, 1.10m }, { {|DSK002:"deepseek-reasoner"|}, 2.19m } };
            }
            """,
            """
            using System.Collections.Generic;

            class C
            {
                decimal InputPrice(string model)
                {
                    switch (model)
                    {
                        case {|DSK002:"deepseek-chat"|}: return 0.27m;
                        case {|DSK002:"deepseek-reasoner"|}: return 0.55m;
                        default: return 0m;
                    }
                }

                decimal OutputPrice(string model) => model switch
                {
                    {|DSK002:"deepseek-chat"|} => 1.10m,
                    {|DSK002:"deepseek-reasoner"|} => 2.19m,
                    _ => 0m,
                };

                Dictionary<string, decimal> Prices = new() { { {|DSK002:"deepseek-chat"|}, 1.10m }, { {|DSK002:"deepseek-reasoner"|}, 2.19m } };
            }
            """);

        [Fact]
        public Task Ignores_model_echoed_in_a_response_fixture() => VerifyCS.AnalyzerAsync(
            """"
            class FakeDeepSeekHandler
            {
                const string Reply = """
                    {"id": "cmpl-1", "object": "chat.completion", "model": "deepseek-chat",
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi"}, "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 5, "completion_tokens": 1, "total_tokens": 6}}
                    """;

                const string Request = {|DSK002:"{\"model\": \"deepseek-reasoner\", \"messages\": []}"|};
            }
            """");

        [Fact]
        public Task The_fix_reads_the_catalog_file_too_and_withholds_a_rename_that_would_duplicate_a_file_alias_key()
        {
            // "ds-chat-old" is an alias only the file knows: both cases would become deepseek-flash, so neither is renamed.
            const string Source = """
                class C
                {
                    decimal Price(string model)
                    {
                        switch (model)
                        {
                            case {|DSK002:"deepseek-chat"|}: return 1.10m;
                            case {|DSK002:"ds-chat-old"|}: return 1.10m;
                            default: return 0m;
                        }
                    }
                }
                """;
            var test = VerifyCS.Test(Source, Source);
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """{ "aliases": [ { "alias": "ds-chat-old", "model": "deepseek-flash", "thinking": false } ] }"""));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }
    }
}
