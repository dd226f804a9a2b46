using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006 on Semantic Kernel chat calls.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        private const string KernelClass = """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                private readonly Kernel _kernel = Kernel.CreateBuilder()
                    .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri("https://api.deepseek.com"), apiKey: "k")
                    .Build();

            """;

        [Fact]
        public Task Flags_Semantic_Kernel_service_and_prompt_calls_without_a_limit_or_with_MaxTokens_only() => VerifyCS.AnalyzerAsync(
            KernelClass + """
                async Task Ask(ChatHistory history)
                {
                    var chat = _kernel.GetRequiredService<IChatCompletionService>();
                    await {|#0:chat.GetChatMessageContentAsync(history)|};
                    await {|#1:chat.GetChatMessageContentsAsync(history, new OpenAIPromptExecutionSettings { MaxTokens = 200 })|};
                    var settings = new OpenAIPromptExecutionSettings { Temperature = 0.2 };
                    await foreach (var update in {|#2:chat.GetStreamingChatMessageContentsAsync("Hello", settings)|})
                    {
                    }

                    await {|#3:_kernel.InvokePromptAsync("Hello")|};
                    await {|#4:_kernel.InvokePromptAsync("Hello", new KernelArguments(new OpenAIPromptExecutionSettings { MaxTokens = 50 }))|};
                }
            }
            """,
            NoLimit(0), Ignored(1), NoLimit(2), NoLimit(3), Ignored(4));

        [Fact]
        public Task Ignores_Semantic_Kernel_settings_with_ExtraBody_max_tokens_or_built_elsewhere() => VerifyCS.AnalyzerAsync(
            KernelClass + """
                async Task Ask(ChatHistory history, OpenAIPromptExecutionSettings injected, KernelArguments arguments)
                {
                    var chat = _kernel.GetRequiredService<IChatCompletionService>();
                    await chat.GetChatMessageContentAsync(history, new OpenAIPromptExecutionSettings
                    {
                        MaxTokens = 200,
                        ExtraBody = new Dictionary<string, object?> { ["max_tokens"] = 200 },
                    });
                    var settings = new OpenAIPromptExecutionSettings { MaxTokens = 100 };
                    settings.ExtraBody = new Dictionary<string, object?>();
                    settings.ExtraBody["max_tokens"] = 100;
                    await chat.GetChatMessageContentAsync(history, settings);
                    await chat.GetChatMessageContentAsync(history, injected);
                    await _kernel.InvokePromptAsync("Hello", arguments);
                }
            }
            """);

        [Fact]
        public Task Ignores_Semantic_Kernel_services_on_other_hosts() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                async Task Ask(ChatHistory history)
                {
                    var chat = new OpenAIChatCompletionService("deepseek-flash", new Uri("https://openrouter.ai/api/v1"), "k");
                    await chat.GetChatMessageContentAsync(history);
                    var local = new OpenAIChatCompletionService("deepseek-flash", new Uri("https://api.deepseek.com"), "k");
                    await {|#0:local.GetChatMessageContentAsync(history)|};
                }
            }
            """,
            NoLimit(0));
    }
}
