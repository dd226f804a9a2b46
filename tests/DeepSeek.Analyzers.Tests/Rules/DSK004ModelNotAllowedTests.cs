using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK004ModelNotAllowedAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK004ModelNotAllowedTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string id, string allowed = "deepseek-flash")
            => VerifyCS.Diagnostic("DSK004").WithLocation(location).WithArguments(id, allowed);

        [Fact]
        public Task Flags_pro_in_ChatClient_constructor() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|#0:"deepseek-v4-pro"|}, key);
            }
            """,
            Diagnostic(0, "deepseek-v4-pro"));

        [Fact]
        public Task Flags_pro_in_GetChatClient_ChatOptions_and_semantic_kernel() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.Extensions.AI;
            using Microsoft.SemanticKernel;
            using OpenAI;

            class C
            {
                const string Hard = {|#0:"deepseek-v4-pro"|};
                object A(OpenAIClient client) => client.GetChatClient({|#1:"deepseek-v4-pro"|});
                ChatOptions B() => new ChatOptions { ModelId = {|#2:"deepseek-v4-pro"|} };
                IKernelBuilder D(string key) => Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId: {|#3:"deepseek-v4-pro"|}, endpoint: new Uri("https://api.deepseek.com"), apiKey: key);
            }
            """,
            Diagnostic(0, "deepseek-v4-pro"),
            Diagnostic(1, "deepseek-v4-pro"),
            Diagnostic(2, "deepseek-v4-pro"),
            Diagnostic(3, "deepseek-v4-pro"));

        [Fact]
        public Task Flags_pro_in_anonymous_body_switch_arm_and_json_text() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                object Body(bool hard, object messages) => new { model = hard ? {|#0:"deepseek-v4-pro"|} : "deepseek-flash", messages };
                string Pick(string tier) => tier switch { "hard" => {|#1:"deepseek-v4-pro"|}, _ => "deepseek-flash" };
                const string Json = {|#2:"{\"model\": \"deepseek-v4-pro\", \"max_tokens\": 100}"|};
            }
            """,
            Diagnostic(0, "deepseek-v4-pro"),
            Diagnostic(1, "deepseek-v4-pro"),
            Diagnostic(2, "deepseek-v4-pro"));

        [Fact]
        public Task Flags_DeepSeekModels_V4Pro_from_the_runtime() => VerifyCS.Test(
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|#0:DeepSeekModels.V4Pro|}, key);
                ChatClient B(string key) => new ChatClient(DeepSeekModels.Flash, key);
                bool IsPro(string model) => model == DeepSeekModels.V4Pro;
            }
            """,
            null,
            Diagnostic(0, "deepseek-v4-pro"))
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task Ignores_flash_and_retired_aliases() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-flash", key);
                ChatClient B(string key) => new ChatClient("deepseek-chat", key);
                ChatClient D(string key) => new ChatClient("deepseek-reasoner", key);
            }
            """);

        [Fact]
        public Task Ignores_comparisons_and_other_hosts() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                bool IsPro(string model) => model == "deepseek-v4-pro" || string.Equals(model, "deepseek-v4-pro");
                ChatClient Gateway(string key) => new ChatClient("deepseek-v4-pro", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
                ChatClient Azure(string key) => new ChatClient("DeepSeek-V4-Pro", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://my.services.ai.azure.com/models") });
            }
            """);

        [Fact]
        public Task Allowed_models_option_approves_pro() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient("deepseek-v4-pro", key);
            }
            """)
            .WithOptions("deepseek_analyzers.allowed_models = deepseek-flash, deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task Allowed_models_option_replaces_the_default_list() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-v4-pro", key);
                ChatClient B(string key) => new ChatClient({|#0:"deepseek-flash"|}, key);
            }
            """,
            null,
            Diagnostic(0, "deepseek-flash", "deepseek-v4-pro"))
            .WithOptions("deepseek_analyzers.allowed_models = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task Model_added_by_catalog_file_needs_approval_and_retired_one_does_not()
        {
            var test = VerifyCS.Test(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient({|#0:"deepseek-v5"|}, key);
                    ChatClient B(string key) => new ChatClient("deepseek-v4-pro", key);
                    ChatClient D(string key) => new ChatClient("deepseek-flash", key);
                }
                """,
                null,
                Diagnostic(0, "deepseek-v5", "deepseek-flash"));
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-v5" } ],
                  "aliases": [ { "alias": "deepseek-v4-pro", "model": "deepseek-v5", "thinking": true } ]
                }
                """));
            return test.RunAsync();
        }

        // ---- Realistic shapes (public DeepSeek callers) -------------------------------------------------------

        [Fact]
        public Task Flags_pro_in_interpolated_json_body() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Text;

            class C
            {
                StringContent Body(string prompt)
                    => new StringContent({|#0:$"{{\"model\": \"deepseek-v4-pro\", \"messages\": [{{\"role\": \"user\", \"content\": \"{prompt}\"}}]}}"|}, Encoding.UTF8, "application/json");
            }
            """,
            Diagnostic(0, "deepseek-v4-pro"));

        [Fact]
        public Task Flags_pro_defaults_in_options_and_records() => VerifyCS.AnalyzerAsync(
            """
            public class DeepSeekOptions
            {
                public string Model { get; set; } = {|#0:"deepseek-v4-pro"|};
            }

            public record DeepSeekSettings(string Model = {|#1:"deepseek-v4-pro"|});
            """,
            Diagnostic(0, "deepseek-v4-pro"),
            Diagnostic(1, "deepseek-v4-pro"));

        [Fact]
        public Task Ignores_pro_in_json_for_another_host_and_in_prose() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http, string prompt)
                    => http.PostAsync("http://localhost:4000/v1/chat/completions",
                        new StringContent($"{{\"model\": \"deepseek-v4-pro\", \"messages\": [{{\"role\": \"user\", \"content\": \"{prompt}\"}}]}}", Encoding.UTF8, "application/json"));

                void Log() => Console.WriteLine("Escalating to deepseek-v4-pro for hard tasks");
            }
            """);

        [Fact]
        public Task Ignores_pro_in_json_literal_posted_to_a_local_gateway_but_flags_it_for_deepseek() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Local(HttpClient http)
                    => http.PostAsync("http://localhost:4000/v1/chat/completions", new StringContent("{\"model\": \"deepseek-v4-pro\"}"));

                Task<HttpResponseMessage> Remote(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent({|#0:"{\"model\": \"deepseek-v4-pro\"}"|}));
            }
            """,
            Diagnostic(0, "deepseek-v4-pro"));

        // ---- Legacy names -------------------------------------------------------------------------------

        [Fact]
        public Task A_legacy_name_is_DSK011s_and_never_DSK004() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-v4-flash", key);
                ChatClient B(string key) => new ChatClient("deepseek-v4-flash-vision-exp", key);
                const string Json = "{\"model\": \"deepseek-v4-flash\"}";
                ChatClient D(string key) => new ChatClient({|#0:"deepseek-flash"|}, key);
            }
            """,
            null,
            Diagnostic(0, "deepseek-flash", "deepseek-v4-pro"))
            .WithOptions("deepseek_analyzers.allowed_models = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task A_legacy_name_in_the_allowlist_approves_the_model_that_replaced_it() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-flash", key);
                ChatClient B(string key) => new ChatClient({|#0:"deepseek-v4-pro"|}, key);
            }
            """,
            null,
            Diagnostic(0, "deepseek-v4-pro", "deepseek-v4-flash"))
            .WithOptions("deepseek_analyzers.allowed_models = deepseek-v4-flash")
            .RunAsync();

        [Fact]
        public Task A_catalog_file_that_renames_Flash_keeps_the_default_allowlist_meaning_Flash()
        {
            var test = VerifyCS.Test(
                """
                using DeepSeek.Runtime;
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("deepseek-flash-2", key);
                    ChatClient B(string key) => new ChatClient("deepseek-flash", key);
                    ChatClient D(string key) => new ChatClient({|#0:"deepseek-v4-pro"|}, key);
                    ChatClient E(string key) => new ChatClient({|#1:DeepSeekModels.V4Pro|}, key);
                    ChatClient F(string key) => new ChatClient(DeepSeekModels.Flash, key);
                }
                """,
                null,
                Diagnostic(0, "deepseek-v4-pro"),
                Diagnostic(1, "deepseek-v4-pro"))
                .WithRuntime();
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash-2" } ],
                  "aliases": [ { "alias": "deepseek-flash", "model": "deepseek-flash-2", "status": "legacy" } ]
                }
                """));
            return test.RunAsync();
        }
    }
}
