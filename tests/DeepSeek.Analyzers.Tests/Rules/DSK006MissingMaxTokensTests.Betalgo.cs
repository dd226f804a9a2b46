using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006 on Betalgo.Ranul.OpenAI chat requests.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        private const string BetalgoClass = """
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                private readonly OpenAIService _service = new OpenAIService(new OpenAIOptions { ApiKey = "k", BaseDomain = "https://api.deepseek.com" });

            """;

        [Fact]
        public Task Flags_and_fixes_Betalgo_requests_without_MaxTokens() => VerifyCS.CodeFixAsync(
            BetalgoClass + """
                async Task Inline(string q)
                {
                    await {|#0:_service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Model = "deepseek-flash",
                        Messages = new List<ChatMessage> { ChatMessage.FromUser(q) },
                    })|};
                }

                async Task Local(string q)
                {
                    var request = new ChatCompletionCreateRequest { Model = "deepseek-flash", Messages = new List<ChatMessage> { ChatMessage.FromUser(q) }, MaxCompletionTokens = 300 };
                    await {|#1:_service.ChatCompletion.CreateCompletion(request)|};
                }

                async Task Filled(string q)
                {
                    var request = new ChatCompletionCreateRequest();
                    request.Model = "deepseek-flash";
                    request.Messages = new List<ChatMessage> { ChatMessage.FromUser(q) };
                    await foreach (var chunk in {|#2:_service.ChatCompletion.CreateCompletionAsStream(request)|})
                    {
                    }
                }
            }
            """,
            BetalgoClass + """
                async Task Inline(string q)
                {
                    await _service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Model = "deepseek-flash",
                        Messages = new List<ChatMessage> { ChatMessage.FromUser(q) },
                        MaxTokens = 1024,
                    });
                }

                async Task Local(string q)
                {
                    var request = new ChatCompletionCreateRequest { Model = "deepseek-flash", Messages = new List<ChatMessage> { ChatMessage.FromUser(q) }, MaxCompletionTokens = 300, MaxTokens = 300 };
                    await _service.ChatCompletion.CreateCompletion(request);
                }

                async Task Filled(string q)
                {
                    var request = new ChatCompletionCreateRequest() { MaxTokens = 1024 };
                    request.Model = "deepseek-flash";
                    request.Messages = new List<ChatMessage> { ChatMessage.FromUser(q) };
                    await foreach (var chunk in _service.ChatCompletion.CreateCompletionAsStream(request))
                    {
                    }
                }
            }
            """,
            NoLimit(0), Ignored(1), NoLimit(2));

        [Fact]
        public Task Ignores_Betalgo_requests_with_MaxTokens_other_hosts_and_requests_from_elsewhere() => VerifyCS.AnalyzerAsync(
            BetalgoClass + """
                private readonly OpenAIService _router = new OpenAIService(new OpenAIOptions { ApiKey = "k", BaseDomain = "https://openrouter.ai/api" });

                async Task Ask(string q, ChatCompletionCreateRequest injected)
                {
                    await _service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest { Model = "deepseek-flash", MaxTokens = 100 });
                    var request = new ChatCompletionCreateRequest { Model = "deepseek-flash" };
                    request.MaxTokens = 200;
                    await _service.ChatCompletion.CreateCompletion(request);
                    await _service.ChatCompletion.CreateCompletion(injected);
                    await _router.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest { Model = "deepseek-flash" });
                }
            }
            """);
    }
}
