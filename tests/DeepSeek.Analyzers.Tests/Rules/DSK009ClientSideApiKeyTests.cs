using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK009ClientSideApiKeyAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK009ClientSideApiKeyTests
    {
        private const string Blazor = "Blazor WebAssembly";

        private const string OpenAIClientCode = """
            using System;
            using System.ClientModel;
            using OpenAI;

            class C
            {
                OpenAIClient Create(string key) => {|#0:new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })|};
            }
            """;

        private static Task Run(string source, string property, string value, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test(source, null, expected).WithBuildProperty(property, value);
            return test.RunAsync();
        }

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult At(int location, string platform)
            => VerifyCS.Diagnostic("DSK009").WithLocation(location).WithArguments(platform);

        [Fact]
        public Task Reports_OpenAI_client_in_Blazor_WebAssembly_once() => Run(
            OpenAIClientCode, "UsingMicrosoftNETSdkBlazorWebAssembly", "true", At(0, Blazor));

        [Theory]
        [InlineData("android")]
        [InlineData("ios")]
        [InlineData("maccatalyst")]
        [InlineData("tizen")]
        [InlineData("Android")]
        public Task Reports_on_device_targets(string platform) => Run(
            OpenAIClientCode, "TargetPlatformIdentifier", platform, At(0, platform.ToLowerInvariant()));

        [Theory]
        [InlineData("UsingMicrosoftNETSdkBlazorWebAssembly", "false")]
        [InlineData("UsingMicrosoftNETSdkBlazorWebAssembly", "")]
        [InlineData("TargetPlatformIdentifier", "windows")]
        [InlineData("TargetPlatformIdentifier", "")]
        [InlineData("UsingMicrosoftNETSdkWeb", "true")]
        public Task Ignores_server_and_desktop_projects(string property, string value) => Run(OpenAIClientCode, property, value);

        [Fact]
        public Task Ignores_projects_without_build_properties() => VerifyCS.AnalyzerAsync(OpenAIClientCode.Replace("{|#0:", string.Empty).Replace(")|}", ")"));

        [Fact]
        public Task Ignores_clients_of_other_hosts_and_without_evidence() => Run(
            """
            using System;
            using System.ClientModel;
            using System.Net.Http;
            using OpenAI;

            class C
            {
                OpenAIClient Other(string key) => new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });

                OpenAIClient Plain(string key) => new OpenAIClient(key);

                HttpClient Backend() => new HttpClient { BaseAddress = new Uri("https://localhost:5001/") };
            }
            """,
            "UsingMicrosoftNETSdkBlazorWebAssembly", "true");

        [Fact]
        public Task Reports_HttpClient_with_DeepSeek_base_address_and_its_key_once() => Run(
            """
            using System;
            using System.Net.Http;
            using System.Net.Http.Headers;

            class C
            {
                HttpClient Create(string key)
                {
                    var http = {|#0:new HttpClient { BaseAddress = new Uri("https://api.deepseek.com/") }|};
                    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
                    return http;
                }
            }
            """,
            "UsingMicrosoftNETSdkBlazorWebAssembly", "true", At(0, Blazor));

        [Fact]
        public Task Reports_Semantic_Kernel_and_Betalgo_key_sinks() => Run(
            """
            using System;
            using Betalgo.Ranul.OpenAI;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => {|#0:Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                    .Build()|};

                OpenAIOptions Options(string key) => {|#1:new OpenAIOptions { BaseDomain = "https://api.deepseek.com", ApiKey = key }|};
            }
            """,
            "TargetPlatformIdentifier", "ios", At(0, "ios"), At(1, "ios"));

        [Fact]
        public Task Reports_key_set_as_DEEPSEEK_API_KEY() => Run(
            """
            using System;

            class C
            {
                void Configure(string key) => {|#0:Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", key)|};
            }
            """,
            "UsingMicrosoftNETSdkBlazorWebAssembly", "true", At(0, Blazor));
    }
}
