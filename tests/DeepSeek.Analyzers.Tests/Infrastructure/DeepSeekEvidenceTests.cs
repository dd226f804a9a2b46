using System.Threading.Tasks;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyProbe = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Tests.Infrastructure.EvidenceProbeAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    /// <summary>The evidence engine on its own: <c>Probe(x)</c> reports its verdict on x (see <see cref="EvidenceProbeAnalyzer"/>).</summary>
    public class DeepSeekEvidenceTests
    {
        private const string Usings = """
            #nullable disable
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using Microsoft.Extensions.Configuration;
            using OpenAI;
            using OpenAI.Chat;

            """;

        private const string ProbeMethod = "static void Probe(object o) { }";

        private static DeepSeekTest<EvidenceProbeAnalyzer, EmptyCodeFixProvider> Test(string source, params string[] messages)
        {
            var test = VerifyProbe.Test(Usings + source);
            for (var i = 0; i < messages.Length; i++)
            {
                test.ExpectedDiagnostics.Add(VerifyProbe.Diagnostic(EvidenceProbeAnalyzer.Id).WithLocation(i).WithArguments(messages[i]));
            }

            return test;
        }

        private static Task Verify(string source, params string[] messages) => Test(source, messages).RunAsync();

        private const string Bound = "Bound bound=True";
        private const string Other = "OtherHost bound=False";
        private const string Unknown = "Unknown bound=False";

        [Fact]
        public Task Bound_by_OpenAIClientOptions_Endpoint() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                void M(string key)
                {
                    var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                    Probe({|#0:client|});
                    Probe({|#1:client.GetChatClient(GetModel())|});
                }
                string GetModel() => Environment.GetEnvironmentVariable("MODEL");
            }
            """, Bound, Bound);

        [Fact]
        public Task Bound_by_endpoint_through_const_static_readonly_and_later_assignment() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                const string Host = "api.deepseek.com";
                const string BaseUrl = "https://" + Host;
                static readonly Uri Endpoint = new Uri(BaseUrl + "/v1");
                void M(string key)
                {
                    var options = new OpenAIClientOptions();
                    options.Endpoint = Endpoint;
                    var chat = new ChatClient("my-model", new ApiKeyCredential(key), options);
                    Probe({|#0:chat|});
                    Probe({|#1:chat.AsIChatClient()|});
                }
            }
            """, Bound, Bound);

        [Fact]
        public Task Bound_by_catalog_model_id_through_GetChatClient_chain() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                const string Model = "deepseek-flash";
                void M(OpenAIClient client, string key)
                {
                    IChatClient chat = client.GetChatClient(Model).AsIChatClient();
                    Probe({|#0:chat|});
                    Probe({|#1:new ChatClient("deepseek-v4-pro", key)|});
                    Probe({|#2:new ChatClient("deepseek-chat", key)|});
                }
            }
            """, Bound, Bound, Bound);

        [Fact]
        public Task Bound_by_deepseek_named_secret() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                void M(IConfiguration configuration)
                {
                    Probe({|#0:new ChatClient("m", Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY"))|});
                    Probe({|#1:new ChatClient("m", configuration["DeepSeek:ApiKey"])|});
                    Probe({|#2:new ChatClient("m", configuration.GetSection("DeepSeek")["ApiKey"])|});
                    Probe({|#3:new ChatClient("m", configuration.GetValue<string>("DeepSeek:ApiKey"))|});
                    Probe({|#4:new ChatClient("m", Environment.GetEnvironmentVariable("OPENAI_API_KEY"))|});
                }
            }
            """, Bound, Bound, Bound, Bound, Unknown);

        [Fact]
        public Task Configured_secret_names_are_evidence() => Test($$"""
            class C
            {
                {{ProbeMethod}}
                void M(IConfiguration configuration)
                {
                    Probe({|#0:new ChatClient("m", Environment.GetEnvironmentVariable("LLM_KEY"))|});
                    Probe({|#1:new ChatClient("m", configuration["Llm:Key"])|});
                }
            }
            """, Bound, Bound)
            .WithOptions("deepseek_analyzers.api_key_variable = LLM_KEY", "deepseek_analyzers.api_key_configuration_key = Llm:Key")
            .RunAsync();

        [Fact]
        public Task Evidence_follows_fields_properties_and_constructor_parameters() => Verify($$"""
            class Service
            {
                {{ProbeMethod}}
                private readonly ChatClient _chat;
                public Service(ChatClient chat) { _chat = chat; }
                private IChatClient Client { get; set; }
                public void Init() { Client = _chat.AsIChatClient(); }
                public void M()
                {
                    Probe({|#0:_chat|});
                    Probe({|#1:Client|});
                }
            }
            class Startup
            {
                Service Create(string key) => new Service(new ChatClient("deepseek-flash", key));
            }
            """, Bound, Bound);

        [Fact]
        public Task Evidence_follows_factory_method_returns() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                static OpenAIClient CreateClient(string key)
                    => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/v1") });
                void M(string key)
                {
                    var chat = CreateClient(key).GetChatClient("any");
                    Probe({|#0:chat|});
                }
            }
            """, Bound);

        [Fact]
        public Task HttpClient_BaseAddress_and_request_uri() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com/") };
                void M(HttpClient other)
                {
                    Probe({|#0:_http|});
                    Probe({|#1:new HttpRequestMessage(HttpMethod.Post, "https://api.deepseek.com/chat/completions")|});
                    other.BaseAddress = new Uri("https://example.com/");
                    Probe({|#2:other|});
                }
            }
            """, Bound, Bound, Other);

        [Fact]
        public Task Semantic_Kernel_endpoint_and_Betalgo_BaseDomain() => Verify($$"""
            using Microsoft.SemanticKernel;
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;
            class C
            {
                {{ProbeMethod}}
                void M(string key)
                {
                    var builder = Kernel.CreateBuilder().AddOpenAIChatCompletion(modelId: "m", endpoint: new Uri("https://api.deepseek.com"), apiKey: key);
                    Probe({|#0:builder|});
                    var service = new OpenAIService(new OpenAIOptions { ApiKey = key, BaseDomain = "https://api.deepseek.com" });
                    Probe({|#1:service|});
                }
            }
            """, Bound, Bound);

        [Fact]
        public Task Other_hosts_win_over_a_deepseek_model_id() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                static ChatClient On(string url, string key)
                    => new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri(url) });
                void M(string key)
                {
                    Probe({|#0:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") })|});
                    Probe({|#1:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://my.openai.azure.com/openai/v1") })|});
                    Probe({|#2:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://models.github.ai/inference") })|});
                    Probe({|#3:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("http://localhost:11434/v1") })|});
                    Probe({|#4:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("http://127.0.0.1:11434/v1") })|});
                    Probe({|#5:new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://models.inference.ai.azure.com") })|});
                }
            }
            """, Other, Other, Other, Other, Other, Other);

        [Fact]
        public Task No_evidence_is_unknown_unless_scope_is_all_openai_compatible()
        {
            var source = $$"""
                class C
                {
                    {{ProbeMethod}}
                    void M(string model, string key)
                    {
                        Probe({|#0:new ChatClient(model, key)|});
                        Probe({|#1:new ChatClient(model, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") })|});
                        Probe({|#2:model|});
                    }
                }
                """;
            return Task.WhenAll(
                Verify(source, Unknown, Other, Unknown),
                Test(source, "Unknown bound=True", Other, Unknown).WithOptions("deepseek_analyzers.scope = all_openai_compatible").RunAsync());
        }

        [Fact]
        public Task DeepSeek_SDK_type_is_evidence()
        {
            var test = Test($$"""
                class C
                {
                    {{ProbeMethod}}
                    void M(string key)
                    {
                        var client = new DeepSeek.Core.DeepSeekClient(key);
                        Probe({|#0:client|});
                        Probe({|#1:new ChatClient("m", key)|});
                    }
                }
                """, Bound, Unknown);
            test.TestState.AdditionalProjects["DeepSeek.Core"].AdditionalReferences.AddRange(TestReferences.Framework);
            test.TestState.AdditionalProjects["DeepSeek.Core"].Sources.Add("namespace DeepSeek.Core { public class DeepSeekClient { public DeepSeekClient(string key) { } } }");
            test.TestState.AdditionalProjectReferences.Add("DeepSeek.Core");
            return test.RunAsync();
        }

        [Fact]
        public Task A_source_type_named_DeepSeek_is_not_evidence() => Verify($$"""
            class DeepSeekService { }
            class C
            {
                {{ProbeMethod}}
                void M() => Probe({|#0:new DeepSeekService()|});
            }
            """, Unknown);

        // A client of unknown origin (#1) does not borrow the evidence of the class around it; requests do (see below).
        [Fact]
        public Task Model_sinks_report_the_binding_of_their_client_or_request() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                const string Model = {|#0:"deepseek-probe-a"|};
                private readonly OpenAIClient _client = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                void M(string key, OpenAIClient unknown)
                {
                    var a = _client.GetChatClient(Model);
                    var b = unknown.GetChatClient({|#1:"deepseek-probe-b"|});
                    Console.WriteLine({|#3:"deepseek-probe-d"|});
                }
            }
            class D
            {
                void M(string key)
                {
                    var c = new ChatClient({|#2:"deepseek-probe-c"|}, new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });
                }
            }
            """, "sink Bound model=True", "sink Unknown model=False", "sink OtherHost model=False", "no sink");

        [Fact]
        public Task Request_bodies_take_the_binding_of_where_they_are_sent() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                async Task M(HttpClient http, object messages)
                {
                    var body = new { model = {|#0:"deepseek-probe-a"|}, messages };
                    await http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                    var dictionary = new Dictionary<string, object> { ["model"] = {|#2:"deepseek-probe-c"|} };
                    var options = new ChatOptions { ModelId = {|#3:"deepseek-probe-d"|} };
                }
                async Task OpenRouter(HttpClient http)
                    => await http.PostAsJsonAsync("https://openrouter.ai/api/v1/chat/completions", new { model = {|#1:"deepseek-probe-b"|} });
            }
            """, "sink Bound model=True", "sink OtherHost model=False", "sink Bound model=True", "sink Bound model=True");

        [Fact]
        public Task Mixed_evidence_in_a_type_is_unknown_for_requests_without_their_own() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                private readonly Uri _deepSeek = new Uri("https://api.deepseek.com");
                private readonly Uri _openRouter = new Uri("https://openrouter.ai/api/v1");
                void M() { var options = new ChatOptions { ModelId = {|#0:"deepseek-probe-a"|} }; }
            }
            """, "sink Unknown model=False");

        [Fact]
        public Task Localhost_over_IPv6_with_a_port_is_another_host_in_a_type() => Verify($$"""
            // Found by the URL property test: the port after "[::1]" hid the local host, so the type looked DeepSeek-only.
            class C
            {
                {{ProbeMethod}}
                private readonly Uri _deepSeek = new Uri("https://api.deepseek.com");
                private readonly Uri _local = new Uri("http://[::1]:11434/v1");
                void M() { var options = new ChatOptions { ModelId = {|#0:"deepseek-probe-a"|} }; }
            }
            """, "sink Unknown model=False");

        [Fact]
        public Task Top_level_statements_carry_evidence() => Test("""
            var client = new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")));
            var chat = client.GetChatClient({|#0:"deepseek-probe"|});
            """, "sink Bound model=True").AsApplication().RunAsync();

        [Fact]
        public Task Static_readonly_settings_in_another_file_are_read()
        {
            var test = Test($$"""
                class C
                {
                    {{ProbeMethod}}
                    void M(string key)
                    {
                        Probe({|#0:new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = Settings.Endpoint })|});
                        Probe({|#1:new OpenAIClient(new ApiKeyCredential(key), Settings.Options)|});
                        Probe({|#2:new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = Settings.Gateway })|});
                    }
                }
                """, Bound, Bound, Other);
            test.TestState.Sources.Add(("/0/Settings.cs", """
                using System;
                using OpenAI;
                static class Settings
                {
                    public static readonly Uri Endpoint = new("https://" + "api.deepseek.com");
                    public static OpenAIClientOptions Options { get; } = new() { Endpoint = new Uri($"https://api.deepseek.com/v1") };
                    public static Uri Gateway => new Uri("https://openrouter.ai/api/v1");
                }
                """));
            return test.RunAsync();
        }

        [Fact]
        public Task Interpolated_urls_conditional_access_and_coalescing_assignments() => Verify($$"""
            class C
            {
                {{ProbeMethod}}
                private OpenAIClient _client;
                void M(string key, string version)
                {
                    var http = new HttpClient { BaseAddress = new Uri($"https://api.deepseek.com/{version}") };
                    Probe({|#0:http|});
                    _client ??= new OpenAIClient(new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")));
                    Probe({|#1:_client?.GetChatClient("m")|});
                }
            }
            """, Bound, Bound);

        [Fact]
        public Task Incomplete_code_does_not_throw()
        {
            var test = Test($$"""
            class C
            {
                {{ProbeMethod}}
                void M()
                {
                    var client = new OpenAIClient(new ApiKeyCredential(, new OpenAIClientOptions { Endpoint = new Uri( });
                    Probe({|#0:client|});
                    var x = client.GetChatClient({|#1:"deepseek-probe"|}
                }
            }
            """, Unknown, "sink Unknown model=False");
            test.CompilerDiagnostics = CompilerDiagnostics.None;
            return test.RunAsync();
        }
    }
}
