using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Tests.Infrastructure;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>The handler on a raw HttpClient, against a real HTTP server.</summary>
    public sealed class HttpHandlerTests : IAsyncLifetime
    {
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        private static HttpClient Http(DeepSeekRequestOptions? options = null)
            => new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), options));

        private static StringContent Body(JsonObject body) => new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");

        private static JsonObject Chat(bool stream = false) => new JsonObject
        {
            ["model"] = DeepSeekModels.Flash,
            ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hi" }),
            ["stream"] = stream,
        };

        [Fact]
        public async Task Max_completion_tokens_is_renamed_to_max_tokens()
        {
            var chat = Chat();
            chat["max_completion_tokens"] = 50;
            using var http = Http();

            using var response = await http.PostAsync(server.ChatCompletionsUri, Body(chat));

            response.EnsureSuccessStatusCode();
            var body = server.Requests.Single().Json;
            Assert.Equal(50, (int)body["max_tokens"]!);
            Assert.False(body.ContainsKey("max_completion_tokens"));
            Assert.Equal("application/json; charset=utf-8", server.Requests.Single().Headers["Content-Type"]);
        }

        [Fact]
        public async Task A_request_without_a_limit_gets_the_default_and_the_thinking_mode()
        {
            using var http = Http(new DeepSeekRequestOptions { Thinking = DeepSeekThinking.Disabled });

            using var response = await http.PostAsync(server.ChatCompletionsUri, Body(Chat()));

            response.EnsureSuccessStatusCode();
            var body = server.Requests.Single().Json;
            Assert.Equal(DeepSeekCatalog.DefaultMaxTokens, (int)body["max_tokens"]!);
            Assert.Equal("disabled", (string)body["thinking"]!["type"]!);
        }

        [Fact]
        public async Task An_existing_max_tokens_is_sent_unchanged_byte_for_byte()
        {
            var chat = Chat();
            chat["max_tokens"] = 10;
            var sent = chat.ToJsonString();
            using var http = Http();

            using var response = await http.PostAsync(server.ChatCompletionsUri, new StringContent(sent, Encoding.UTF8, "application/json"));

            Assert.Equal(sent, server.Requests.Single().Body);
        }

        [Fact]
        public async Task Other_requests_pass_through_untouched()
        {
            using var http = Http();
            var sent = "{\"model\":\"deepseek-flash\",\"input\":\"x\"}";

            using var response = await http.PostAsync(new Uri(server.BaseUri, "embeddings"), new StringContent(sent, Encoding.UTF8, "application/json"));

            Assert.Equal(sent, server.Requests.Single().Body);
        }

        [Fact]
        public async Task Usage_of_a_response_is_reported_and_the_body_is_still_readable()
        {
            var usages = new List<DeepSeekUsage>();
            using var http = Http(new DeepSeekRequestOptions { OnUsage = usages.Add });

            using var response = await http.PostAsync(server.ChatCompletionsUri, Body(Chat()));

            var json = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal("Hello!", (string)json["choices"]![0]!["message"]!["content"]!);
            var usage = Assert.Single(usages);
            Assert.Equal(0.000966m, usage.EstimateCost(DeepSeekPricing.Flash));
        }

        [Fact]
        public void The_synchronous_Send_path_is_rewritten_too()
        {
            var chat = Chat();
            chat["max_completion_tokens"] = 33;
            var usages = new List<DeepSeekUsage>();
            using var http = Http(new DeepSeekRequestOptions { OnUsage = usages.Add });

            using var response = http.Send(new HttpRequestMessage(HttpMethod.Post, server.ChatCompletionsUri) { Content = Body(chat) });

            Assert.Equal(33, (int)server.Requests.Single().Json["max_tokens"]!);
            Assert.Single(usages);
        }

        [Fact]
        public async Task A_stream_flows_line_by_line_asks_for_usage_and_reports_it_at_the_end()
        {
            var firstChunkReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            bool? firstChunkSeenInTime = null;
            server.Enqueue(Replies.Stream(new[] { "a", "b" }, Replies.Usage(0, 100, 20, 0), firstChunkReceived.Task, seen => firstChunkSeenInTime = seen));
            var usages = new List<DeepSeekUsage>();
            using var http = Http(new DeepSeekRequestOptions { OnUsage = usages.Add });

            using var request = new HttpRequestMessage(HttpMethod.Post, server.ChatCompletionsUri) { Content = Body(Chat(stream: true)) };
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
            var lines = new List<string>();
            string? line;
            while ((line = await reader.ReadLineAsync()) != null)
            {
                lines.Add(line);
                if (line.StartsWith("data: {", StringComparison.Ordinal))
                {
                    firstChunkReceived.TrySetResult();
                    Assert.Empty(usages); // the usage comes with the last chunk, not before
                }
            }

            Assert.True(firstChunkSeenInTime, "The first chunk did not reach the caller while the server was still streaming.");
            Assert.Equal("data: [DONE]", lines.Where(l => l.Length > 0).Last());
            Assert.Equal(4, lines.Count(l => l.StartsWith("data: ", StringComparison.Ordinal)));
            var usage = Assert.Single(usages);
            Assert.Equal(100, usage.CacheMissTokens);
            Assert.Equal(20, usage.OutputTokens);

            // A raw caller did not ask for the usage chunk; the handler did, because a usage callback is set.
            Assert.True((bool)server.Requests.Single().Json["stream_options"]!["include_usage"]!);
        }

        [Fact]
        public async Task Without_usage_callback_or_guard_a_stream_request_is_not_given_stream_options()
        {
            server.Enqueue(Replies.Stream(new[] { "a" }));
            using var http = Http();

            using var response = await http.PostAsync(server.ChatCompletionsUri, Body(Chat(stream: true)));
            await response.Content.ReadAsStringAsync();

            Assert.False(server.Requests.Single().Json.ContainsKey("stream_options"));
        }
    }
}
