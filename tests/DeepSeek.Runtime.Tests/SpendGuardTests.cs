using System;
using System.ClientModel;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    public sealed class SpendGuardTests : IAsyncLifetime
    {
        // One USD per output token and nothing for input: a request's worst case is exactly its max_tokens in USD.
        private static readonly DeepSeekPrice DollarPerOutputToken = new DeepSeekPrice(0m, 0m, 1_000_000m);

        private readonly List<int> alerts = new List<int>();
        private DateTimeOffset now = new DateTimeOffset(2026, 11, 28, 23, 0, 0, TimeSpan.Zero);
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        private DeepSeekSpendGuard Guard(decimal budget) => new DeepSeekSpendGuard(budget, alert => { lock (alerts) { alerts.Add(alert.Percent); } }, () => now);

        private static Task<ClientResult<ChatCompletion>> Ask(ChatClient client, int maxTokens = 100)
            => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, new ChatCompletionOptions { MaxOutputTokenCount = maxTokens });

        [Fact]
        public async Task Alerts_crossed_by_concurrent_requests_arrive_in_threshold_order()
        {
            // The 50 % alert's callback is still running when another request crosses 80 %: the 80 % alert waits for it.
            var order = new List<int>();
            using var inFifty = new ManualResetEventSlim();
            using var releaseFifty = new ManualResetEventSlim();
            var guard = new DeepSeekSpendGuard(100m, alert =>
            {
                if (alert.Percent == 50)
                {
                    inFifty.Set();
                    releaseFifty.Wait(TimeSpan.FromSeconds(10));
                }

                lock (order)
                {
                    order.Add(alert.Percent);
                }
            });

            var first = Task.Run(() => guard.Record(50m));
            Assert.True(inFifty.Wait(TimeSpan.FromSeconds(10)));
            var second = Task.Run(() => guard.Record(30m));
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (guard.Spent < 80m && DateTime.UtcNow < deadline)
            {
                await Task.Delay(5);
            }

            await Task.Delay(50); // let the second request reach the alerts, if it can
            releaseFifty.Set();
            await Task.WhenAll(first, second);

            Assert.Equal(new[] { 50, 80 }, order);
        }

        [Fact]
        public async Task Thirty_two_concurrent_requests_never_pass_the_budget_and_alerts_fire_once_each()
        {
            var guard = Guard(1000m);
            var overBudget = new ConcurrentBag<decimal>();
            var reply = Replies.Completion(request => Replies.Usage(0, 10, (int)request.Json["max_tokens"]!, 0));
            server.DefaultReply = async (request, response) =>
            {
                var (spent, reserved) = guard.Snapshot();
                if (spent + reserved > guard.DailyBudget)
                {
                    overBudget.Add(spent + reserved);
                }

                await Task.Delay(100); // keep the requests in flight together
                await reply(request, response);
            };
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard, Price = DollarPerOutputToken });

            var outcomes = await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
            {
                await Task.Yield();
                try
                {
                    await Ask(client);
                    return "sent";
                }
                catch (DeepSeekBudgetExceededException)
                {
                    return "refused";
                }
            }));

            Assert.Empty(overBudget);
            Assert.Equal(10, outcomes.Count(o => o == "sent"));
            Assert.Equal(22, outcomes.Count(o => o == "refused"));
            Assert.Equal(10, server.Requests.Count);
            Assert.Equal(1000m, guard.Spent);
            Assert.Equal(0m, guard.Reserved);
            Assert.Equal(new[] { 50, 80, 100 }, alerts);

            // Spent: refused before anything is sent.
            var refusal = await Assert.ThrowsAsync<DeepSeekBudgetExceededException>(() => Ask(client));
            Assert.Equal(10, server.Requests.Count);
            Assert.Equal(100m, refusal.Requested);
            Assert.Contains("1000 USD", refusal.Message);
            Assert.Contains("not sent", refusal.Message);

            // A new UTC day starts afresh, and its alerts fire again.
            now = now.AddHours(2);
            await Ask(client, maxTokens: 500);
            Assert.Equal(11, server.Requests.Count);
            Assert.Equal(500m, guard.Spent);
            Assert.Equal(new[] { 50, 80, 100, 50 }, alerts);
        }

        [Fact]
        public async Task The_actual_cost_is_recorded_and_the_rest_of_the_reservation_released()
        {
            var guard = Guard(1000m);
            server.DefaultReply = Replies.Completion(Replies.Usage(0, 10, 40, 0));
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard, Price = DollarPerOutputToken });

            for (var i = 0; i < 3; i++)
            {
                await Ask(client, maxTokens: 900); // each reserves 900 USD, fitting only because the last one released 860
            }

            Assert.Equal(120m, guard.Spent);
            Assert.Equal(0m, guard.Reserved);
            Assert.Empty(alerts);
        }

        [Fact]
        public async Task The_default_price_comes_from_the_catalog_and_costs_are_exact()
        {
            var guard = Guard(1m);
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard });

            await client.CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal(0.000483m, guard.Spent); // the default reply's usage at Flash's off-peak prices (the guard's clock says Saturday)
        }

        [Fact]
        public async Task A_failed_request_releases_its_reservation_and_costs_nothing()
        {
            var guard = Guard(1000m);
            server.DefaultReply = Replies.Status(500);
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard, Price = DollarPerOutputToken });

            await Assert.ThrowsAsync<ClientResultException>(() => Ask(client));

            Assert.Single(server.Requests);
            Assert.Equal(0m, guard.Spent);
            Assert.Equal(0m, guard.Reserved);
        }

        [Fact]
        public async Task A_stream_holds_its_reservation_until_the_final_usage_chunk()
        {
            var guard = Guard(1000m);
            var firstChunkReceived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.Enqueue(Replies.Stream(new[] { "a", "b" }, Replies.Usage(0, 10, 7, 3), firstChunkReceived.Task));
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard, Price = DollarPerOutputToken });
            var reservedDuringStream = new List<decimal>();

            await foreach (var update in client.CompleteChatStreamingAsync(new ChatMessage[] { new UserChatMessage("Hi") }, new ChatCompletionOptions { MaxOutputTokenCount = 100 }))
            {
                reservedDuringStream.Add(guard.Reserved);
                firstChunkReceived.TrySetResult();
            }

            Assert.Equal(100m, reservedDuringStream.First());
            Assert.Equal(7m, guard.Spent);
            Assert.Equal(0m, guard.Reserved);
        }

        [Fact]
        public async Task A_stream_abandoned_before_its_usage_keeps_the_whole_reservation_as_spent()
        {
            var guard = Guard(1000m);
            var abandoned = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.Enqueue(Replies.Stream(new[] { "a", "b" }, afterFirstChunk: abandoned.Task));
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard, Price = DollarPerOutputToken }));
            var body = new JsonObject
            {
                ["model"] = DeepSeekModels.Flash,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hi" }),
                ["max_tokens"] = 100,
                ["stream"] = true,
            };

            using (var request = new HttpRequestMessage(HttpMethod.Post, server.ChatCompletionsUri) { Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json") })
            using (var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead))
            using (var reader = new System.IO.StreamReader(await response.Content.ReadAsStreamAsync()))
            {
                Assert.StartsWith("data: {", await reader.ReadLineAsync());
                Assert.Equal(100m, guard.Reserved);
            }

            abandoned.TrySetResult();
            Assert.Equal(100m, guard.Spent); // the tokens may have been generated and billed: the budget errs on its own side
            Assert.Equal(0m, guard.Reserved);
        }

        [Fact]
        public async Task The_handler_refuses_before_sending_a_request_that_cannot_fit()
        {
            var guard = Guard(0.01m);
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard, AllowedModels = { DeepSeekModels.V4Pro } }));
            var body = new JsonObject
            {
                ["model"] = DeepSeekModels.V4Pro,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hi" }),
                ["max_tokens"] = 384 * 1024, // 384K × 3.96 USD/1M (peak) ≈ 1.56 USD, more than the 0.01 USD budget
            };

            await Assert.ThrowsAsync<DeepSeekBudgetExceededException>(
                () => http.PostAsync(server.ChatCompletionsUri, new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json")));

            Assert.Empty(server.Requests);
            Assert.Equal(0m, guard.Reserved);
        }

        [Fact]
        public async Task A_model_without_a_price_is_refused_rather_than_left_unguarded()
        {
            var guard = Guard(10m);
            var options = new OpenAI.OpenAIClientOptions { Endpoint = server.BaseUri }.UseDeepSeek(new DeepSeekRequestOptions { SpendGuard = guard, AllowedModels = { "some-other-model" } });
            var client = new ChatClient("some-other-model", new ApiKeyCredential(Clients.TestKey), options);

            var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));

            Assert.Contains("some-other-model", ex.Message);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public void Alerts_fire_at_50_80_and_100_percent_once_each_in_order()
        {
            var guard = Guard(100m);

            guard.Record(49.99m);
            Assert.Empty(alerts);
            guard.Record(0.01m);
            Assert.Equal(new[] { 50 }, alerts);
            guard.Record(10m);
            Assert.Equal(new[] { 50 }, alerts);
            guard.Record(45m); // 105 %: crosses 80 and 100 at once
            Assert.Equal(new[] { 50, 80, 100 }, alerts);
            guard.Record(1m);
            Assert.Equal(new[] { 50, 80, 100 }, alerts);
            Assert.Equal(0m, guard.Remaining);
        }

        [Fact]
        public void Reservations_count_against_the_budget_until_committed_or_released()
        {
            var guard = Guard(10m);

            var first = guard.Reserve(6m);
            Assert.False(guard.TryReserve(5m, out var refused));
            Assert.Null(refused);
            var ex = Assert.Throws<DeepSeekBudgetExceededException>(() => guard.Reserve(5m));
            Assert.Equal(6m, ex.Reserved);
            Assert.Equal(0m, ex.Spent);

            first.Commit(2m);
            first.Commit(5m); // only the first completion counts
            first.Dispose();
            Assert.Equal(2m, guard.Spent);
            Assert.Equal(0m, guard.Reserved);

            using (guard.Reserve(8m))
            {
                Assert.Equal(0m, guard.Remaining);
            }

            Assert.Equal(8m, guard.Remaining);
            Assert.Equal(2m, guard.Spent);
        }

        [Fact]
        public void A_non_positive_budget_is_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekSpendGuard(0m));
            Assert.Throws<ArgumentOutOfRangeException>(() => Guard(10m).Reserve(-1m));
        }
    }
}
