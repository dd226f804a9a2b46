using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK003UnknownModelIdAnalyzer,
    DeepSeek.Analyzers.Rules.DSK003UnknownModelIdCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK003UnknownModelIdTests
    {
        private const string Marketing = "a marketing and open-weight name, never an API id";

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string id, string reason, string replacement)
            => VerifyCS.Diagnostic("DSK003").WithLocation(location).WithArguments(id, reason, replacement);

        // ---- Idioms -------------------------------------------------------------------------------------------

        [Fact]
        public Task Flags_marketing_name_in_GetChatClient() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private static readonly OpenAIClient Client = new(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                ChatClient Chat() => Client.GetChatClient({|#0:"deepseek-v3"|});
            }
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private static readonly OpenAIClient Client = new(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                ChatClient Chat() => Client.GetChatClient("deepseek-flash");
            }
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_typos_in_ChatClient_constructor_and_fixes_to_nearest_id() => VerifyCS.CodeFixAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient Fast() => new ChatClient({|#0:"deepseek-v4-flsh"|}, Key);
                ChatClient Hard() => new ChatClient({|#1:"deepseek-v4-pr"|}, Key);
            }
            """,
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient Fast() => new ChatClient("deepseek-flash", Key);
                ChatClient Hard() => new ChatClient("deepseek-v4-pro", Key);
            }
            """,
            Diagnostic(0, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"),
            Diagnostic(1, "deepseek-v4-pr", "a likely typo", "deepseek-v4-pro"));

        [Fact]
        public Task Flags_retired_coder_in_ChatOptions_ModelId() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly IChatClient _chat;

                C(string key)
                {
                    _chat = new OpenAIClient(new System.ClientModel.ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") })
                        .GetChatClient("deepseek-flash").AsIChatClient();
                }

                Task<ChatResponse> Ask(string prompt)
                    => _chat.GetResponseAsync(prompt, new ChatOptions { ModelId = {|#0:"deepseek-coder"|}, MaxOutputTokens = 100 });
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly IChatClient _chat;

                C(string key)
                {
                    _chat = new OpenAIClient(new System.ClientModel.ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") })
                        .GetChatClient("deepseek-flash").AsIChatClient();
                }

                Task<ChatResponse> Ask(string prompt)
                    => _chat.GetResponseAsync(prompt, new ChatOptions { ModelId = "deepseek-flash", MaxOutputTokens = 100 });
            }
            """,
            Diagnostic(0, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"));

        [Fact]
        public Task Flags_semantic_kernel_modelId_with_deepseek_endpoint() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: {|#0:"deepseek-r1"|}, endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                    .Build();
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_betalgo_request_model_in_deepseek_service() => VerifyCS.AnalyzerAsync(
            """
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                private readonly OpenAIService _service = new(new OpenAIOptions { ApiKey = "k", BaseDomain = "https://api.deepseek.com" });

                ChatCompletionCreateRequest Request() => new ChatCompletionCreateRequest { Model = {|#0:"deepseek-v3.2-exp"|}, MaxTokens = 100 };
            }
            """,
            Diagnostic(0, "deepseek-v3.2-exp", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_anonymous_body_posted_to_deepseek() => VerifyCS.CodeFixAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class C
            {
                async Task Send(HttpClient http, object[] messages)
                {
                    var body = new { model = {|#0:"deepseek-v3.1"|}, messages, max_tokens = 256 };
                    await http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class C
            {
                async Task Send(HttpClient http, object[] messages)
                {
                    var body = new { model = "deepseek-flash", messages, max_tokens = 256 };
                    await http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            Diagnostic(0, "deepseek-v3.1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_json_text_posted_to_deepseek() => VerifyCS.CodeFixAsync(
            """
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions",
                        new StringContent({|#0:"{\"model\": \"deepseek-v4-flsh\", \"max_tokens\": 64}"|}, Encoding.UTF8, "application/json"));
            }
            """,
            """
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions",
                        new StringContent("{\"model\": \"deepseek-flash\", \"max_tokens\": 64}", Encoding.UTF8, "application/json"));
            }
            """,
            Diagnostic(0, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"));

        [Fact]
        public Task Flags_json_in_interpolated_and_raw_strings() => VerifyCS.CodeFixAsync(
            """"
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                private readonly HttpClient _http = new() { BaseAddress = new System.Uri("https://api.deepseek.com") };

                Task<HttpResponseMessage> A(string messages)
                    => _http.PostAsync("chat/completions", new StringContent({|#0:$"{{\"model\": \"deepseek-v3.2\", \"messages\": {messages}}}"|}, Encoding.UTF8, "application/json"));

                Task<HttpResponseMessage> B()
                    => _http.PostAsync("chat/completions", new StringContent({|#1:"""{"model": "deepseek-v4-flsh"}"""|}, Encoding.UTF8, "application/json"));
            }
            """",
            """"
            using System.Net.Http;
            using System.Text;
            using System.Threading.Tasks;

            class C
            {
                private readonly HttpClient _http = new() { BaseAddress = new System.Uri("https://api.deepseek.com") };

                Task<HttpResponseMessage> A(string messages)
                    => _http.PostAsync("chat/completions", new StringContent($"{{\"model\": \"deepseek-flash\", \"messages\": {messages}}}", Encoding.UTF8, "application/json"));

                Task<HttpResponseMessage> B()
                    => _http.PostAsync("chat/completions", new StringContent("""{"model": "deepseek-flash"}""", Encoding.UTF8, "application/json"));
            }
            """",
            Diagnostic(0, "deepseek-v3.2", Marketing, "deepseek-flash"),
            Diagnostic(1, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"));

        [Fact]
        public Task Flags_const_used_by_a_deepseek_client() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                const string Model = {|#0:"deepseek-v3"|};
                const string Endpoint = "https://api.deepseek.com";

                ChatClient Create(string key)
                    => new ChatClient(Model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(Endpoint) });
            }
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                const string Model = "deepseek-flash";
                const string Endpoint = "https://api.deepseek.com";

                ChatClient Create(string key)
                    => new ChatClient(Model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(Endpoint) });
            }
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_ternary_and_switch_arms() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(bool hard, string tier)
                {
                    var key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    var a = new ChatClient(hard ? {|#0:"deepseek-r1"|} : "deepseek-flash", key);
                    return new ChatClient(tier switch { "code" => {|#1:"deepseek-coder"|}, _ => "deepseek-flash" }, key);
                }
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"),
            Diagnostic(1, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"));

        // ---- Not reported -------------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_openrouter_id() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                static readonly OpenAIClientOptions Options = new() { Endpoint = new Uri("https://openrouter.ai/api/v1") };
                ChatClient A(string key) => new ChatClient("deepseek/deepseek-r1", new ApiKeyCredential(key), Options);
                ChatClient B(string key) => new ChatClient("deepseek-r1", new ApiKeyCredential(key), Options);
            }
            """);

        [Fact]
        public Task Ignores_azure_and_github_capitalised_ids() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("DeepSeek-R1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://models.github.ai/inference") });
                ChatClient B(string key) => new ChatClient("DeepSeek-V3", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Ignores_ollama_tag_and_localhost() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient("deepseek-r1:7b", new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });
                ChatClient B() => new ChatClient("deepseek-r1", new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:11434/v1") });
                ChatClient C2(string key) => new ChatClient("deepseek-r1:7b", Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """);

        [Fact]
        public Task Ignores_client_without_evidence() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient("deepseek-v3", key);
            }
            """);

        [Fact]
        public Task Ignores_comparisons_migration_tables_and_prose() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using OpenAI.Chat;

            class C
            {
                static readonly Dictionary<string, string> Migrations = new() { ["deepseek-v3"] = "deepseek-flash", ["deepseek-r1"] = "deepseek-flash" };
                static readonly (string Old, string New)[] Pairs = { ("deepseek-coder", "deepseek-flash") };

                ChatClient Create(string model)
                {
                    var key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    if (model == "deepseek-coder" || model.StartsWith("deepseek-v3"))
                    {
                        Console.WriteLine("deepseek-v3 is not an API id");
                    }

                    return new ChatClient(Migrations.TryGetValue(model, out var current) ? current : model, key);
                }
            }
            """);

        [Fact]
        public Task Ignores_catalog_ids_and_aliases() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient A() => new ChatClient("deepseek-flash", Key);
                ChatClient B() => new ChatClient("deepseek-v4-pro", Key);
                ChatClient D() => new ChatClient("deepseek-chat", Key);
            }
            """);

        // ---- Options ------------------------------------------------------------------------------------------

        [Fact]
        public Task Scope_all_openai_compatible_flags_without_evidence_but_not_other_hosts() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|#0:"deepseek-v3"|}, key);
                ChatClient B(string key) => new ChatClient("deepseek-r1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
            }
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient("deepseek-flash", key);
                ChatClient B(string key) => new ChatClient("deepseek-r1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
            }
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"))
            .WithOptions("deepseek_analyzers.scope = all_openai_compatible")
            .RunAsync();

        [Fact]
        public Task Scope_all_openai_compatible_covers_json_bodies_without_evidence()
        {
            const string Source = """
                class C
                {
                    const string Body = {|#0:"{\"model\": \"deepseek-r1\"}"|};
                }
                """;
            const string Fixed = """
                class C
                {
                    const string Body = "{\"model\": \"deepseek-flash\"}";
                }
                """;
            return System.Threading.Tasks.Task.WhenAll(
                VerifyCS.AnalyzerAsync(Source.Replace("{|#0:", string.Empty).Replace("|}", string.Empty)),
                VerifyCS.Test(Source, Fixed, Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"))
                    .WithOptions("deepseek_analyzers.scope = all_openai_compatible")
                    .RunAsync());
        }

        [Fact]
        public Task Unknown_id_far_from_every_catalog_id_gets_the_target_model() => VerifyCS.CodeFixAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient({|#0:"deepseek-v5-ultra"|}, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient("deepseek-flash", Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            Diagnostic(0, "deepseek-v5-ultra", "not in the model catalog", "deepseek-flash"));

        [Fact]
        public Task Target_model_option_is_the_fix_for_retired_names() => VerifyCS.Test(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient({|#0:"deepseek-r1"|}, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient("deepseek-v4-pro", Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-v4-pro"))
            .WithOptions("deepseek_analyzers.target_model = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task Target_model_and_allowed_models_are_not_unknown() => VerifyCS.Test(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient A() => new ChatClient("deepseek-flash", Key);
                ChatClient B() => new ChatClient("deepseek-v5-preview", Key);
            }
            """)
            .WithOptions("deepseek_analyzers.target_model = deepseek-flash", "deepseek_analyzers.allowed_models = deepseek-flash, deepseek-v5-preview")
            .RunAsync();

        [Fact]
        public Task Fix_writes_DeepSeekModels_constant_with_runtime() => VerifyCS.Test(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient({|#0:"deepseek-v4-flsh"|}, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
                ChatClient B() => new ChatClient({|#1:"deepseek-v4-pr"|}, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            """
            using System;
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient(DeepSeekModels.Flash, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
                ChatClient B() => new ChatClient(DeepSeekModels.V4Pro, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            Diagnostic(0, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"),
            Diagnostic(1, "deepseek-v4-pr", "a likely typo", "deepseek-v4-pro"))
            .WithRuntime()
            .RunAsync();

        // ---- Catalog file -------------------------------------------------------------------------------------

        [Fact]
        public Task Model_added_by_catalog_file_is_not_unknown()
        {
            var test = VerifyCS.Test(
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    ChatClient A() => new ChatClient("deepseek-v4.1-flash", Key);
                    ChatClient B() => new ChatClient({|#0:"deepseek-v4.1-flsh"|}, Key);
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    ChatClient A() => new ChatClient("deepseek-v4.1-flash", Key);
                    ChatClient B() => new ChatClient("deepseek-v4.1-flash", Key);
                }
                """,
                Diagnostic(0, "deepseek-v4.1-flsh", "a likely typo", "deepseek-v4.1-flash"));
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  // V4.1 Flash, once confirmed.
                  "models": [ { "id": "deepseek-v4.1-flash", "price": { "cacheHitInput": 0.0028, "cacheMissInput": 0.14, "output": 0.28 } } ],
                }
                """));
            return test.RunAsync();
        }


        // ---- Realistic shapes (public DeepSeek callers) -------------------------------------------------------

        [Fact]
        public Task Flags_model_default_in_options_class_beside_deepseek_base_url() => VerifyCS.AnalyzerAsync(
            """
            public sealed class DeepSeekProviderOptions
            {
                public string BaseUrl { get; set; } = "https://api.deepseek.com";
                public string ApiKey { get; set; } = string.Empty;
                public string Model { get; set; } = {|#0:"deepseek-coder"|};
                public string DefaultModel { get; set; } = {|#1:"deepseek-v3"|};
                public int TimeoutSeconds { get; set; } = 60;
            }
            """,
            Diagnostic(0, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"),
            Diagnostic(1, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_options_model_read_by_a_deepseek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using OpenAI;

            public class DeepSeekSettings
            {
                public string ApiKey { get; set; } = "";
                public string Model { get; set; } = {|#0:"deepseek-r1"|};
            }

            public class Factory
            {
                public IChatClient Create(DeepSeekSettings settings)
                    => new OpenAIClient(new ApiKeyCredential(settings.ApiKey), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") })
                        .GetChatClient(settings.Model)
                        .AsIChatClient();
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_record_parameter_default_used_by_a_deepseek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            public record DeepSeekConfig(string Model = {|#0:"deepseek-v4-flsh"|});

            public class Chat
            {
                public ChatClient Create(DeepSeekConfig config)
                    => new ChatClient(config.Model, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            Diagnostic(0, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"));

        [Fact]
        public Task Flags_MEAI_chain_on_deepseek_endpoint() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                IChatClient Create(string key)
                    => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                        .GetChatClient({|#0:"deepseek-v4"|})
                        .AsIChatClient();
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                IChatClient Create(string key)
                    => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                        .GetChatClient("deepseek-flash")
                        .AsIChatClient();
            }
            """,
            Diagnostic(0, "deepseek-v4", "not in the model catalog", "deepseek-flash"));

        [Fact]
        public Task Flags_serialized_anonymous_body_sent_to_deepseek() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Text;
            using System.Text.Json;
            using System.Threading.Tasks;

            class DeepSeekExample
            {
                private static readonly HttpClient Client = new();
                private static readonly string BaseUrl = "https://api.deepseek.com/v1/chat/completions";

                public static async Task<string> Ask(string prompt)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, BaseUrl);
                    request.Headers.Add("Authorization", $"Bearer {Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")}");
                    var requestBody = new
                    {
                        model = {|#0:"deepseek-r1"|},
                        messages = new[] { new { role = "user", content = prompt } },
                        max_tokens = 100,
                    };
                    request.Content = new StringContent(JsonSerializer.Serialize(requestBody), Encoding.UTF8, "application/json");
                    var response = await Client.SendAsync(request);
                    return await response.Content.ReadAsStringAsync();
                }
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_dictionary_and_JsonObject_bodies_for_deepseek() => VerifyCS.AnalyzerAsync(
            """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;

            class C
            {
                private readonly HttpClient _http = new() { BaseAddress = new System.Uri("https://api.deepseek.com") };

                Task<HttpResponseMessage> A()
                {
                    var body = new Dictionary<string, object> { ["model"] = {|#0:"deepseek-v3"|}, ["max_tokens"] = 512 };
                    return _http.PostAsJsonAsync("chat/completions", body);
                }

                Task<HttpResponseMessage> B()
                {
                    var body = new JsonObject { ["model"] = {|#1:"deepseek-coder"|}, ["max_tokens"] = 512 };
                    return _http.PostAsJsonAsync("chat/completions", body);
                }
            }
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"),
            Diagnostic(1, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"));

        [Fact]
        public Task Flags_request_dto_default_posted_to_deepseek() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json.Serialization;
            using System.Threading.Tasks;

            public class DeepSeekRequest
            {
                [JsonPropertyName("model")]
                public string Model { get; set; } = {|#0:"deepseek-r1"|};

                [JsonPropertyName("max_tokens")]
                public int MaxTokens { get; set; } = 256;
            }

            public class Sender
            {
                public Task<HttpResponseMessage> Send(HttpClient http)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new DeepSeekRequest());
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Ignores_other_hosts_ids_everywhere() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                static readonly string[] Models = { "deepseek/deepseek-chat", "deepseek-r1:7b", "DeepSeek-R1", "deepseek-ai/DeepSeek-V3", "deepseek-r1-distill-llama-70b" };

                ChatClient Groq(string key) => new ChatClient("deepseek-r1-distill-llama-70b", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") });
                ChatClient Together(string key) => new ChatClient("deepseek-ai/DeepSeek-V3", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.together.xyz/v1") });
                ChatClient Router(string key) => new ChatClient("deepseek/deepseek-r1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
                ChatClient Azure(string key) => new ChatClient("DeepSeek-R1", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://my.services.ai.azure.com/models") });
                ChatClient Ollama() => new ChatClient("deepseek-r1:7b", new ApiKeyCredential("ollama"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });
            }
            """);

        [Fact]
        public Task Ignores_log_and_exception_prose() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create()
                {
                    Console.WriteLine("deepseek-coder is retired; using the current model");
                    var key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? throw new InvalidOperationException("deepseek-v3: DEEPSEEK_API_KEY is not set");
                    return new ChatClient("deepseek-flash", key);
                }
            }
            """);

        [Fact]
        public Task Ignores_unknown_id_in_a_class_for_another_host() => VerifyCS.AnalyzerAsync(
            """
            public sealed class OllamaOptions
            {
                public string Endpoint { get; set; } = "http://localhost:11434";
                public string Model { get; set; } = "deepseek-r1";
            }

            public sealed class GroqOptions
            {
                public string BaseUrl { get; set; } = "https://api.groq.com/openai/v1";
                public string Model { get; set; } = "deepseek-r1-distill-llama-70b";
            }

            public sealed class ModelList
            {
                public string[] Choices { get; } = { "deepseek-v3", "deepseek-r1" };
            }
            """);

        [Fact]
        public Task Ignores_model_defaults_without_deepseek_evidence_or_with_mixed_hosts() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            public class ChatRequest
            {
                public string Model { get; set; } = "deepseek-r1";
            }

            public class Sender
            {
                public Task<HttpResponseMessage> Send(HttpClient http)
                    => http.PostAsJsonAsync("https://openrouter.ai/api/v1/chat/completions", new ChatRequest());
            }

            public class ProviderSettings
            {
                public string DeepSeekUrl { get; set; } = "https://api.deepseek.com";
                public string OpenRouterUrl { get; set; } = "https://openrouter.ai/api/v1";
                public string Model { get; set; } = "deepseek-r1";
            }

            public record LocalConfig(string Model = "deepseek-coder");
            """);

        [Fact]
        public Task Flags_enum_to_string_tables_returned_to_a_deepseek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            public enum Tier { Fast, Smart, Code }

            public static class TierModels
            {
                public static string ToModelId(this Tier tier) => tier switch
                {
                    Tier.Fast => "deepseek-flash",
                    Tier.Smart => {|#0:"deepseek-r1"|},
                    _ => {|#1:"deepseek-coder"|},
                };

                public static string Legacy(Tier tier)
                {
                    switch (tier)
                    {
                        case Tier.Smart:
                            return {|#2:"deepseek-v3"|};
                        default:
                            return "deepseek-flash";
                    }
                }
            }

            public class Chat
            {
                private static readonly OpenAIClient Client = new(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                public ChatClient For(Tier tier) => Client.GetChatClient(tier.ToModelId());
                public ChatClient Old(Tier tier) => Client.GetChatClient(TierModels.Legacy(tier));
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"),
            Diagnostic(1, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"),
            Diagnostic(2, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Ignores_enum_to_string_table_returned_to_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            public enum Tier { Fast, Smart }

            public class Chat
            {
                private static readonly OpenAIClient Client = new(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("GROQ_API_KEY")!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.groq.com/openai/v1") });

                static string ModelFor(Tier tier) => tier == Tier.Fast ? "deepseek-r1-distill-llama-70b" : "deepseek-r1";

                public ChatClient For(Tier tier) => Client.GetChatClient(ModelFor(tier));
            }
            """);

        [Fact]
        public Task Flags_JsonContent_body_in_request_message_to_deepseek() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            class C
            {
                Task<HttpResponseMessage> Send(HttpClient http, string prompt)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://api.deepseek.com/chat/completions")
                    {
                        Content = JsonContent.Create(new { model = {|#0:"deepseek-r1"|}, messages = new[] { new { role = "user", content = prompt } } }),
                    };
                    return http.SendAsync(request);
                }
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_betalgo_default_model_with_deepseek_base_domain() => VerifyCS.AnalyzerAsync(
            """
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;

            class C
            {
                OpenAIService Create(string key) => new(new OpenAIOptions
                {
                    ApiKey = key,
                    BaseDomain = "https://api.deepseek.com",
                    DefaultModelId = {|#0:"deepseek-coder"|},
                });
            }
            """,
            Diagnostic(0, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"));

        [Fact]
        public Task Flags_configuration_fallback_model_for_deepseek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(IConfiguration configuration)
                {
                    var model = configuration["DeepSeek:Model"] ?? {|#0:"deepseek-v3"|};
                    return new ChatClient(model, new ApiKeyCredential(configuration["DeepSeek:ApiKey"]!), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                }
            }
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_semantic_kernel_positional_model_and_execution_settings() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                Kernel Build(string key)
                {
                    var builder = Kernel.CreateBuilder();
                    builder.AddOpenAIChatCompletion({|#0:"deepseek-r1"|}, new Uri("https://api.deepseek.com"), key);
                    return builder.Build();
                }
            }
            """,
            Diagnostic(0, "deepseek-r1", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_primary_constructor_default_of_a_deepseek_service() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            public class DeepSeekService(HttpClient http, string model = {|#0:"deepseek-coder"|})
            {
                private const string Url = "https://api.deepseek.com/chat/completions";

                public Task<HttpResponseMessage> Ask(string prompt)
                    => http.PostAsJsonAsync(Url, new { model, messages = new[] { new { role = "user", content = prompt } } });
            }
            """,
            Diagnostic(0, "deepseek-coder", "retired in 2024, merged into deepseek-chat", "deepseek-flash"));

        [Fact]
        public Task Ignores_model_defaults_beside_catalog_ids_without_a_host() => VerifyCS.AnalyzerAsync(
            """
            using System;

            public class ModelOptions
            {
                public string Model { get; set; } = "deepseek-r1";
                public string Fallback { get; set; } = "deepseek-flash";
                public string[] Available { get; } = { "deepseek-flash", "deepseek-v4-pro", "deepseek-r1" };
            }

            public class LocalOllamaOptions
            {
                public virtual string Model { get; set; } = "deepseek-r1";
                public virtual string Host { get; set; } = Environment.GetEnvironmentVariable("OLLAMA_SERVER_URL") ?? "http://localhost:11434";
            }
            """);

        [Fact]
        public Task Flags_record_default_beside_deepseek_base_url_default() => VerifyCS.CodeFixAsync(
            """
            public record DeepSeekSettings(string ApiKey, string Model = {|#0:"deepseek-v3"|}, string BaseUrl = "https://api.deepseek.com");
            """,
            """
            public record DeepSeekSettings(string ApiKey, string Model = "deepseek-flash", string BaseUrl = "https://api.deepseek.com");
            """,
            Diagnostic(0, "deepseek-v3", Marketing, "deepseek-flash"));

        [Fact]
        public Task Flags_const_model_of_typed_http_client_with_deepseek_base_address() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;

            public class DeepSeekClient
            {
                private const string Model = {|#0:"deepseek-v4-flsh"|};
                private readonly HttpClient _http;

                public DeepSeekClient(HttpClient http)
                {
                    _http = http;
                    _http.BaseAddress = new Uri("https://api.deepseek.com/");
                }

                public Task<HttpResponseMessage> Ask(string prompt)
                    => _http.PostAsJsonAsync("chat/completions", new { model = Model, messages = new[] { new { role = "user", content = prompt } } });
            }
            """,
            Diagnostic(0, "deepseek-v4-flsh", "a likely typo", "deepseek-flash"));

        [Fact]
        public Task Ignores_model_echoed_in_a_response_fixture_for_a_deepseek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class C
            {
                static readonly Uri BaseAddress = new("https://api.deepseek.com");
                const string Reply = "{\"id\": \"1\", \"model\": \"deepseek-v3\", \"choices\": [{\"message\": {\"role\": \"assistant\", \"content\": \"Hi\"}}]}";

                HttpResponseMessage Fake() => new() { Content = new StringContent(Reply) };
            }
            """);

        // ---- Current ids, legacy names and renames --------------------------------------------------------

        [Fact]
        public Task Never_reports_current_ids_or_legacy_names() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient A() => new ChatClient("deepseek-flash", Key);
                ChatClient B() => new ChatClient("deepseek-v4-pro", Key);
                ChatClient D() => new ChatClient("deepseek-v4-flash", Key);
                ChatClient E() => new ChatClient("deepseek-v4-flash-vision-exp", Key);
                const string Json = "{\"model\": \"deepseek-flash\", \"messages\": []}";
            }
            """);

        [Fact]
        public Task Flags_V4_1_marketing_spellings_and_fixes_to_flash() => VerifyCS.CodeFixAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient A() => new ChatClient({|#0:"deepseek-v4.1-flash"|}, Key);
                ChatClient B() => new ChatClient({|#1:"deepseek-flash-4.1"|}, Key);
            }
            """,
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                ChatClient A() => new ChatClient("deepseek-flash", Key);
                ChatClient B() => new ChatClient("deepseek-flash", Key);
            }
            """,
            Diagnostic(0, "deepseek-v4.1-flash", "a marketing name or another provider's route, never an API id", "deepseek-flash"),
            Diagnostic(1, "deepseek-flash-4.1", "a marketing name or another provider's route, never an API id", "deepseek-flash"));

        [Fact]
        public Task Typo_of_a_legacy_name_gets_what_replaces_it_with_the_runtime_constant() => VerifyCS.Test(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient({|#0:"deepseek-v4-flash-vison-exp"|}, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            """
            using System;
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A() => new ChatClient(DeepSeekModels.Flash, Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """,
            Diagnostic(0, "deepseek-v4-flash-vison-exp", "a likely typo", "deepseek-flash"))
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task A_catalog_file_that_renames_Flash_is_honoured_by_the_typo_search_and_the_fix()
        {
            var test = VerifyCS.Test(
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    ChatClient A() => new ChatClient({|#0:"deepseek-flsh"|}, Key);
                    ChatClient B() => new ChatClient({|#1:"deepseek-v3"|}, Key);
                    ChatClient D() => new ChatClient("deepseek-flash-2", Key);
                    ChatClient E() => new ChatClient("deepseek-flash", Key);
                }
                """,
                """
                using System;
                using OpenAI.Chat;

                class C
                {
                    static readonly string Key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    ChatClient A() => new ChatClient("deepseek-flash-2", Key);
                    ChatClient B() => new ChatClient("deepseek-flash-2", Key);
                    ChatClient D() => new ChatClient("deepseek-flash-2", Key);
                    ChatClient E() => new ChatClient("deepseek-flash", Key);
                }
                """,
                Diagnostic(0, "deepseek-flsh", "a likely typo", "deepseek-flash-2"),
                Diagnostic(1, "deepseek-v3", Marketing, "deepseek-flash-2"));
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash-2" } ],
                  "aliases": [ { "alias": "deepseek-flash", "model": "deepseek-flash-2", "status": "legacy" } ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }
    }
}
