using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK010MalformedBaseUrlAnalyzer,
    DeepSeek.Analyzers.Rules.DSK010MalformedBaseUrlCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK010MalformedBaseUrlTests
    {
        // ---- OpenAI SDK endpoint ---------------------------------------------------------------------------

        [Theory]
        [InlineData("https://api.deepseek.com/chat/completions", "https://api.deepseek.com")]
        [InlineData("https://api.deepseek.com/chat/completions/", "https://api.deepseek.com")]
        [InlineData("https://api.deepseek.com/v1/chat/completions", "https://api.deepseek.com/v1")]
        [InlineData("https://api.deepseek.com/anthropic", "https://api.deepseek.com")]
        [InlineData("https://api.deepseek.com/anthropic/", "https://api.deepseek.com")]
        [InlineData("http://api.deepseek.com", "https://api.deepseek.com")]
        [InlineData("http://api.deepseek.com/chat/completions", "https://api.deepseek.com")]
        [InlineData("https://api.deepseek.ai", "https://api.deepseek.com")]
        [InlineData("https://api.deep-seek.com/v1", "https://api.deepseek.com/v1")]
        [InlineData("https://API.DeepSeek.co/", "https://api.deepseek.com/")]
        [InlineData("http://api.depseek.com/chat/completions", "https://api.deepseek.com")]
        public Task Fixes_OpenAI_endpoint(string url, string corrected) => VerifyCS.CodeFixAsync(
            $$"""
            using System;
            using OpenAI;

            class C
            {
                OpenAIClientOptions Options() => new OpenAIClientOptions { Endpoint = new Uri({|DSK010:"{{url}}"|}) };
            }
            """,
            $$"""
            using System;
            using OpenAI;

            class C
            {
                OpenAIClientOptions Options() => new OpenAIClientOptions { Endpoint = new Uri("{{corrected}}") };
            }
            """);

        [Theory]
        [InlineData("https://api.deepseek.com")]
        [InlineData("https://api.deepseek.com/")]
        [InlineData("https://api.deepseek.com/v1")]
        [InlineData("https://openrouter.ai/api/v1")]
        [InlineData("http://localhost:11434/v1")]
        [InlineData("https://platform.deepseek.com")]
        [InlineData("https://api.openai.com/v1/chat/completions")]
        public Task Ignores_correct_or_other_endpoint(string url) => VerifyCS.AnalyzerAsync(
            $$"""
            using System;
            using OpenAI;

            class C
            {
                OpenAIClientOptions Options() => new OpenAIClientOptions { Endpoint = new Uri("{{url}}") };
            }
            """);

        [Fact]
        public Task Reports_endpoint_assigned_later_with_message() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI;

            class C
            {
                void Configure(OpenAIClientOptions options)
                {
                    options.Endpoint = new Uri("https://api.deepseek.com/chat/completions");
                }
            }
            """,
            VerifyCS.Diagnostic("DSK010").WithSpan(8, 36, 8, 79).WithArguments(
                "https://api.deepseek.com/chat/completions",
                "ends in /chat/completions, which the SDK appends itself",
                "https://api.deepseek.com"));

        // ---- Semantic Kernel and Betalgo ---------------------------------------------------------------------

        [Fact]
        public Task Fixes_Semantic_Kernel_endpoint() => VerifyCS.CodeFixAsync(
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri({|DSK010:"https://api.deepseek.com/anthropic"|}), apiKey: key)
                    .Build();
            }
            """,
            """
            using System;
            using Microsoft.SemanticKernel;

            class C
            {
                Kernel Build(string key) => Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                    .Build();
            }
            """);

        [Fact]
        public Task Fixes_Betalgo_BaseDomain_in_initialiser_and_assignment() => VerifyCS.CodeFixAsync(
            """
            using Betalgo.Ranul.OpenAI;

            class C
            {
                OpenAIOptions Options() => new OpenAIOptions { BaseDomain = {|DSK010:"https://api.deepseek.com/chat/completions"|} };

                void Configure(OpenAIOptions options) => options.BaseDomain = {|DSK010:"https://api.deepseek.net"|};
            }
            """,
            """
            using Betalgo.Ranul.OpenAI;

            class C
            {
                OpenAIOptions Options() => new OpenAIOptions { BaseDomain = "https://api.deepseek.com" };

                void Configure(OpenAIOptions options) => options.BaseDomain = "https://api.deepseek.com";
            }
            """);

        // ---- Raw HttpClient: only TLS and the host ---------------------------------------------------------

        [Fact]
        public Task Ignores_raw_POST_URL_and_BaseAddress_path() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                async Task Send(HttpClient http, HttpContent body)
                {
                    await http.PostAsync("https://api.deepseek.com/chat/completions", body);
                    await http.PostAsync(new Uri("https://api.deepseek.com/v1/chat/completions"), body);
                    using var direct = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com/chat/completions") };
                    const string Anthropic = "https://api.deepseek.com/anthropic/v1/messages";
                    await http.PostAsync(Anthropic, body);
                }
            }
            """);

        [Fact]
        public Task Fixes_plain_http_and_misspelt_host_anywhere_keeping_the_path() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                const string Url = {|DSK010:"http://api.deepseek.com/chat/completions"|};

                async Task Send(HttpClient http, HttpContent body)
                {
                    await http.PostAsync(Url, body);
                    await http.PostAsync({|DSK010:"https://api.deepseek.co/chat/completions?x=1"|}, body);
                    using var direct = new HttpClient { BaseAddress = new Uri({|DSK010:@"http://api.deepseek.com:443/"|}) };
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            class C
            {
                const string Url = "https://api.deepseek.com/chat/completions";

                async Task Send(HttpClient http, HttpContent body)
                {
                    await http.PostAsync(Url, body);
                    await http.PostAsync("https://api.deepseek.com/chat/completions?x=1", body);
                    using var direct = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com:443/") };
                }
            }
            """);

        [Theory]
        [InlineData("see http://api.deepseek.com for details")]
        [InlineData("http://user:secret@api.deepseek.com")]
        [InlineData("https://deepseek.com")]
        [InlineData("https://chat.deepseek.com")]
        [InlineData("https://api.deepseek.com.evil.example")]
        [InlineData("http://example.com/api.deepseek.ai")]
        [InlineData("https://api.deepseek.community")]
        public Task Ignores_text_that_is_not_a_DeepSeek_URL(string text) => VerifyCS.AnalyzerAsync(
            $$"""
            class C
            {
                string Text() => "{{text}}";
            }
            """);
    }
}
