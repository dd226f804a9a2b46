using System;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Tests.Infrastructure;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>The balance client and guard against the loopback server's <c>/user/balance</c>.</summary>
    public sealed class BalanceTests : IAsyncLifetime
    {
        private static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

        private FakeDeepSeekServer server = null!;
        private DateTimeOffset now = new DateTimeOffset(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        [Fact]
        public async Task A_balance_of_12_50_USD_is_read_back_exactly_whatever_the_culture()
        {
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "2.25", "10.25");
            var culture = CultureInfo.CurrentCulture;
            CultureInfo.CurrentCulture = new CultureInfo("de-DE"); // a comma culture would read "12.50" as 1250
            DeepSeekBalance balance;
            try
            {
                balance = await Client().GetBalanceAsync();
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
            }

            Assert.True(balance.IsAvailable);
            var usd = Assert.Single(balance.Balances);
            Assert.Same(usd, balance.Find("usd"));
            Assert.Equal("USD", usd.Currency);
            Assert.Equal(12.50m, usd.Total);
            Assert.Equal(2.25m, usd.Granted);
            Assert.Equal(10.25m, usd.ToppedUp);
            Assert.Null(balance.Find("CNY"));

            var request = server.Requests.Single();
            Assert.Equal("GET", request.Method);
            Assert.Equal(DeepSeekCatalog.BalancePath, request.Path);
            Assert.Equal("Bearer " + Clients.TestKey, request.Headers["Authorization"]);
        }

        [Fact]
        public void The_balance_URL_comes_from_the_catalog()
        {
            using var client = new DeepSeekBalanceClient(Clients.TestKey);

            Assert.Equal(DeepSeekEndpoints.BalanceUrl, client.BalanceUri.AbsoluteUri);
            Assert.Equal(DeepSeekCatalog.BaseUrl + DeepSeekCatalog.BalancePath, DeepSeekEndpoints.BalanceUrl);
        }

        [Fact]
        public void Several_currencies_and_numbers_parse()
        {
            var balance = DeepSeekBalance.Parse(
                "{\"is_available\":false,\"balance_infos\":[{\"currency\":\"CNY\",\"total_balance\":\"110.00\",\"granted_balance\":\"10.00\",\"topped_up_balance\":\"100.00\"},"
                + "{\"currency\":\"USD\",\"total_balance\":0.5,\"granted_balance\":\"0\",\"topped_up_balance\":\"0.50\"}]}");

            Assert.False(balance.IsAvailable);
            Assert.Equal(110.00m, balance.Find("CNY")!.Total);
            Assert.Equal(0.5m, balance.Find("USD")!.Total);
            Assert.Throws<FormatException>(() => DeepSeekBalance.Parse("{\"balance_infos\":[]}"));
            Assert.Throws<FormatException>(() => DeepSeekBalance.Parse("<html>"));
            Assert.Throws<FormatException>(() => DeepSeekBalance.Parse("{\"is_available\":true,\"balance_infos\":[{\"currency\":\"USD\",\"total_balance\":\"12,50\",\"granted_balance\":\"0\",\"topped_up_balance\":\"0\"}]}"));
        }

        [Theory]
        [InlineData(401)]
        [InlineData(402)]
        [InlineData(500)]
        public async Task An_error_status_is_thrown_once_never_retried_and_never_shows_the_key(int status)
        {
            server.BalanceReply = Replies.Status(status);

            var error = await Assert.ThrowsAsync<HttpRequestException>(() => Client().GetBalanceAsync());

            Assert.Equal((HttpStatusCode)status, error.StatusCode);
            Assert.Contains(status.ToString(CultureInfo.InvariantCulture), error.Message);
            Assert.DoesNotContain(Clients.TestKey.Substring(3), error.Message);
            Assert.Single(server.Requests);
        }

        [Fact]
        public async Task A_balance_below_the_floor_refuses_the_request_before_it_is_sent()
        {
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50");
            var guard = Guard(floor: 20m);

            var refusal = await Assert.ThrowsAsync<DeepSeekBalanceTooLowException>(
                () => Clients.OpenAI(server, new DeepSeekRequestOptions { BalanceGuard = guard }).CompleteChatAsync(new UserChatMessage("Hi")));

            Assert.Empty(server.ChatRequests);
            Assert.Single(server.BalanceRequests);
            Assert.True(refusal.IsAvailable);
            Assert.Equal(12.50m, refusal.Balance);
            Assert.Equal(20m, refusal.Floor);
            Assert.Equal("USD", refusal.Currency);
            Assert.Contains("12.50 USD is below the floor of 20 USD", refusal.Message);
        }

        [Fact]
        public async Task Not_available_refuses_even_above_the_floor_on_the_handler()
        {
            server.BalanceReply = Replies.Balance(false, "USD", "12.50", "0.00", "12.50");
            using var http = Clients.Http(new DeepSeekRequestOptions { BalanceGuard = Guard(floor: 0m) });
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.DefaultAllowedModels);

            var refusal = await Assert.ThrowsAsync<DeepSeekBalanceTooLowException>(() => http.SendAsync(request));

            Assert.False(refusal.IsAvailable);
            Assert.Contains("is_available: false", refusal.Message);
            Assert.Empty(server.ChatRequests);
        }

        [Fact]
        public async Task A_currency_the_account_does_not_hold_counts_as_zero()
        {
            server.BalanceReply = Replies.Balance(true, "CNY", "500.00", "0.00", "500.00");

            var refusal = await Assert.ThrowsAsync<DeepSeekBalanceTooLowException>(() => Guard(floor: 1m).EnsureAvailableAsync());

            Assert.Null(refusal.Balance);
            Assert.Contains("holds no USD balance", refusal.Message);
            await Guard(floor: 1m, currency: "CNY").EnsureAvailableAsync();
        }

        [Fact]
        public async Task A_balance_above_the_floor_lets_requests_through_on_both_paths()
        {
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50");
            var options = new DeepSeekRequestOptions { BalanceGuard = Guard(floor: 10m) };

            await Clients.OpenAI(server, options).CompleteChatAsync(new UserChatMessage("Hi"));
            Clients.OpenAI(server, options).CompleteChat(new UserChatMessage("Hi"));
            using var http = Clients.Http(options);
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.DefaultAllowedModels);
            using var response = http.Send(request);

            Assert.Equal(3, server.ChatRequests.Count);
            Assert.Single(server.BalanceRequests);
        }

        [Fact]
        public async Task Concurrent_requests_share_one_balance_read_per_interval()
        {
            // The read is slow, so all 32 requests arrive while it is in flight.
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50", delay: TimeSpan.FromMilliseconds(50));
            using var http = Clients.Http(new DeepSeekRequestOptions { BalanceGuard = Guard(floor: 1m) });

            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Send(http)));
            Assert.Single(server.BalanceRequests);
            Assert.Equal(32, server.ChatRequests.Count);

            now += Interval - TimeSpan.FromSeconds(1);
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Send(http)));
            Assert.Single(server.BalanceRequests);

            now += TimeSpan.FromSeconds(1);
            await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Send(http)));
            Assert.Equal(2, server.BalanceRequests.Count);
            Assert.Equal(96, server.ChatRequests.Count);
        }

        [Fact]
        public async Task A_failed_refresh_keeps_the_last_balance_and_waits_an_interval()
        {
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50");
            var guard = Guard(floor: 10m);
            await guard.EnsureAvailableAsync();

            server.BalanceReply = Replies.Status(503);
            now += Interval;
            await guard.EnsureAvailableAsync(); // decided on the 12.50 read before
            await guard.EnsureAvailableAsync(); // no second read within the interval

            Assert.Equal(2, server.BalanceRequests.Count);
            Assert.Equal(12.50m, guard.LastBalance!.Find("USD")!.Total);
            Assert.IsType<HttpRequestException>(guard.LastRefreshError);
            Assert.Equal(now - Interval, guard.LastReadAt);

            server.BalanceReply = Replies.Balance(true, "USD", "9.99", "0.00", "9.99");
            now += Interval;
            await Assert.ThrowsAsync<DeepSeekBalanceTooLowException>(() => guard.EnsureAvailableAsync());
            Assert.Null(guard.LastRefreshError);
        }

        [Fact]
        public async Task When_the_first_read_fails_requests_are_refused_and_the_read_is_retried_after_5_seconds()
        {
            server.BalanceReply = Replies.Status(500);
            var guard = Guard(floor: 1m);
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { BalanceGuard = guard });

            var refusal = await Assert.ThrowsAsync<DeepSeekBalanceUnknownException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));
            Assert.IsType<HttpRequestException>(refusal.InnerException);
            await Assert.ThrowsAsync<DeepSeekBalanceUnknownException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));
            Assert.Single(server.BalanceRequests);
            Assert.Empty(server.ChatRequests);

            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50");
            now += TimeSpan.FromSeconds(5);
            await client.CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal(2, server.BalanceRequests.Count);
            Assert.Single(server.ChatRequests);
        }

        [Fact]
        public async Task A_caller_that_gives_up_does_not_cancel_the_shared_read()
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50", release: release.Task);
            var guard = Guard(floor: 1m);
            using var impatient = new CancellationTokenSource();

            var waiting = guard.EnsureAvailableAsync(impatient.Token);
            await server.WaitForAsync(() => server.BalanceRequests.Count == 1);
            impatient.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            release.SetResult();
            await guard.EnsureAvailableAsync();

            Assert.Single(server.BalanceRequests);
        }

        [Fact]
        public void Arguments_are_checked()
        {
            using var client = Client();
            Assert.Throws<ArgumentException>(() => new DeepSeekBalanceClient(" "));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekBalanceGuard(client, -1m));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekBalanceGuard(client, 1m, refreshInterval: TimeSpan.Zero));
            Assert.Throws<ArgumentException>(() => new DeepSeekBalanceGuard(client, 1m, currency: ""));
        }

        private async Task Send(HttpClient http)
        {
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.DefaultAllowedModels);
            using var response = await http.SendAsync(request);
            response.EnsureSuccessStatusCode();
        }

        private DeepSeekBalanceClient Client() => new DeepSeekBalanceClient(Clients.TestKey, endpoint: server.BaseUri);

        private DeepSeekBalanceGuard Guard(decimal floor, string currency = "USD")
            => new DeepSeekBalanceGuard(Client(), floor, currency, Interval, () => now);
    }
}
