using System.Linq;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>
    /// What the DSK006 code fix writes, sent by the real OpenAI SDK without DeepSeek.Runtime's policy to a real HTTP server:
    /// the limit reaches the wire as <c>max_tokens</c>, the field DeepSeek honours.
    /// </summary>
    public sealed class MaxTokensFixWireTests : IAsyncLifetime
    {
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        [Fact]
        public async Task The_fixed_call_without_options_sends_max_tokens()
        {
            var client = Clients.OpenAIWithoutPolicy(server);

            // The fix's output for `client.CompleteChatAsync(new UserChatMessage("Hi"))`, verbatim.
            var chatOptions = new ChatCompletionOptions();
#pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
            chatOptions.Patch.Set("$.max_tokens"u8, 1024);
#pragma warning restore SCME0001
            await client.CompleteChatAsync([new UserChatMessage("Hi")], chatOptions);

            var body = server.Requests.Single().Json;
            Assert.Equal(1024, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
        }

        [Fact]
        public async Task The_fixed_options_keep_MaxOutputTokenCount_and_add_max_tokens_which_DeepSeek_honours()
        {
            var client = Clients.OpenAIWithoutPolicy(server);

            // The fix's output for options with MaxOutputTokenCount = 300: the same number, as max_tokens.
            var options = new ChatCompletionOptions { MaxOutputTokenCount = 300 };
#pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
            options.Patch.Set("$.max_tokens"u8, 300);
#pragma warning restore SCME0001
            await client.CompleteChatAsync([new UserChatMessage("Hi")], options);

            var body = server.Requests.Single().Json;
            Assert.Equal(300, (int)body["max_tokens"]!);
            Assert.Equal(300, (int)body["max_completion_tokens"]!);
        }
    }
}
