using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>
    /// The spend guard with DeepSeek's peak / off-peak prices: a request is priced at the hour it is sent, at peak when it
    /// straddles a tier change (which tier DeepSeek bills then is not published), and reserved at peak.
    /// </summary>
    public sealed class TieredSpendGuardTests : IAsyncLifetime
    {
        private const int OutputTokens = 10_000;

        // Monday 2026-11-30: peak 01:00-04:00 and 06:00-10:00 UTC.
        private static readonly DateTimeOffset Monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

        private readonly object clockLock = new object();
        private DateTimeOffset now = Monday;
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        private DateTimeOffset Now
        {
            get { lock (clockLock) { return now; } }
            set { lock (clockLock) { now = value; } }
        }

        private DeepSeekSpendGuard Guard(decimal budget) => new DeepSeekSpendGuard(budget, clock: () => Now);

        private static StringContent Chat() => new StringContent(
            new JsonObject
            {
                ["model"] = DeepSeekModels.Flash,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = "Hi" }),
                ["max_tokens"] = OutputTokens,
            }.ToJsonString(),
            Encoding.UTF8,
            "application/json");

        /// <summary>The server takes <paramref name="duration"/> (on the fake clock) to answer, using every output token allowed.</summary>
        private void AnswerAfter(TimeSpan duration)
        {
            var reply = Replies.Completion(Replies.Usage(0, 20, OutputTokens, 0));
            server.DefaultReply = (request, response) =>
            {
                Now = Now + duration;
                return reply(request, response);
            };
        }

        [Fact]
        public async Task An_off_peak_request_is_recorded_at_the_off_peak_price_and_a_peak_one_at_peak()
        {
            var guard = Guard(100m);
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard }));
            AnswerAfter(TimeSpan.FromMinutes(5));

            Now = Monday.AddHours(4.5);
            (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();
            var offPeak = guard.Spent;
            Now = Monday.AddHours(7);
            (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();
            var peak = guard.Spent - offPeak;

            var usage = new DeepSeekUsage(0, 20, OutputTokens, 0);
            Assert.Equal(usage.EstimateCost(DeepSeekPricing.Flash.OffPeak), offPeak);
            Assert.Equal(usage.EstimateCost(DeepSeekPricing.Flash.Peak), peak);
            Assert.Equal(2 * offPeak, peak);
        }

        [Fact]
        public async Task A_request_sent_off_peak_and_answered_at_peak_is_recorded_at_peak()
        {
            var guard = Guard(100m);
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard }));
            AnswerAfter(TimeSpan.FromMinutes(2));
            Now = Monday.AddMinutes(59);

            (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();

            Assert.Equal(new DeepSeekUsage(0, 20, OutputTokens, 0).EstimateCost(DeepSeekPricing.Flash.Peak), guard.Spent);
        }

        [Fact]
        public async Task A_reservation_is_made_at_peak_even_off_peak()
        {
            var guard = Guard(100m);
            var reserved = new List<decimal>();
            var reply = Replies.Completion(Replies.Usage(0, 20, OutputTokens, 0));
            server.DefaultReply = (request, response) =>
            {
                reserved.Add(guard.Reserved);
                return reply(request, response);
            };
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard }));
            Now = Monday.AddHours(12);

            (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();

            // At least max_tokens output tokens at the peak output price (the body's bytes add their input).
            Assert.True(Assert.Single(reserved) >= OutputTokens * DeepSeekPricing.Flash.Peak.Output / 1_000_000m);
        }

        [Fact]
        public async Task A_holiday_calendar_prices_a_holidays_peak_hours_off_peak()
        {
            var guard = Guard(100m);
            var options = new DeepSeekRequestOptions { SpendGuard = guard, HolidayCalendar = date => date == new DateTime(2026, 11, 30) };
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), options));
            AnswerAfter(TimeSpan.FromMinutes(5));
            Now = Monday.AddHours(2);

            (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();

            Assert.Equal(new DeepSeekUsage(0, 20, OutputTokens, 0).EstimateCost(DeepSeekPricing.Flash.OffPeak), guard.Spent);
        }

        [Theory]
        [InlineData(7)]
        [InlineData(23)]
        [InlineData(50)]
        public async Task The_days_bill_never_passes_the_budget_whichever_tier_each_request_is_billed_at(int minutesPerRequest)
        {
            // Requests all day long, some inside a tier, some straddling 01:00, 04:00, 06:00 and 10:00. DeepSeek bills a request
            // wholly inside a tier at that tier; one that straddles a change may be billed at either. The guard must keep the
            // day's real bill within the budget in every such case, and still admit requests up to it.
            const decimal budget = 0.15m;
            var guard = Guard(budget);
            using var http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler(), new DeepSeekRequestOptions { SpendGuard = guard }));
            var calls = new List<(DateTimeOffset Sent, DateTimeOffset Answered)>();
            var reply = Replies.Completion(Replies.Usage(0, 20, OutputTokens, 0));
            server.DefaultReply = (request, response) =>
            {
                Now = Now + TimeSpan.FromMinutes(minutesPerRequest);
                return reply(request, response);
            };

            var refused = 0;
            Now = Monday.AddMinutes(17);
            while (Now < Monday.AddHours(23))
            {
                var sent = Now;
                try
                {
                    (await http.PostAsync(server.ChatCompletionsUri, Chat())).EnsureSuccessStatusCode();
                    calls.Add((sent, Now));
                }
                catch (DeepSeekBudgetExceededException)
                {
                    refused++;
                    Now = Now + TimeSpan.FromMinutes(minutesPerRequest);
                }
            }

            var usage = new DeepSeekUsage(0, 20, OutputTokens, 0);
            decimal Bill(DateTimeOffset at) => usage.EstimateCost(DeepSeekPricing.Flash.At(at));

            // The worst bill: a straddling request at whichever of its two ends' tiers costs more.
            var worstBill = calls.Sum(c => Math.Max(Bill(c.Sent), Bill(c.Answered)));
            var bestBill = calls.Sum(c => Math.Min(Bill(c.Sent), Bill(c.Answered)));
            Assert.True(worstBill <= budget, $"worst-case bill {worstBill} passed the budget {budget}");
            Assert.True(guard.Spent >= worstBill, $"the guard recorded {guard.Spent}, less than the worst-case bill {worstBill}");
            Assert.True(bestBill <= worstBill);

            // Not a guard that refuses everything: it stopped within one peak request of the budget.
            Assert.True(refused > 0);
            Assert.True(guard.Spent > budget - (2 * usage.EstimateCost(DeepSeekPricing.Flash.Peak)), $"spent only {guard.Spent} of {budget}");
            Assert.Contains(calls, c => DeepSeekPricing.IsPeak(c.Sent) != DeepSeekPricing.IsPeak(c.Answered));
            Assert.Contains(calls, c => !DeepSeekPricing.IsPeakDuring(c.Sent, c.Answered));
        }
    }
}
