using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Tests.Infrastructure;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>The DeepSeek.Runtime meter as a MeterListener (what every OpenTelemetry exporter uses) sees it.</summary>
    public sealed class MetricsTests : IAsyncLifetime
    {
        private const string Prompt = "Summarise the quarterly report";

        // 80 cache-hit and 20 cache-miss input tokens, 7 output tokens of which 3 reasoning.
        private static readonly System.Text.Json.Nodes.JsonObject KnownUsage = Replies.Usage(80, 20, 7, 3);

        // A price of its own, so the expected cost does not depend on the catalog's current prices: (80×1 + 20×2 + 7×3) / 1M.
        private static readonly DeepSeekPrice Price = new DeepSeekPrice(1m, 2m, 3m);
        private const double ExpectedCost = 141 / 1_000_000.0;

        private FakeDeepSeekServer server = null!;
        private MetricsRecorder metrics = null!;

        public async Task InitializeAsync()
        {
            metrics = new MetricsRecorder();
            server = await FakeDeepSeekServer.StartAsync();
        }

        public async Task DisposeAsync()
        {
            metrics.Dispose();
            await server.DisposeAsync();
        }

        [Fact]
        public async Task A_response_records_80_cache_hit_20_cache_miss_and_7_output_tokens()
        {
            server.Enqueue(Replies.Completion(KnownUsage));

            await Clients.OpenAI(server, new DeepSeekRequestOptions { Price = Price }).CompleteChatAsync(new UserChatMessage(Prompt));

            AssertKnownCall(metrics.For(server));
        }

        [Fact]
        public async Task A_stream_through_the_SDK_records_the_same_figures()
        {
            server.Enqueue(Replies.Stream(new[] { "Four ", "lines" }, KnownUsage));

            await foreach (var update in Clients.OpenAI(server, new DeepSeekRequestOptions { Price = Price }).CompleteChatStreamingAsync(new UserChatMessage(Prompt)))
            {
            }

            AssertKnownCall(metrics.For(server));
        }

        [Fact]
        public async Task A_stream_through_the_handler_records_the_same_figures_when_it_is_read_to_the_end()
        {
            server.Enqueue(Replies.Stream(new[] { "Four ", "lines" }, KnownUsage));
            using var http = Clients.Http(new DeepSeekRequestOptions { Price = Price });
            using var request = Clients.ChatRequest(server, Replies.Model, Prompt, stream: true);

            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            var stream = await response.Content.ReadAsStreamAsync();
            Assert.Empty(metrics.For(server)); // nothing before the stream is read: its usage comes last
            await new StreamReader(stream).ReadToEndAsync();

            AssertKnownCall(metrics.For(server));
        }

        [Fact]
        public async Task The_response_model_is_read_from_the_response_and_the_request_model_from_the_request()
        {
            var alias = DeepSeekCatalog.Aliases.First(a => a.CurrentModel == DeepSeekCatalog.DefaultAllowedModels).Alias;
            server.Enqueue(Replies.Completion(KnownUsage));

            await Clients.OpenAI(server, model: alias).CompleteChatAsync(new UserChatMessage(Prompt));

            var seen = metrics.For(server);
            Assert.Equal(5, seen.Count); // tokens ×3, duration, and a cost at the catalog's price of the model the alias is served by
            Assert.Single(seen, m => m.Name == DeepSeekTelemetry.Cost);
            Assert.All(seen, m => Assert.Equal(alias, m.Tag("gen_ai.request.model")));
            Assert.All(seen, m => Assert.Equal(Replies.Model, m.Tag("gen_ai.response.model")));
        }

        [Fact]
        public async Task The_cache_hit_ratio_is_one_query_over_the_input_tokens()
        {
            server.Enqueue(Replies.Completion(KnownUsage), Replies.Completion(Replies.Usage(300, 100, 5, 0)));
            var client = Clients.OpenAI(server);

            await client.CompleteChatAsync(new UserChatMessage(Prompt));
            await client.CompleteChatAsync(new UserChatMessage(Prompt));

            var input = metrics.For(server).Where(m => m.Name == DeepSeekTelemetry.TokenUsage && m.Tag("gen_ai.token.type") == "input").ToList();
            var ratio = input.Where(m => m.Tag("deepseek.cache") == "hit").Sum(m => m.Value) / input.Sum(m => m.Value);
            Assert.Equal(380.0 / 500.0, ratio, 10);
        }

        [Fact]
        public async Task An_error_records_the_duration_with_its_status_and_no_tokens_or_cost()
        {
            server.Enqueue(Replies.Status(429));

            await Assert.ThrowsAnyAsync<Exception>(() => Clients.OpenAI(server).CompleteChatAsync(new UserChatMessage(Prompt)));

            var duration = Assert.Single(metrics.For(server));
            Assert.Equal(DeepSeekTelemetry.OperationDuration, duration.Name);
            Assert.Equal("429", duration.Tag("error.type"));
            Assert.Equal(Replies.Model, duration.Tag("gen_ai.request.model"));
            Assert.Null(duration.Tag("gen_ai.response.model"));
        }

        [Fact]
        public async Task A_refused_request_records_nothing()
        {
            await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(
                () => Clients.OpenAI(server, model: DeepSeekCatalog.V4Pro).CompleteChatAsync(new UserChatMessage(Prompt)));

            Assert.DoesNotContain(metrics.All, m => m.Tag("gen_ai.request.model") == DeepSeekCatalog.V4Pro && m.Tag("server.port") == server.BaseUri.Port.ToString());
        }

        [Fact]
        public async Task No_tag_holds_the_key_or_any_prompt_or_completion_text()
        {
            server.Enqueue(Replies.Completion(KnownUsage, content: "The completion text"));

            await Clients.OpenAI(server, new DeepSeekRequestOptions { Price = Price }).CompleteChatAsync(new UserChatMessage(Prompt));

            var values = metrics.For(server).SelectMany(m => m.Tags.Values).Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty).ToList();
            Assert.NotEmpty(values);
            Assert.DoesNotContain(values, v => v.Contains(Clients.TestKey.Substring(3), StringComparison.Ordinal));
            Assert.DoesNotContain(values, v => v.Contains("quarterly", StringComparison.Ordinal) || v.Contains("completion text", StringComparison.Ordinal));
        }

        private void AssertKnownCall(IReadOnlyList<RecordedMeasurement> seen)
        {
            var tokens = seen.Where(m => m.Name == DeepSeekTelemetry.TokenUsage).ToList();
            Assert.Equal(3, tokens.Count);
            var hit = Assert.Single(tokens, m => m.Tag("gen_ai.token.type") == "input" && m.Tag("deepseek.cache") == "hit");
            var miss = Assert.Single(tokens, m => m.Tag("gen_ai.token.type") == "input" && m.Tag("deepseek.cache") == "miss");
            var output = Assert.Single(tokens, m => m.Tag("gen_ai.token.type") == "output");
            Assert.Equal(80, hit.Value);
            Assert.Equal(20, miss.Value);
            Assert.Equal(7, output.Value);
            Assert.Null(output.Tag("deepseek.cache"));
            Assert.Equal("{token}", hit.Instrument.Unit);

            var duration = Assert.Single(seen, m => m.Name == DeepSeekTelemetry.OperationDuration);
            Assert.Equal("s", duration.Instrument.Unit);
            Assert.InRange(duration.Value, 0, 30);
            Assert.Null(duration.Tag("error.type"));

            var cost = Assert.Single(seen, m => m.Name == DeepSeekTelemetry.Cost);
            Assert.Equal(ExpectedCost, cost.Value, 12);
            Assert.Equal("USD", cost.Instrument.Unit);

            Assert.Equal(5, seen.Count);
            foreach (var measurement in seen)
            {
                Assert.Equal("deepseek", measurement.Tag("gen_ai.provider.name"));
                Assert.Equal("chat", measurement.Tag("gen_ai.operation.name"));
                Assert.Equal(Replies.Model, measurement.Tag("gen_ai.request.model"));
                Assert.Equal(Replies.Model, measurement.Tag("gen_ai.response.model"));
                Assert.Equal(server.BaseUri.Host, measurement.Tag("server.address"));
            }
        }
    }
}
