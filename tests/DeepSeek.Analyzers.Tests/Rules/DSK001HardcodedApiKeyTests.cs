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
