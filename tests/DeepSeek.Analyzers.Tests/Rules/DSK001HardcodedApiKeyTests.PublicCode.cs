using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK001: shapes taken from public C# code that calls DeepSeek.</summary>
    public partial class DSK001HardcodedApiKeyTests
    {
        // ---- Shapes from public DeepSeek C# code -------------------------------------------------------------

        [Fact]
        public Task Flags_key_in_const_of_static_settings_class() => VerifyCS.AnalyzerAsync(
            """
            public static class DeepSeekSettings
            {
                public const string BaseUrl = "https://api.deepseek.com";
                public const string ApiKey = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
                public const string Model = "deepseek-flash";
            }
            """);

        [Fact]
        public Task Flags_key_in_options_record_property_default() => VerifyCS.AnalyzerAsync(
            """
            public sealed record DeepSeekOptions
            {
                public string ApiKey { get; set; } = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
                public string BaseUrl { get; set; } = "https://api.deepseek.com";
            }
            """);

        [Fact]
        public Task Flags_key_as_environment_fallback() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                static readonly string ApiKey = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
            }
            """);

        [Fact]
        public Task Flags_key_in_primary_constructor_default() => VerifyCS.AnalyzerAsync(
            """
            class DeepSeekService(string apiKey = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|})
            {
                public string Key => apiKey;
            }
            """);

        [Fact]
        public Task Flags_key_in_top_level_statements() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            var client = new OpenAIClient(
                new ApiKeyCredential({|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|}),
                new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") });
            ChatClient chat = client.GetChatClient("deepseek-flash");
            """).AsApplication().RunAsync();

        [Fact]
        public Task Flags_key_in_Semantic_Kernel_endpoint_overload() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build() => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion("deepseek-flash", new Uri("https://api.deepseek.com"), {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|})
                    .Build();
            }
            """);

        [Fact]
        public Task Flags_secret_in_Semantic_Kernel_endpoint_overload() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build() => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "my-model", endpoint: new Uri("https://api.deepseek.com"), apiKey: {|DSK001:"my-secret-key-123"|})
                    .Build();
            }
            """);

        [Fact]
        public Task Flags_secret_in_Bearer_interpolation_of_local() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class C
            {
                HttpClient Create()
                {
                    var apiKey = {|DSK001:"my-secret-key-123"|};
                    var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };
                    http.DefaultRequestHeaders.Add("Authorization", $"Bearer {apiKey}");
                    return http;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_in_Bearer_interpolation_of_const_field_at_the_const() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class DeepSeekChat
            {
                private const string ApiKey = {|DSK001:"my-secret-key-123"|};
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };

                DeepSeekChat() => _http.DefaultRequestHeaders.Add("Authorization", $"Bearer {ApiKey}");
            }
            """);

        [Fact]
        public Task Flags_secret_in_Bearer_concatenation_of_const_field_at_the_const() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class C
            {
                private const string ApiKey = {|DSK001:"my-secret-key-123"|};

                HttpClient Create()
                {
                    var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };
                    http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + ApiKey);
                    return http;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_in_AuthenticationHeaderValue_of_request_message() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;
            using System.Net.Http.Headers;
            using System.Threading.Tasks;

            class C
            {
                private static readonly HttpClient Http = new HttpClient();
                private static readonly string ApiKey = {|DSK001:"my-secret-key-123"|};

                Task<HttpResponseMessage> Send(string json)
                {
                    var request = new HttpRequestMessage(HttpMethod.Post, "https://api.deepseek.com/chat/completions");
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApiKey);
                    request.Content = new StringContent(json);
                    return Http.SendAsync(request);
                }
            }
            """);

        [Fact]
        public Task Flags_secret_as_environment_fallback_at_DeepSeek_sink() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? {|DSK001:"my-secret-key-123"|}),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Flags_secret_as_configuration_fallback_in_DeepSeek_named_holder() => VerifyCS.AnalyzerAsync(
            """
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                private readonly string _deepSeekApiKey = configuration["DeepSeek:ApiKey"] ?? {|DSK001:"my-secret-key-123"|};
            }
            """);

        [Fact]
        public Task Flags_secret_from_constants_class_at_DeepSeek_sink() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            static class Secrets
            {
                public const string LlmKey = {|DSK001:"my-secret-key-123"|};
            }

            class C
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(Secrets.LlmKey),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Flags_secret_in_credential_local_passed_to_ChatClient() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatClient Connect()
                {
                    var credential = new ApiKeyCredential({|DSK001:"my-secret-key-123"|});
                    var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") };
                    return new ChatClient("deepseek-flash", credential, options);
                }
            }
            """);

        [Fact]
        public Task Flags_secret_in_top_level_statements() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            var apiKey = {|DSK001:"my-secret-key-123"|};
            var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            """).AsApplication().RunAsync();

        [Fact]
        public Task Ignores_secret_for_OpenAI_client_beside_a_DeepSeek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class LlmClients
            {
                OpenAIClient OpenAI() => new OpenAIClient(new ApiKeyCredential("my-secret-key-123"));

                OpenAIClient DeepSeek() => new OpenAIClient(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Ignores_secret_for_OpenAI_endpoint_Azure_and_localhost() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.SemanticKernel;
            using OpenAI;

            class C
            {
                OpenAIClient OpenAI() => new OpenAIClient(new ApiKeyCredential("my-secret-key-123"), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });

                OpenAIClient Ollama() => new OpenAIClient(new ApiKeyCredential("ollama-key-123"), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") });

                void Kernel(IKernelBuilder builder) => builder.AddOpenAIChatCompletion(
                    modelId: "deepseek/deepseek-r1", endpoint: new Uri("https://openrouter.ai/api/v1"), apiKey: "or-key-7Hq2Lm9Xc4");

                OpenAIClient Azure() => new OpenAIClient(
                    new ApiKeyCredential("azure-key-7Hq2Lm9Xc4"), new OpenAIClientOptions { Endpoint = new Uri("https://my-resource.openai.azure.com/openai/v1") });
            }
            """);

        [Fact]
        public Task Ignores_OpenAI_project_key_without_DeepSeek_evidence() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4z");
            }
            """);

        [Theory]
        [InlineData("sk-test")]
        [InlineData("sk-xxxxxxxx")]
        [InlineData("sk-your-api-key-here")]
        [InlineData("YOUR_DEEPSEEK_API_KEY")]
        [InlineData("sk-123456")]
        [InlineData("sk-abc123")]
        [InlineData("sk-1234567890")]
        [InlineData("abcdef123456")]
        [InlineData("sk-demo-123")]
        [InlineData("sk-mock-key-1")]
        [InlineData("sk-********")]
        [InlineData("sk-xxx-123")]
        public Task Ignores_fake_keys_at_DeepSeek_sink(string value) => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class DeepSeekClientTests
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential("
            """ + value + """
            "),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Ignores_key_read_from_configuration_indexer_and_GetValue() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;
            using OpenAI;

            class C(IConfiguration config)
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(config["DeepSeek:ApiKey"] ?? throw new InvalidOperationException("DeepSeek:ApiKey is missing")),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                string Key() => config.GetSection("DeepSeek")["ApiKey"] ?? "";
            }
            """);

        [Fact]
        public Task Flags_secret_in_ChatClient_with_retired_alias() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient(model: "deepseek-chat", apiKey: {|DSK001:"my-secret-key-123"|});
            }
            """);

        [Fact]
        public Task Flags_secret_in_Semantic_Kernel_service_constructor() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                OpenAIChatCompletionService Create()
                    => new OpenAIChatCompletionService("deepseek-flash", new Uri("https://api.deepseek.com"), {|DSK001:"my-secret-key-123"|});
            }
            """);

        [Fact]
        public Task Flags_secret_in_named_HttpClient_configuration() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;

            static class Registration
            {
                public static IServiceCollection AddDeepSeek(this IServiceCollection services)
                {
                    services.AddHttpClient("DeepSeek", http =>
                    {
                        http.BaseAddress = new Uri("https://api.deepseek.com");
                        http.DefaultRequestHeaders.Add("Authorization", {|DSK001:"Bearer my-secret-key-123"|});
                    });
                    return services;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_in_Betalgo_options_lambda() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Betalgo.Ranul.OpenAI;

            class C
            {
                void Configure(Action<Action<OpenAIOptions>> register) => register(settings =>
                {
                    settings.ApiKey = {|DSK001:"my-secret-key-123"|};
                    settings.BaseDomain = "https://api.deepseek.com";
                });
            }
            """);

        [Fact]
        public Task Ignores_placeholder_fallbacks_and_names() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class DeepSeekChat
            {
                private static readonly string DeepSeekApiKey = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? "YOUR_DEEPSEEK_API_KEY";
                private static readonly string DeepSeekToken = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? string.Empty;

                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? "sk-your-api-key-here"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Fixes_key_as_environment_fallback() => Fix(
            """
            using System;

            class C
            {
                static readonly string ApiKey = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
            }
            """,
            """
            using System;

            class C
            {
                static readonly string ApiKey = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? throw new InvalidOperationException("The DeepSeek API key is not set: set the environment variable DEEPSEEK_API_KEY.");
            }
            """);

        [Fact]
        public Task Fixes_secret_as_configuration_fallback_to_throw() => Fix(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;
            using OpenAI;

            class C(IConfiguration config)
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(config["LLM:Key"] ?? {|DSK001:"my-secret-key-123"|}),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;
            using OpenAI;

            class C(IConfiguration config)
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential(config["LLM:Key"] ?? throw new InvalidOperationException("The DeepSeek API key is not set: set configuration key 'LLM:Key' (user secrets in development, the environment or a vault in production).")),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Fixes_const_secret_used_in_Bearer_interpolation() => Fix(
            """
            using System;
            using System.Net.Http;

            class DeepSeekChat
            {
                private const string ApiKey = {|DSK001:"my-secret-key-123"|};
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };

                DeepSeekChat() => _http.DefaultRequestHeaders.Add("Authorization", $"Bearer {ApiKey}");
            }
            """,
            """
            using System;
            using System.Net.Http;

            class DeepSeekChat
            {
                private static readonly string ApiKey = 
            """ + Env + """
            ;
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };

                DeepSeekChat() => _http.DefaultRequestHeaders.Add("Authorization", $"Bearer {ApiKey}");
            }
            """);

        [Fact]
        public Task Fixes_key_in_top_level_statements() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            const string apiKey = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
            var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            string apiKey = 
            """ + Env + """
            ;
            var client = new OpenAIClient(new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            """).AsApplication().RunAsync();

        [Fact]
        public Task Ignores_secret_names_passed_to_lookups() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;
            using OpenAI;

            class DeepSeekFactory(IConfiguration configuration)
            {
                private const string DeepSeekApiKey = "DEEPSEEK_KEY_V2";
                private const string ConfigKey = "Llm:DeepSeek:ApiKey2";

                OpenAIClient FromEnvironment() => new OpenAIClient(
                    new ApiKeyCredential(Environment.GetEnvironmentVariable(DeepSeekApiKey) ?? "DEEPSEEK_API_KEY_MISSING"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                OpenAIClient FromConfiguration() => new OpenAIClient(
                    new ApiKeyCredential(configuration[ConfigKey]!),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Ignores_secret_for_OpenAI_client_in_the_same_method_as_a_DeepSeek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI;

            class Clients
            {
                List<OpenAIClient> All() => new List<OpenAIClient>
                {
                    new OpenAIClient(new ApiKeyCredential("my-secret-key-123")),
                    new OpenAIClient(
                        new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!),
                        new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }),
                };
            }
            """);

        [Fact]
        public Task Flags_secret_in_static_property_read_at_DeepSeek_sink() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            static class AppConfig
            {
                public static string LlmToken { get; } = {|DSK001:"my-secret-key-123"|};
                public static string BaseUrl { get; } = "https://api.deepseek.com";
            }

            class Chat
            {
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri(AppConfig.BaseUrl) };

                Chat() => _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AppConfig.LlmToken);
            }
            """);

        [Fact]
        public Task Flags_secret_in_DeepSeek_SDK_client_constructor()
        {
            var test = VerifyCS.Test(
                """
                using DeepSeek.Core;

                class Program
                {
                    DeepSeekClient Create() => new DeepSeekClient({|DSK001:"my-secret-key-123"|});

                    DeepSeekClient Placeholder() => new DeepSeekClient("your-api-key-1");
                }
                """);
            test.TestState.AdditionalProjects["DeepSeekSdk"].AdditionalReferences.AddRange(Verifiers.TestReferences.Framework);
            test.TestState.AdditionalProjects["DeepSeekSdk"].Sources.Add(
                ("/DeepSeekSdk/DeepSeekClient.cs", "namespace DeepSeek.Core { public class DeepSeekClient { public DeepSeekClient(string apiKey) { } } }"));
            test.TestState.AdditionalProjectReferences.Add("DeepSeekSdk");
            return test.RunAsync();
        }
    }
}
