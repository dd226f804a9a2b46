using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>Gauges are process-wide, so these tests run alone, after the parallel ones.</summary>
    [CollectionDefinition(Name, DisableParallelization = true)]
    public sealed class GaugeCollection
    {
        public const string Name = "Process-wide gauges";
    }

    /// <summary>The spend guard and balance guard figures as observable gauges.</summary>
    [Collection(GaugeCollection.Name)]
    public sealed class GaugeTests : IAsyncLifetime
    {
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        [Fact]
        public void A_spend_guard_set_on_request_options_publishes_its_budget_spent_and_reserved()
        {
            using var metrics = new MetricsRecorder();
            CollectGarbage(); // guards of finished tests leave the sums
            var before = Observe(metrics);
            var guard = new DeepSeekSpendGuard(1000m);
            var options = new DeepSeekRequestOptions { SpendGuard = guard };
            options.SpendGuard = guard; // set twice, counted once
            guard.Record(12.5m);
            using var reservation = guard.Reserve(2.25m);

            var after = Observe(metrics);

            Assert.Equal(1000.0, after.Budget - before.Budget, 6);
            Assert.Equal(12.5, after.Spent - before.Spent, 6);
            Assert.Equal(2.25, after.Reserved - before.Reserved, 6);
            GC.KeepAlive(options);
        }

        [Fact]
        public void A_collected_spend_guard_leaves_the_gauges()
        {
            using var metrics = new MetricsRecorder();
            CollectGarbage();
            var before = Observe(metrics);
            var dropped = AttachAGuardAndObserve(metrics, 5000m, before.Budget);

            CollectGarbage();

            Assert.False(dropped.TryGetTarget(out _));
            Assert.Equal(before.Budget, Observe(metrics).Budget, 6);
        }

        [Fact]
        public async Task The_balance_a_guard_read_is_a_gauge_per_currency()
        {
            using var metrics = new MetricsRecorder();
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50");
            var latest = new DateTimeOffset(2100, 1, 1, 0, 0, 0, TimeSpan.Zero); // later than any other guard's read
            var guard = new DeepSeekBalanceGuard(new DeepSeekBalanceClient(Clients.TestKey, endpoint: server.BaseUri), 1m, clock: () => latest);
            await guard.EnsureAvailableAsync();

            metrics.Observe();

            var balance = Assert.Single(metrics.All, m => m.Name == DeepSeekTelemetry.Balance && m.Tag("deepseek.currency") == "USD");
            Assert.Equal(12.5, balance.Value);
            Assert.Equal("deepseek", balance.Tag("gen_ai.provider.name"));
            GC.KeepAlive(guard);
        }

        private static (double Budget, double Spent, double Reserved) Observe(MetricsRecorder metrics)
        {
            var seen = metrics.All.Count;
            metrics.Observe();
            var fresh = metrics.All.Skip(seen).ToList();
            double Sum(string name) => fresh.Where(m => m.Name == name).Sum(m => m.Value);
            return (Sum(DeepSeekTelemetry.SpendGuardBudget), Sum(DeepSeekTelemetry.SpendGuardSpent), Sum(DeepSeekTelemetry.SpendGuardReserved));
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        private static WeakReference<DeepSeekSpendGuard> AttachAGuardAndObserve(MetricsRecorder metrics, decimal budget, double budgetBefore)
        {
            var guard = new DeepSeekSpendGuard(budget);
            _ = new DeepSeekRequestOptions { SpendGuard = guard };
            Assert.Equal((double)budget, Observe(metrics).Budget - budgetBefore, 6);
            return new WeakReference<DeepSeekSpendGuard>(guard);
        }

        private static void CollectGarbage()
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            GC.Collect();
        }
    }
}
