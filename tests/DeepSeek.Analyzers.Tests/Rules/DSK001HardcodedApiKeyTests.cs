using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public partial class DSK001HardcodedApiKeyTests
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
