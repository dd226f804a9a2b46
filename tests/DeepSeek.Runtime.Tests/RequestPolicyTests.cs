using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Xunit;
using ChatMessage = OpenAI.Chat.ChatMessage;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>The policy on the real OpenAI SDK (and Microsoft.Extensions.AI over it), against a real HTTP server.</summary>
    public sealed class RequestPolicyTests : IAsyncLifetime
    {
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        [Fact]
        public async Task Without_the_policy_the_SDK_sends_max_completion_tokens_which_DeepSeek_ignores()
        {
            // The premise of the policy: if this ever changes, the rewrite may no longer be needed.
            await Clients.OpenAIWithoutPolicy(server).CompleteChatAsync(
                new ChatMessage[] { new UserChatMessage("Hi") },
                new ChatCompletionOptions { MaxOutputTokenCount = 50 });

            var body = server.Requests.Single().Json;
            Assert.Equal(50, (int)body["max_completion_tokens"]!);
            Assert.False(body.ContainsKey("max_tokens"));
        }

        [Fact]
        public async Task MaxOutputTokenCount_reaches_the_server_as_max_tokens()
        {
            await Clients.OpenAI(server).CompleteChatAsync(
                new ChatMessage[] { new UserChatMessage("Hi") },
                new ChatCompletionOptions { MaxOutputTokenCount = 50 });

            var request = server.Requests.Single();
            Assert.Equal("POST", request.Method);
            Assert.EndsWith("/chat/completions", request.Path);
            Assert.Equal(50, (int)request.Json["max_tokens"]!);
            Assert.False(request.Json.ContainsKey("max_completion_tokens"));
            Assert.Equal("Hi", (string)request.Json["messages"]![0]!["content"]!);
        }

        [Fact]
        public async Task A_request_without_a_limit_gets_the_catalog_default()
        {
            await Clients.OpenAI(server).CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal(DeepSeekCatalog.DefaultMaxTokens, (int)server.Requests.Single().Json["max_tokens"]!);
        }

        [Fact]
        public async Task A_request_without_a_limit_gets_the_configured_default()
        {
            await Clients.OpenAI(server, new DeepSeekRequestOptions { DefaultMaxTokens = 77 }).CompleteChatAsync(new UserChatMessage("Hi"));

            var body = server.Requests.Single().Json;
            Assert.Equal(77, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
        }

        [Fact]
        public void The_synchronous_SDK_path_is_rewritten_too()
        {
            Clients.OpenAI(server).CompleteChat(
                new ChatMessage[] { new UserChatMessage("Hi") },
                new ChatCompletionOptions { MaxOutputTokenCount = 42 });

            var body = server.Requests.Single().Json;
            Assert.Equal(42, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
        }

        [Theory]
        [InlineData(DeepSeekThinking.Disabled, "disabled")]
        [InlineData(DeepSeekThinking.Enabled, "enabled")]
        public async Task The_thinking_option_lands_in_the_body(DeepSeekThinking thinking, string expected)
        {
            await Clients.OpenAI(server, new DeepSeekRequestOptions { Thinking = thinking }).CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal(expected, (string)server.Requests.Single().Json["thinking"]!["type"]!);
        }

        [Fact]
        public async Task Without_a_thinking_option_no_thinking_member_is_sent()
        {
            await Clients.OpenAI(server).CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.False(server.Requests.Single().Json.ContainsKey("thinking"));
        }

        [Fact]
        public async Task Usage_of_a_response_is_reported_and_costed_exactly()
        {
            var usages = new List<DeepSeekUsage>();
            var completion = await Clients.OpenAI(server, new DeepSeekRequestOptions { OnUsage = usages.Add })
                .CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal("Hello!", completion.Value.Content[0].Text);
            var usage = Assert.Single(usages);
            Assert.Equal(1000, usage.CacheHitTokens);
            Assert.Equal(2000, usage.CacheMissTokens);
            Assert.Equal(300, usage.OutputTokens);
            Assert.Equal(100, usage.ReasoningTokens);

            // Hour unknown, so peak: (1000 × 0.006 + 2000 × 0.30 + 300 × 1.20) / 1M = 966 / 1M
            Assert.Equal(0.000966m, usage.EstimateCost(DeepSeekPricing.Flash));
        }

        [Fact]
        public async Task Streaming_flows_chunk_by_chunk_and_its_final_usage_is_reported()
        {
            var firstChunkReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool? firstChunkSeenInTime = null;
            server.Enqueue(Replies.Stream(
                new[] { "Hel", "lo", " world" },
                Replies.Usage(500, 1500, 40, 12),
                firstChunkReceived.Task,
                seen => firstChunkSeenInTime = seen));
            var usages = new List<DeepSeekUsage>();
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { OnUsage = usages.Add });

            var text = new StringBuilder();
            await foreach (var update in client.CompleteChatStreamingAsync(new UserChatMessage("Hi")))
            {
                foreach (var part in update.ContentUpdate)
                {
                    text.Append(part.Text);
                }

                firstChunkReceived.TrySetResult();
            }

            Assert.Equal("Hello world", text.ToString());
            Assert.True(firstChunkSeenInTime, "The first chunk did not reach the caller while the server was still streaming.");
            var usage = Assert.Single(usages);
            Assert.Equal(500, usage.CacheHitTokens);
            Assert.Equal(1500, usage.CacheMissTokens);
            Assert.Equal(40, usage.OutputTokens);
            Assert.Equal(12, usage.ReasoningTokens);
            Assert.Equal((500 * 0.006m + 1500 * 0.30m + 40 * 1.20m) / 1_000_000m, usage.EstimateCost(DeepSeekPricing.Flash));

            var body = server.Requests.Single().Json;
            Assert.True((bool)body["stream"]!);
            Assert.Equal(DeepSeekCatalog.DefaultMaxTokens, (int)body["max_tokens"]!);
        }

        [Fact]
        public async Task Microsoft_Extensions_AI_over_the_policy_sends_max_tokens()
        {
            IChatClient chat = Clients.OpenAI(server).AsIChatClient();

            var response = await chat.GetResponseAsync("Hi", new ChatOptions { MaxOutputTokens = 50 });

            Assert.Equal("Hello!", response.Text);
            var body = server.Requests.Single().Json;
            Assert.Equal(50, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
        }

        [Fact]
        public async Task An_explicit_max_tokens_wins_over_max_completion_tokens()
        {
            var options = new ChatCompletionOptions { MaxOutputTokenCount = 50 };
#pragma warning disable SCME0001 // the Patch API is how SDK users set max_tokens without the policy
            options.Patch.Set("$.max_tokens"u8, 20);
#pragma warning restore SCME0001

            await Clients.OpenAI(server).CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, options);

            var body = server.Requests.Single().Json;
            Assert.Equal(20, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
        }
    }
}
