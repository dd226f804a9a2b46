using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK001: the fixes (environment, configuration, DeepSeek.Runtime; const, Bearer, interpolation, fallbacks).</summary>
    public partial class DSK001HardcodedApiKeyTests
    {
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
    }
}
