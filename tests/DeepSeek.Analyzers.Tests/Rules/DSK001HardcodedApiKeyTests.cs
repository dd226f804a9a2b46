using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK001HardcodedApiKeyTests
    {
        // The lookups the fix writes, as they read after simplification.
        private const string Env = "Environment.GetEnvironmentVariable(\"DEEPSEEK_API_KEY\") ?? throw new InvalidOperationException(\"The DeepSeek API key is not set: set the environment variable DEEPSEEK_API_KEY.\")";

        private static string Config(string name, string key = "DeepSeek:ApiKey")
            => name + "[\"" + key + "\"] ?? throw new InvalidOperationException(\"The DeepSeek API key is not set: set configuration key '" + key + "' (user secrets in development, the environment or a vault in production).\")";

        /// <summary>A fix test that also asserts the fixed code holds no key-like <c>sk-</c> text.</summary>
        private static Task Fix(string source, string fixedSource)
        {
            Assert.DoesNotContain("\"sk-", fixedSource);
            return VerifyCS.CodeFixAsync(source, fixedSource);
        }

        // ---- DeepSeek-shaped keys: detection ----------------------------------------------------------------

        [Fact]
        public Task Flags_key_in_ApiKeyCredential() => Fix(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(
            """ + Env + """
            );
            }
            """);

        [Fact]
        public Task Flags_key_in_verbatim_string() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                string Key = {|DSK001:@"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """);

        [Fact]
        public Task Flags_key_in_raw_string() => VerifyCS.AnalyzerAsync(
            """"
            class C
            {
                string Json = {|DSK001:"""
                    {"api_key": "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"}
                    """|};
            }
            """");

        [Fact]
        public Task Flags_key_in_utf8_literal() => VerifyCS.AnalyzerAsync(
            """
            using System;

            class C
            {
                static ReadOnlySpan<byte> Key => {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"u8|};
            }
            """);

        [Fact]
        public Task Flags_key_in_interpolated_string_text() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                string Header(string user) => {|DSK001:$"user={user};key=sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """);

        [Fact]
        public Task Flags_key_split_over_constant_concatenation_once() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Key = {|DSK001:"sk-4f9a1c2e7b3d" + "8e6f0a5c9d2b1e7f3a8c"|};
            }
            """);

        [Fact]
        public Task Flags_key_in_concatenation_at_the_outermost_concatenation() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Header = {|DSK001:"Authorization: " + "Bearer " + "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """);

        [Fact]
        public Task Flags_key_once_where_a_constant_holding_it_is_concatenated() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Key = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
                const string Header = "Bearer " + Key;
            }
            """);

        [Fact]
        public Task Flags_key_in_Bearer_header_literal() => VerifyCS.AnalyzerAsync(
            """
            using System.Net.Http;

            class C
            {
                void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", {|DSK001:"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """);

        [Fact]
        public Task Flags_key_anywhere_even_without_DeepSeek_evidence() => VerifyCS.AnalyzerAsync(
            """
            using OpenAI;

            class C
            {
                OpenAIClient Create() => new OpenAIClient({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """);

        [Fact]
        public Task Flags_key_in_a_test_fixture_too() => VerifyCS.AnalyzerAsync(
            """
            class ClientTests
            {
                void Creates_client()
                {
                    var key = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
                }
            }
            """);

        [Fact]
        public Task Flags_key_beside_template_or_mask_text() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                string Config = {|DSK001:"key=sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c;url=${BASE_URL};user=xxxx..."|};
            }
            """);

        [Fact]
        public Task Reports_masked_key_in_message() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                string Key = {|#0:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            VerifyCS.Diagnostic("DSK001").WithLocation(0).WithArguments("sk-…3a8c", string.Empty));

        // ---- DeepSeek-shaped keys: placeholders --------------------------------------------------------------

        [Theory]
        [InlineData("sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
        [InlineData("sk-00000000000000000000000000000000")]
        [InlineData("sk-1234567890abcdef1234567890abcdef")]
        [InlineData("sk-abcdef0123456789abcdef0123456789")]
        [InlineData("sk-deadbeefdeadbeefdeadbeefdeadbeef")]
        [InlineData("sk-fedcba9876543210fedcba9876543210")]
        [InlineData("sk-a1b2c3d4e5f6a1b2c3d4e5f6a1b2c3d4")]
        [InlineData("sk-abcdef1234567890abcdef1234567890")]
        [InlineData("sk-0f1e2d3c4b5a69780f1e2d3c4b5a6978")]
        [InlineData("your key: sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c")]
        [InlineData("Example: sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c")]
        [InlineData("sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c (redacted)")]
        [InlineData("sk-your-deepseek-key")]
        [InlineData("")]
        [InlineData("   ")]
        [InlineData("${DEEPSEEK_API_KEY}")]
        [InlineData("{{deepseek_key}}")]
        [InlineData("<your-api-key>")]
        [InlineData("%DEEPSEEK_API_KEY%")]
        [InlineData("sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c9")]
        [InlineData("sk-4F9A1C2E7B3D8E6F0A5C9D2B1E7F3A8C")]
        public Task Ignores_placeholder(string value) => VerifyCS.AnalyzerAsync(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(@"
            """ + value + """
            ");
            }
            """);

        [Fact]
        public Task Ignores_placeholder_with_x() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Key = "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx";
            }
            """);

        [Fact]
        public Task Ignores_sequential_placeholder() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                const string Key = "sk-1234567890abcdef1234567890abcdef";
            }
            """);

        [Fact]
        public Task Ignores_key_in_comment() => VerifyCS.AnalyzerAsync(
            """
            class C
            {
                // Rotated: sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c
                /// <summary>Not sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c either.</summary>
                void M() { }
            }
            """);

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

        // ---- Fixes -----------------------------------------------------------------------------------------

        [Fact]
        public Task Fixes_to_IConfiguration_field() => Fix(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C
            {
                private readonly IConfiguration _configuration;

                C(IConfiguration configuration) => _configuration = configuration;

                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C
            {
                private readonly IConfiguration _configuration;

                C(IConfiguration configuration) => _configuration = configuration;

                ApiKeyCredential Create() => new ApiKeyCredential(
            """ + Config("_configuration") + """
            );
            }
            """);

        [Fact]
        public Task Fixes_to_IConfiguration_parameter() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            static class Clients
            {
                public static ChatClient Create(IConfigurationRoot config) => new ChatClient("deepseek-flash", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            static class Clients
            {
                public static ChatClient Create(IConfigurationRoot config) => new ChatClient("deepseek-flash", 
            """ + Config("config") + """
            );
            }
            """);

        [Fact]
        public Task Fixes_to_primary_constructor_configuration() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class DeepSeekChat(IConfiguration configuration)
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class DeepSeekChat(IConfiguration configuration)
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", 
            """ + Config("configuration") + """
            );
            }
            """);

        [Fact]
        public Task Fixes_to_configuration_local_declared_before() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create()
                {
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
                    return new ChatClient("deepseek-flash", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create()
                {
                    var configuration = new ConfigurationBuilder().AddInMemoryCollection().Build();
                    return new ChatClient("deepseek-flash", 
            """ + Config("configuration") + """
            );
                }
            }
            """);

        [Fact]
        public Task Fixes_to_environment_when_configuration_is_not_readable_here() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class C
            {
                private readonly IConfiguration _configuration = new ConfigurationBuilder().Build();

                private static readonly ChatClient Shared = new ChatClient("deepseek-flash", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;
            using OpenAI.Chat;

            class C
            {
                private readonly IConfiguration _configuration = new ConfigurationBuilder().Build();

                private static readonly ChatClient Shared = new ChatClient("deepseek-flash", 
            """ + Env + """
            );
            }
            """);

        [Fact]
        public Task Fixes_to_environment_when_configuration_is_nullable_or_a_section() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C
            {
                private readonly IConfiguration? _maybe;
                private readonly IConfigurationSection _section;

                C(IConfiguration? maybe, IConfigurationSection section) { _maybe = maybe; _section = section; }

                string Key() => {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C
            {
                private readonly IConfiguration? _maybe;
                private readonly IConfigurationSection _section;

                C(IConfiguration? maybe, IConfigurationSection section) { _maybe = maybe; _section = section; }

                string Key() => 
            """ + Env + """
            ;
            }
            """);

        [Fact]
        public Task Fixes_to_configured_configuration_key() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                ApiKeyCredential Create() => new ApiKeyCredential(
            """ + Config("configuration", "Secrets:DeepSeek") + """
            );
            }
            """).WithOptions("deepseek_analyzers.api_key_configuration_key = Secrets:DeepSeek").RunAsync();

        [Fact]
        public Task Fixes_to_configured_api_key_variable() => VerifyCS.Test(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(Environment.GetEnvironmentVariable("DS_KEY") ?? throw new InvalidOperationException("The DeepSeek API key is not set: set the environment variable DS_KEY."));
            }
            """).WithOptions("deepseek_analyzers.api_key_variable = DS_KEY").RunAsync();

        [Fact]
        public Task Fixes_to_runtime_FromEnvironment() => VerifyCS.Test(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System.ClientModel;
            using DeepSeek.Runtime;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(DeepSeekApiKey.FromEnvironment());
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Fixes_to_runtime_FromConfiguration() => VerifyCS.Test(
            """
            using System.ClientModel;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System.ClientModel;
            using DeepSeek.Runtime;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                ApiKeyCredential Create() => new ApiKeyCredential(DeepSeekApiKey.FromConfiguration(configuration));
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Fixes_to_BCL_with_runtime_when_names_are_configured() => VerifyCS.Test(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(Environment.GetEnvironmentVariable("DS_KEY") ?? throw new InvalidOperationException("The DeepSeek API key is not set: set the environment variable DS_KEY."));
            }
            """).WithRuntime().WithOptions("deepseek_analyzers.api_key_variable = DS_KEY").RunAsync();

        [Fact]
        public Task Fixes_const_to_static_readonly() => Fix(
            """
            using System;

            class C
            {
                private const string ApiKey = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};

                string Key() => ApiKey;
            }
            """,
            """
            using System;

            class C
            {
                private static readonly string ApiKey = 
            """ + Env + """
            ;

                string Key() => ApiKey;
            }
            """);

        [Fact]
        public Task Fixes_local_const_to_local() => Fix(
            """
            using System;

            class C
            {
                string Key()
                {
                    const string apiKey = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
                    return apiKey;
                }
            }
            """,
            """
            using System;

            class C
            {
                string Key()
                {
                    string apiKey = 
            """ + Env + """
            ;
                    return apiKey;
                }
            }
            """);

        [Fact]
        public Task Fixes_local_const_with_instance_configuration() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                string Header()
                {
                    const string header = {|DSK001:"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
                    return header;
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                string Header()
                {
                    string header = "Bearer " + (
            """ + Config("configuration") + """
            );
                    return header;
                }
            }
            """);

        [Fact]
        public Task No_fix_for_local_const_used_in_case_label() => NoFix(
            """
            class C
            {
                bool M(string value)
                {
                    const string key = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
                    switch (value)
                    {
                        case key:
                            return true;
                        default:
                            return false;
                    }
                }
            }
            """);

        [Fact]
        public Task Fixes_static_lambda_to_environment() => Fix(
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                Func<string> Key() => static () => {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Configuration;

            class C(IConfiguration configuration)
            {
                Func<string> Key() => static () => 
            """ + Env + """
            ;
            }
            """);

        [Fact]
        public Task Fixes_Bearer_literal_to_concatenation() => Fix(
            """
            using System;
            using System.Net.Http;

            class C
            {
                void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", {|DSK001:"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.Net.Http;

            class C
            {
                void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + (
            """ + Env + """
            ));
            }
            """);

        [Fact]
        public Task Fixes_Bearer_literal_with_runtime() => VerifyCS.Test(
            """
            using System.Net.Http;

            class C
            {
                void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", {|DSK001:"Bearer sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System.Net.Http;
            using DeepSeek.Runtime;

            class C
            {
                void Configure(HttpClient http) => http.DefaultRequestHeaders.Add("Authorization", "Bearer " + DeepSeekApiKey.FromEnvironment());
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Fixes_concatenation_by_changing_the_literal_that_holds_the_key() => Fix(
            """
            using System;

            class C
            {
                const string Scheme = "Bearer ";

                string Header() => {|DSK001:Scheme + "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            """
            using System;

            class C
            {
                const string Scheme = "Bearer ";

                string Header() => Scheme + (
            """ + Env + """
            );
            }
            """);

        [Fact]
        public Task Fixes_key_split_over_concatenation() => Fix(
            """
            using System;

            class C
            {
                string Key() => {|DSK001:"sk-4f9a1c2e7b3d" + "8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            """
            using System;

            class C
            {
                string Key() => 
            """ + Env + """
            ;
            }
            """);

        [Fact]
        public Task Fixes_interpolated_string_keeping_its_holes() => Fix(
            """
            using System;

            class C
            {
                string Body(string model) => {|DSK001:$"model={model}&key=sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c&stream=false"|};
            }
            """,
            """
            using System;

            class C
            {
                string Body(string model) => $"model={model}&key={(
            """ + Env + """
            )}&stream=false";
            }
            """);

        [Fact]
        public Task Fixes_raw_interpolated_string_with_double_dollar()
        {
            // No markup here: "$$" is the markup's caret.
            var test = VerifyCS.Test(
                """"
                using System;

                class C
                {
                    string Body(string model) => $$"""{"model": "{{model}}", "key": "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"}""";
                }
                """",
                """"
                using System;

                class C
                {
                    string Body(string model) => $$"""{"model": "{{model}}", "key": "{{(
                """" + Env + """"
                )}}"}""";
                }
                """",
                VerifyCS.Diagnostic("DSK001").WithSpan(5, 34, 5, 110).WithArguments("sk-…3a8c", string.Empty));
            test.TestState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.None;
            return test.RunAsync();
        }

        [Fact]
        public Task Fixes_secret_at_sink_with_runtime_and_without() => Fix(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient("deepseek-flash", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
            }
            """,
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatClient Create() => new ChatClient("deepseek-flash", 
            """ + Env + """
            );
            }
            """);

        [Fact]
        public Task Fixes_utf8_literal_where_a_span_is_expected() => Fix(
            """
            using System;

            class C
            {
                static ReadOnlySpan<byte> Key => {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"u8|};
            }
            """,
            """
            using System;
            using System.Text;

            class C
            {
                static ReadOnlySpan<byte> Key => Encoding.UTF8.GetBytes(
            """ + Env + """
            );
            }
            """);

        [Fact]
        public Task No_fix_for_utf8_literal_in_var() => NoFix(
            """
            class C
            {
                int M()
                {
                    var key = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"u8|};
                    return key.Length;
                }
            }
            """);

        [Fact]
        public Task No_fix_in_attribute() => NoFix(
            """
            using System.ComponentModel;

            class C
            {
                [DefaultValue({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|})]
                public string? Key { get; set; }
            }
            """);

        [Fact]
        public Task No_fix_in_case_label_or_parameter_default() => NoFix(
            """
            class C
            {
                bool IsKnown(string key)
                {
                    switch (key)
                    {
                        case {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|}:
                            return true;
                        default:
                            return false;
                    }
                }

                void Connect(string key = {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|}) { }
            }
            """);

        [Fact]
        public Task No_fix_for_const_used_by_another_const() => NoFix(
            """
            class C
            {
                private const string Key = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
                private const string Header = "Bearer " + Key;
            }
            """);

        [Fact]
        public Task No_fix_for_const_used_in_attribute_elsewhere() => NoFix(
            """
            using System.ComponentModel;

            static class Keys
            {
                public const string DeepSeek = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }

            class C
            {
                [DefaultValue(Keys.DeepSeek)]
                public string? Key { get; set; }
            }
            """);

        [Fact]
        public Task Fix_all_fixes_every_document()
        {
            var test = VerifyCS.Test(string.Empty);
            test.TestState.Sources.Clear();
            test.TestState.Sources.Add(("/0/A.cs", """
                using System.ClientModel;

                class A
                {
                    ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});

                    string Header() => {|DSK001:"Bearer sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|};
                }
                """));
            test.TestState.Sources.Add(("/0/B.cs", """
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class B(IConfiguration configuration)
                {
                    ChatClient Create() => new ChatClient("deepseek-flash", {|DSK001:"sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f"|});
                }
                """));
            test.FixedState.Sources.Add(("/0/A.cs", """
                using System;
                using System.ClientModel;

                class A
                {
                    ApiKeyCredential Create() => new ApiKeyCredential(
                """ + Env + """
                );

                    string Header() => "Bearer " + (
                """ + Env + """
                );
                }
                """));
            test.FixedState.Sources.Add(("/0/B.cs", """
                using System;
                using Microsoft.Extensions.Configuration;
                using OpenAI.Chat;

                class B(IConfiguration configuration)
                {
                    ChatClient Create() => new ChatClient("deepseek-flash", 
                """ + Config("configuration") + """
                );
                }
                """));
            foreach (var (_, text) in test.FixedState.Sources)
            {
                Assert.DoesNotContain("\"sk-", text.ToString());
            }

            return test.RunAsync();
        }

        // Every sink, with and without DeepSeek.Runtime, for a DeepSeek-shaped key and for another secret.
        public static TheoryData<string, bool, bool> SinkCases()
        {
            var data = new TheoryData<string, bool, bool>();
            foreach (var sink in Sinks)
            {
                foreach (var runtime in new[] { false, true })
                {
                    data.Add(sink[0], runtime, false);
                    data.Add(sink[0], runtime, true);
                }
            }

            return data;
        }

        private static readonly string[][] Sinks =
        {
            new[] { "ApiKeyCredential", "ApiKeyCredential M() => new ApiKeyCredential({0});" },
            new[] { "OpenAIClient", "OpenAIClient M() => new OpenAIClient({0});" },
            new[] { "ChatClient", "ChatClient M() => new ChatClient(\"deepseek-flash\", {0});" },
            new[] { "SemanticKernel", "void M(IKernelBuilder builder) => builder.AddOpenAIChatCompletion(modelId: \"deepseek-flash\", apiKey: {0});" },
            new[] { "Betalgo", "OpenAIOptions M() => new OpenAIOptions {{ ApiKey = {0}, BaseDomain = \"https://api.deepseek.com\" }};" },
            new[] { "AuthenticationHeaderValue", "void M(HttpClient http) => http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue(\"Bearer\", {0});" },
            new[] { "AuthorizationHeader", "void M(HttpClient http) => http.DefaultRequestHeaders.Add(\"Authorization\", \"Bearer \" + {0});" },
            new[] { "DeepSeekNamedField", "static readonly string deepSeekKey = {0};" },
        };

        [Theory]
        [MemberData(nameof(SinkCases))]
        public Task Fixes_each_sink(string sinkName, bool runtime, bool otherSecret)
        {
            var member = System.Array.Find(Sinks, s => s[0] == sinkName)![1];
            var secret = otherSecret ? "\"proxy-7Hq2Lm9Xc4Vb8Nz1\"" : "\"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c\"";
            var lookup = runtime ? "DeepSeekApiKey.FromEnvironment()" : Env;
            if (!runtime && sinkName == "AuthorizationHeader")
            {
                lookup = "(" + lookup + ")";
            }

            const string Template = """
                using System;
                using System.ClientModel;
                using System.Net.Http;
                using System.Net.Http.Headers;
                using Betalgo.Ranul.OpenAI;
                {1}using Microsoft.SemanticKernel;
                using OpenAI;
                using OpenAI.Chat;

                class DeepSeekGateway
                {{
                    static readonly Uri Endpoint = new Uri("https://api.deepseek.com");

                    {0}
                }}
                """;
            // "Bearer " + "…" is one constant concatenation, reported at its start.
            var marked = sinkName == "AuthorizationHeader"
                ? string.Format(member.Replace("\"Bearer \" + {0}", "{{|DSK001:\"Bearer \" + {0}|}}"), secret)
                : string.Format(member, "{|DSK001:" + secret + "|}");
            var source = string.Format(Template, marked, string.Empty);
            var fixedSource = string.Format(Template, string.Format(member, lookup), runtime ? "using DeepSeek.Runtime;\n" : string.Empty);
            Assert.DoesNotContain("\"sk-", fixedSource);
            Assert.DoesNotContain("proxy-", fixedSource);
            var test = VerifyCS.Test(source, fixedSource);
            return runtime ? test.WithRuntime().RunAsync() : test.RunAsync();
        }

        [Fact]
        public Task Fixes_to_qualified_runtime_name_when_a_member_shadows_it() => VerifyCS.Test(
            """
            class Settings
            {
                static readonly string DeepSeekApiKey = {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|};
            }
            """,
            """
            class Settings
            {
                static readonly string DeepSeekApiKey = global::DeepSeek.Runtime.DeepSeekApiKey.FromEnvironment();
            }
            """).WithRuntime().RunAsync();

        // ---- Messages and robustness ---------------------------------------------------------------------

        [Fact]
        public async Task No_message_contains_a_whole_secret()
        {
            var secrets = new[]
            {
                "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c",
                "sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f",
                "proxy-7Hq2Lm9Xc4Vb8Nz1",
                "proxy-8Jr3Mn0Yd5Wc9Pa2",
            };
            var source = """
                using System;
                using System.ClientModel;
                using OpenAI.Chat;

                class DeepSeekGateway
                {
                    const string Key = "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c";
                    string Header = $"Bearer sk-9c3e7a1f5b2d8c4e6a0f3b7d1e9c5a2f";
                    static readonly string DeepSeekApiKey = "proxy-7Hq2Lm9Xc4Vb8Nz1";
                    ChatClient Create() => new ChatClient("deepseek-flash", "Bearer proxy-8Jr3Mn0Yd5Wc9Pa2");
                }
                """;
            var (diagnostics, exceptions) = await AnalyzeAsync(source);
            Assert.Empty(exceptions);
            Assert.Equal(4, diagnostics.Length);
            foreach (var diagnostic in diagnostics)
            {
                var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
                Assert.Contains("…", message);
                foreach (var secret in secrets)
                {
                    Assert.DoesNotContain(secret, message);
                }

                foreach (var value in diagnostic.Properties.Values)
                {
                    Assert.DoesNotContain("sk-", value ?? string.Empty);
                    Assert.DoesNotContain("proxy-", value ?? string.Empty);
                }
            }
        }

        [Theory]
        [InlineData("class C { string k = \"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c")]
        [InlineData("class C { void M() { new System.ClientModel.ApiKeyCredential( } }")]
        [InlineData("class C { void M() { System.Environment.SetEnvironmentVariable(\"DEEPSEEK_API_KEY\", ) } }")]
        [InlineData("class C { const string DeepSeekApiKey = \"proxy-7Hq2\" + ; }")]
        [InlineData("class C { string M() => $\"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c{ }")]
        [InlineData("class C { System.ReadOnlySpan<byte> K => \"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c\"u8 + ; }")]
        [InlineData("class C { void M() { var h = new System.Net.Http.Headers.AuthenticationHeaderValue(\"Bearer\", \"proxy-7Hq2Lm9Xc4Vb8Nz1\" }")]
        [InlineData("class C { string DeepSeekToken => ; string deepseekKey { set => deepseekKey = \"proxy-7Hq2Lm9Xc4Vb8Nz1\"; } }")]
        [InlineData("class C { void M() { Undefined.Call(apiKey: \"proxy-7Hq2Lm9Xc4Vb8Nz1\"); x = \"sk-\" + y + \"4f9a\"; } }")]
        [InlineData("class C { const string K = \"my-secret-key-123\"; void M(System.Net.Http.HttpClient h) { h.BaseAddress = new System.Uri(\"https://api.deepseek.com\"); h.DefaultRequestHeaders.Add(\"Authorization\", $\"Bearer {K}\" } }")]
        [InlineData("class C { static string P { get; } = \"my-secret-key-123\"; void M() { new System.ClientModel.ApiKeyCredential(System.Environment.GetEnvironmentVariable(\"DEEPSEEK_API_KEY\") ?? ); var x = P; P. } }")]
        [InlineData("class C { string K = \"my-secret-key-123\"; object M() => new Missing.DeepSeekClient(K, ; }")]
        [InlineData("using OpenAI; class C { OpenAIClient A() => new OpenAIClient(new System.ClientModel.ApiKeyCredential(\"my-secret-key-123\")); OpenAIClient B() => new OpenAIClient(new System.ClientModel.ApiKeyCredential(x), new OpenAIClientOptions { Endpoint = new System.Uri(\"https://api.deepseek.com\") ; }")]
        public async Task Never_throws_on_half_typed_code(string source)
        {
            var (_, exceptions) = await AnalyzeAsync(source);
            Assert.Empty(exceptions);
        }

        private static async Task<(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.Diagnostic> Diagnostics, System.Collections.Generic.List<System.Exception> Exceptions)> AnalyzeAsync(string source)
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(
                source,
                new Microsoft.CodeAnalysis.CSharp.CSharpParseOptions(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Preview));
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create(
                "Probe",
                new[] { tree },
                System.Linq.Enumerable.Concat(Verifiers.TestReferences.Framework, Verifiers.TestReferences.Sdks),
                new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(Microsoft.CodeAnalysis.OutputKind.DynamicallyLinkedLibrary));
            var exceptions = new System.Collections.Generic.List<System.Exception>();
            var options = new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzersOptions(
                new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(System.Collections.Immutable.ImmutableArray<Microsoft.CodeAnalysis.AdditionalText>.Empty),
                (exception, _, _) => { lock (exceptions) { exceptions.Add(exception); } },
                concurrentAnalysis: true,
                logAnalyzerExecutionTime: false);
            var analyzers = System.Collections.Immutable.ImmutableArray.Create<Microsoft.CodeAnalysis.Diagnostics.DiagnosticAnalyzer>(new DSK001HardcodedApiKeyAnalyzer());
            var diagnostics = await new Microsoft.CodeAnalysis.Diagnostics.CompilationWithAnalyzers(compilation, analyzers, options).GetAnalyzerDiagnosticsAsync();
            return (diagnostics, exceptions);
        }

        /// <summary>The diagnostic is reported but no fix is offered: the fixed code is the source itself.</summary>
        private static Task NoFix(string source) => VerifyCS.CodeFixAsync(source, source);
    }
}
