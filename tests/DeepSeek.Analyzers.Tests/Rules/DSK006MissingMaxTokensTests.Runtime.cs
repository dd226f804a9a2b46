using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006's second fix: DeepSeek.Runtime's policy on the client's options, once for every call on the client.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        private const string RuntimeSource = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly OpenAI.Chat.ChatClient _client = new OpenAI.Chat.ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    {|#9:new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }|});

                void Ask(List<OpenAI.Chat.ChatMessage> messages)
                {
                    {|#0:_client.CompleteChat(messages)|};
                    {|#1:_client.CompleteChat(messages, new OpenAI.Chat.ChatCompletionOptions { MaxOutputTokenCount = 10 })|};
                }

                async Task Meai()
                {
                    var options = {|#8:new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }|};
                    var chat = new OpenAIClient(new ApiKeyCredential("k"), options).GetChatClient("deepseek-flash").AsIChatClient();
                    await {|#2:chat.GetResponseAsync("Hello")|};
                }
            }
            """;

        private static string RuntimeFixed(string arguments) => """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;
            using DeepSeek.Runtime;

            class C
            {
                private readonly OpenAI.Chat.ChatClient _client = new OpenAI.Chat.ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }.UseDeepSeek(ARGS));

                void Ask(List<OpenAI.Chat.ChatMessage> messages)
                {
                    _client.CompleteChat(messages);
                    _client.CompleteChat(messages, new OpenAI.Chat.ChatCompletionOptions { MaxOutputTokenCount = 10 });
                }

                async Task Meai()
                {
                    var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }.UseDeepSeek(ARGS);
                    var chat = new OpenAIClient(new ApiKeyCredential("k"), options).GetChatClient("deepseek-flash").AsIChatClient();
                    await chat.GetResponseAsync("Hello");
                }
            }
            """.Replace("ARGS", arguments);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult WithOptionsAt(Microsoft.CodeAnalysis.Testing.DiagnosticResult result, int options)
            => result.WithLocation(options, Microsoft.CodeAnalysis.Testing.DiagnosticLocationOptions.IgnoreLength);

        [Fact]
        public Task Runtime_fix_attaches_the_policy_once_per_client()
        {
            var test = VerifyCS.Test(
                RuntimeSource,
                RuntimeFixed(string.Empty),
                NoLimit(0).WithLocation(9), Ignored(1).WithLocation(9), NoLimit(2).WithLocation(8)).WithRuntime();
            test.CodeActionEquivalenceKey = DSK006MissingMaxTokensCodeFixProvider.RuntimeEquivalenceKey;
            return test.RunAsync();
        }

        [Fact]
        public Task Runtime_fix_carries_default_max_tokens_when_it_differs_from_the_runtimes_default()
        {
            var test = VerifyCS.Test(
                RuntimeSource,
                RuntimeFixed("new DeepSeekRequestOptions { DefaultMaxTokens = 4096 }"),
                NoLimit(0).WithLocation(9), Ignored(1).WithLocation(9), NoLimit(2).WithLocation(8))
                .WithRuntime().WithOptions("deepseek_analyzers.default_max_tokens = 4096");
            test.CodeActionEquivalenceKey = DSK006MissingMaxTokensCodeFixProvider.RuntimeEquivalenceKey;
            return test.RunAsync();
        }
    }
}
