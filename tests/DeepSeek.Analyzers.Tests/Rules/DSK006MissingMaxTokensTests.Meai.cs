using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006 on Microsoft.Extensions.AI chat calls.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        private const string MeaiClass = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly IChatClient _chat = new OpenAI.Chat.ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }).AsIChatClient();

            """;

        [Fact]
        public Task Flags_MEAI_calls_without_ChatOptions_or_with_MaxOutputTokens_only() => VerifyCS.AnalyzerAsync(
            MeaiClass + """
                async Task Ask(IList<ChatMessage> messages)
                {
                    await {|#0:_chat.GetResponseAsync("Hello")|};
                    await {|#1:_chat.GetResponseAsync(messages, new ChatOptions { MaxOutputTokens = 100 })|};
                    var options = new ChatOptions { Temperature = 0.1f };
                    await {|#2:_chat.GetResponseAsync(new ChatMessage(ChatRole.User, "Hello"), options)|};
                    await foreach (var update in {|#3:_chat.GetStreamingResponseAsync(messages)|})
                    {
                    }

                    var limited = new ChatOptions();
                    limited.MaxOutputTokens = 50;
                    await foreach (var update in {|#4:_chat.GetStreamingResponseAsync("Hello", limited)|})
                    {
                    }
                }
            }
            """,
            NoLimit(0), Ignored(1), NoLimit(2), NoLimit(3), Ignored(4));

        [Fact]
        public Task Ignores_MEAI_calls_on_a_chat_client_class_of_the_project() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;

            // The project's own DeepSeek client writes its own request body (a default max_tokens, or the Responses API).
            sealed class DeepSeekChatClient(HttpClient http) : IChatClient
            {
                public Uri Endpoint { get; } = new Uri("https://api.deepseek.com");
                public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();
                public object? GetService(Type serviceType, object? serviceKey = null) => null;
                public void Dispose() => http.Dispose();
            }

            class C
            {
                async Task Ask()
                {
                    using var client = new DeepSeekChatClient(new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") });
                    await client.GetResponseAsync("Hello");
                    await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")], new ChatOptions { MaxOutputTokens = 100 });
                }
            }
            """);

        [Fact]
        public Task Ignores_MEAI_calls_whose_options_may_carry_max_tokens_or_come_from_elsewhere() => VerifyCS.AnalyzerAsync(
            MeaiClass + """
                async Task Ask(IList<ChatMessage> messages, ChatOptions injected)
                {
                    await _chat.GetResponseAsync(messages, injected);
                    await _chat.GetResponseAsync(messages, new ChatOptions { RawRepresentationFactory = _ => null });
                    var options = new ChatOptions { MaxOutputTokens = 100 };
                    options.AdditionalProperties = new() { ["max_tokens"] = 100 };
                    await _chat.GetResponseAsync(messages, options);
                }
            }
            """);

        [Fact]
        public Task Ignores_MEAI_clients_on_other_hosts_or_without_evidence_and_flags_DeepSeek_chains() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                async Task Ask(IChatClient unknown, string key)
                {
                    await unknown.GetResponseAsync("Hello");
                    IChatClient router = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") })
                        .GetChatClient("deepseek-flash").AsIChatClient();
                    await router.GetResponseAsync("Hello");
                    IChatClient deepSeek = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                        .GetChatClient("deepseek-flash").AsIChatClient();
                    await {|#0:deepSeek.GetResponseAsync("Hello")|};
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Ignores_MEAI_clients_over_the_runtime_policy() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using System.Threading.Tasks;
            using DeepSeek.Runtime;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly IChatClient _chat = new OpenAI.Chat.ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }.UseDeepSeek()).AsIChatClient();

                private readonly IChatClient _plain = new OpenAI.Chat.ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }).AsIChatClient();

                async Task Ask()
                {
                    await _chat.GetResponseAsync("Hello", new ChatOptions { MaxOutputTokens = 10 });
                    await {|#0:_plain.GetResponseAsync("Hello", new ChatOptions { MaxOutputTokens = 10 })|};
                }
            }
            """,
            null,
            Ignored(0).WithSpan(14, 9, 14, 83)).WithRuntime().RunAsync();
    }
}
