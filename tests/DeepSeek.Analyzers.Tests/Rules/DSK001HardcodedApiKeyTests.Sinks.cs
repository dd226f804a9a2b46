using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK001: secrets that are not DeepSeek-shaped, at the key sinks and holders of DeepSeek-bound clients.</summary>
    public partial class DSK001HardcodedApiKeyTests
    {
        // ---- Other secrets at sinks of DeepSeek-bound clients ----------------------------------------------------

        [Fact]
        public Task Flags_secret_in_ApiKeyCredential_of_DeepSeek_client() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential({|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|}),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }
            """);

        [Fact]
        public Task Ignores_secret_in_ApiKeyCredential_of_other_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(
                    new ApiKeyCredential("proxy-7Hq2Lm9Xc4Vb8Nz1"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
            }
            """);

        [Fact]
        public Task Ignores_secret_in_ApiKeyCredential_without_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential("proxy-7Hq2Lm9Xc4Vb8Nz1"));
            }
            """);

        [Fact]
        public Task Flags_secret_without_evidence_when_scope_is_all_openai_compatible() => VerifyCS.Test(
            """
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential({|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|}));
            }
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient(new ApiKeyCredential(
            """ + Env + """
            ));
            }
            """).WithOptions("deepseek_analyzers.scope = all_openai_compatible").RunAsync();

        [Fact]
        public Task Flags_secret_in_ChatClient_with_catalog_model() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient("deepseek-flash", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
            }
            """);

        [Fact]
        public Task Ignores_secret_in_ChatClient_with_other_model() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient("gpt-4o-mini", "proxy-7Hq2Lm9Xc4Vb8Nz1");
            }
            """);

        [Fact]
        public Task Flags_secret_in_OpenAIClient_of_DeepSeek_type() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class DeepSeekGateway
            {
                static readonly Uri Endpoint = new Uri("https://api.deepseek.com");

                OpenAIClient Create() => new OpenAIClient({|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
            }
            """);

        [Fact]
        public Task Flags_secret_in_Semantic_Kernel_apiKey() => VerifyCS.AnalyzerAsync(
            """
            using Microsoft.SemanticKernel;

            class C
            {
                void Configure(IKernelBuilder builder)
                    => builder.AddOpenAIChatCompletion(modelId: "deepseek-flash", apiKey: {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
            }
            """);

        [Fact]
        public Task Ignores_secret_in_Semantic_Kernel_apiKey_for_OpenAI() => VerifyCS.AnalyzerAsync(
            """
            using Microsoft.SemanticKernel;

            class C
            {
                void Configure(IKernelBuilder builder)
                    => builder.AddOpenAIChatCompletion(modelId: "gpt-4o", apiKey: "proxy-7Hq2Lm9Xc4Vb8Nz1");
            }
            """);

        [Fact]
        public Task Flags_secret_in_Betalgo_ApiKey() => VerifyCS.AnalyzerAsync(
            """
            using Betalgo.Ranul.OpenAI;

            class C
            {
                OpenAIOptions Options() => new OpenAIOptions
                {
                    ApiKey = {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|},
                    BaseDomain = "https://api.deepseek.com",
                };
            }
            """);

        [Fact]
        public Task Flags_secret_in_Betalgo_options_callback() => VerifyCS.AnalyzerAsync(
            """
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;

            class C
            {
                OpenAIService Create() => new OpenAIService(new OpenAIOptions
                {
                    BaseDomain = "https://api.deepseek.com",
                    ApiKey = {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|},
                });

                void Configure(OpenAIOptions options)
                {
                    options.BaseDomain = "https://api.deepseek.com";
                    options.ApiKey = {|DSK001:"proxy-8Jr3Mn0Yd5Wc9Pa2"|};
                }
            }
            """);

        [Fact]
        public Task Ignores_secret_in_Betalgo_ApiKey_for_other_host() => VerifyCS.AnalyzerAsync(
            """
            using Betalgo.Ranul.OpenAI;

            class C
            {
                OpenAIOptions Options() => new OpenAIOptions { ApiKey = "proxy-7Hq2Lm9Xc4Vb8Nz1", BaseDomain = "https://api.openai.com" };
            }
            """);

        [Fact]
        public Task Flags_secret_in_AuthenticationHeaderValue() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            class C
            {
                HttpClient Create()
                {
                    var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
                    return http;
                }
            }
            """);

        [Fact]
        public Task Ignores_secret_in_AuthenticationHeaderValue_for_other_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            class C
            {
                HttpClient Create()
                {
                    var http = new HttpClient { BaseAddress = new Uri("https://example.org") };
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "proxy-7Hq2Lm9Xc4Vb8Nz1");
                    return http;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_in_Authorization_header_concatenation() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class C
            {
                HttpClient Create()
                {
                    var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };
                    http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", {|DSK001:"Bearer " + "proxy-7Hq2Lm9Xc4Vb8Nz1"|});
                    return http;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_held_by_local_that_flows_into_sink() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;

            class C
            {
                HttpClient Create()
                {
                    var token = {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|};
                    var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };
                    http.DefaultRequestHeaders.Add("Authorization", "Bearer " + token);
                    return http;
                }
            }
            """);

        [Fact]
        public Task Flags_secret_held_by_field_of_same_type_once() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                private static readonly string Token = {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|};
                private static readonly OpenAIClientOptions Options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") };

                OpenAIClient First() => new OpenAIClient(new ApiKeyCredential(Token), Options);

                OpenAIClient Second() => new OpenAIClient(new ApiKeyCredential(Token), Options);
            }
            """);

        [Fact]
        public Task Flags_secret_set_as_DEEPSEEK_API_KEY() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                void M() => Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
            }
            """);

        [Fact]
        public Task Ignores_other_environment_variable() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                void M() => Environment.SetEnvironmentVariable("BUILD_ID", "proxy-7Hq2Lm9Xc4Vb8Nz1");
            }
            """);

        [Fact]
        public Task Flags_secret_set_as_configured_api_key_variable_without_fix()
        {
            // Setting the key's own variable from a lookup of itself would be no fix: the line has to go.
            const string Source = """
                using System;

                class C
                {
                    void M() => Environment.SetEnvironmentVariable("DS_KEY", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
                }
                """;
            return VerifyCS.Test(Source, Source).WithOptions("deepseek_analyzers.api_key_variable = DS_KEY").RunAsync();
        }

        [Theory]
        [InlineData("DeepSeekApiKey")]
        [InlineData("deepseekKey")]
        [InlineData("DEEPSEEK_API_KEY")]
        [InlineData("_deepSeekToken")]
        [InlineData("DeepSeekAccessToken")]
        [InlineData("DEEPSEEK_SECRET_KEY")]
        [InlineData("deepSeekApiSecret")]
        public Task Flags_secret_in_DeepSeek_named_field(string name) => VerifyCS.AnalyzerAsync(
            "class C { private static readonly string " + name + " = {|DSK001:\"proxy-7Hq2Lm9Xc4Vb8Nz1\"|}; }");

        [Fact]
        public Task Flags_secret_in_DeepSeek_named_property_local_and_initializer() => VerifyCS.AnalyzerAsync(
            """
            class Settings
            {
                public string DeepSeekApiKey { get; set; } = {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|};

                public string DeepSeekToken => {|DSK001:"proxy-8Jr3Mn0Yd5Wc9Pa2"|};

                void M()
                {
                    var deepseekKey = {|DSK001:"proxy-9Ks4No1Ze6Xd0Qb3"|};
                    var settings = new Settings { DeepSeekApiKey = {|DSK001:"proxy-0Lt5Op2Af7Ye1Rc4"|} };
                }
            }
            """);

        [Theory]
        [InlineData("DeepSeekApiKeyName", "DEEPSEEK_API_KEY")]
        [InlineData("DeepSeekApiKeyVariable", "DS_KEY_2024")]
        [InlineData("DeepSeekApiKey", "DEEPSEEK_API_KEY")]
        [InlineData("DeepSeekApiKey", "DeepSeek:ApiKey")]
        [InlineData("DeepSeekApiKey", "https://api.deepseek.com")]
        [InlineData("DeepSeekApiKey", "your-deepseek-key-1")]
        [InlineData("DeepSeekApiKey", "short1")]
        [InlineData("OpenAIKey", "proxy-7Hq2Lm9Xc4Vb8Nz1")]
        [InlineData("DeepSeekApiKey", "MY_DEEPSEEK_KEY_V2")]
        [InlineData("DeepSeekModelsCacheKey", "deepseek-models-v2")]
        [InlineData("DeepSeekStopToken", "eos_token_7Hq2")]
        [InlineData("DeepSeekApiKey", "AI:DeepSeek:Key2")]
        public Task Ignores_DeepSeek_key_names_and_non_secrets(string name, string value) => VerifyCS.AnalyzerAsync(
            "class C { private const string " + name + " = \"" + value + "\"; }");

        [Fact]
        public Task Ignores_key_read_from_configuration() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                ApiKeyCredential FromConfiguration() => new ApiKeyCredential(configuration["DeepSeek:ApiKey"]!);

                ApiKeyCredential FromEnvironment() => new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!);
            }
            """);
    }
}
