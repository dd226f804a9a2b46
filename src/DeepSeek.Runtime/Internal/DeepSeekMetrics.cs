using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace DeepSeek.Runtime.Internal
{
    /// <summary>The <see cref="DeepSeekTelemetry.MeterName"/> meter: what one chat call records, and the guards' gauges.</summary>
    internal static class DeepSeekMetrics
    {
        // Values from OpenTelemetry's GenAI semantic conventions.
        internal const string ProviderNameTag = "gen_ai.provider.name";
        internal const string OperationNameTag = "gen_ai.operation.name";
        internal const string RequestModelTag = "gen_ai.request.model";
        internal const string ResponseModelTag = "gen_ai.response.model";
        internal const string TokenTypeTag = "gen_ai.token.type";
        internal const string ServerAddressTag = "server.address";
        internal const string ServerPortTag = "server.port";
        internal const string ErrorTypeTag = "error.type";
        internal const string CacheTag = "deepseek.cache";
        internal const string CurrencyTag = "deepseek.currency";
        internal const string ProviderName = "deepseek";
        internal const string ChatOperation = "chat";
        internal const string InputTokens = "input";
        internal const string OutputTokens = "output";
        internal const string CacheHit = "hit";
        internal const string CacheMiss = "miss";

        private static readonly Meter Meter = new Meter(DeepSeekTelemetry.MeterName);

        // The bucket boundaries the conventions recommend for these two histograms.
        private static readonly Histogram<long> Tokens = Meter.CreateHistogram(
            DeepSeekTelemetry.TokenUsage,
            "{token}",
            "Number of input and output tokens used.",
            tags: null,
            advice: new InstrumentAdvice<long>
            {
                HistogramBucketBoundaries = new long[] { 1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864 },
            });

        private static readonly Histogram<double> Duration = Meter.CreateHistogram(
            DeepSeekTelemetry.OperationDuration,
            "s",
            "GenAI operation duration.",
            tags: null,
            advice: new InstrumentAdvice<double>
            {
                HistogramBucketBoundaries = new[] { 0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92 },
            });

        private static readonly Counter<double> Cost = Meter.CreateCounter<double>(
            DeepSeekTelemetry.Cost,
            "USD",
            "Estimated cost of DeepSeek responses in USD, from their usage and the price used by the spend guard.");

        private static readonly object TrackGate = new object();
        private static readonly List<WeakReference<DeepSeekSpendGuard>> SpendGuards = new List<WeakReference<DeepSeekSpendGuard>>();
        private static readonly List<WeakReference<DeepSeekBalanceGuard>> BalanceGuards = new List<WeakReference<DeepSeekBalanceGuard>>();

        static DeepSeekMetrics()
        {
            Meter.CreateObservableGauge(DeepSeekTelemetry.SpendGuardBudget, () => SpendGuardSum(g => g.DailyBudget), "USD", "Daily budget of the DeepSeek spend guards.");
            Meter.CreateObservableGauge(DeepSeekTelemetry.SpendGuardSpent, () => SpendGuardSum(g => g.Snapshot().Spent), "USD", "USD spent today under the DeepSeek spend guards.");
            Meter.CreateObservableGauge(DeepSeekTelemetry.SpendGuardReserved, () => SpendGuardSum(g => g.Snapshot().Reserved), "USD", "USD reserved by DeepSeek requests in flight.");
            Meter.CreateObservableGauge(DeepSeekTelemetry.Balance, ObserveBalances, null, "DeepSeek account balance as last read by a balance guard, per currency.");
        }

        public static bool Enabled => Tokens.Enabled || Duration.Enabled || Cost.Enabled;

        /// <summary>Publishes the guard's figures as gauges for as long as it lives.</summary>
        public static void Track(DeepSeekSpendGuard? guard) => Track(SpendGuards, guard);

        /// <summary>Publishes the guard's last balance as a gauge for as long as it lives.</summary>
        public static void Track(DeepSeekBalanceGuard? guard) => Track(BalanceGuards, guard);

        /// <summary>Records one finished chat call: its duration, and its tokens and cost when the response reported usage.</summary>
        public static void RecordCall(string? requestModel, string? responseModel, Uri? server, long startTimestamp, DeepSeekUsage? usage, decimal? cost, string? errorType)
        {
            if (!Enabled)
            {
                return;
            }

            var tags = new TagList
            {
                { ProviderNameTag, ProviderName },
                { OperationNameTag, ChatOperation },
            };
            if (requestModel != null)
            {
                tags.Add(RequestModelTag, requestModel);
            }

            if (responseModel != null)
            {
                tags.Add(ResponseModelTag, responseModel);
            }

            if (server != null && server.IsAbsoluteUri)
            {
                tags.Add(ServerAddressTag, server.Host);
                tags.Add(ServerPortTag, server.Port);
            }

            var durationTags = tags;
            if (errorType != null)
            {
                durationTags.Add(ErrorTypeTag, errorType);
            }

            Duration.Record((Stopwatch.GetTimestamp() - startTimestamp) / (double)Stopwatch.Frequency, durationTags);
            if (usage == null)
            {
                return;
            }

            Tokens.Record(usage.CacheHitTokens, With(With(tags, TokenTypeTag, InputTokens), CacheTag, CacheHit));
            Tokens.Record(usage.CacheMissTokens, With(With(tags, TokenTypeTag, InputTokens), CacheTag, CacheMiss));
            Tokens.Record(usage.OutputTokens, With(tags, TokenTypeTag, OutputTokens));
            if (cost.HasValue)
            {
                Cost.Add((double)cost.Value, tags);
            }
        }

        private static TagList With(TagList tags, string key, object value)
        {
            tags.Add(key, value);
            return tags;
        }

        private static void Track<T>(List<WeakReference<T>> guards, T? guard)
            where T : class
        {
            if (guard == null)
            {
                return;
            }

            lock (TrackGate)
            {
                guards.RemoveAll(reference => !reference.TryGetTarget(out _));
                foreach (var reference in guards)
                {
                    if (reference.TryGetTarget(out var tracked) && ReferenceEquals(tracked, guard))
                    {
                        return;
                    }
                }

                guards.Add(new WeakReference<T>(guard));
            }
        }

        private static List<T> Alive<T>(List<WeakReference<T>> guards)
            where T : class
        {
            var alive = new List<T>();
            lock (TrackGate)
            {
                guards.RemoveAll(reference => !reference.TryGetTarget(out _));
                foreach (var reference in guards)
                {
                    if (reference.TryGetTarget(out var guard))
                    {
                        alive.Add(guard);
                    }
                }
            }

            return alive;
        }

        private static IEnumerable<Measurement<double>> SpendGuardSum(Func<DeepSeekSpendGuard, decimal> figure)
        {
            var guards = Alive(SpendGuards);
            if (guards.Count == 0)
            {
                return Array.Empty<Measurement<double>>();
            }

            // One series, not one per guard: guards have no name to tell them apart, and their sum is the application's figure.
            var sum = 0m;
            foreach (var guard in guards)
            {
                sum += figure(guard);
            }

            return new[] { new Measurement<double>((double)sum, new KeyValuePair<string, object?>(ProviderNameTag, ProviderName)) };
        }

        private static IEnumerable<Measurement<double>> ObserveBalances()
        {
            // Guards on one account read the same figures; per currency, the latest read is the one to show.
            var latest = new Dictionary<string, (decimal Total, DateTimeOffset ReadAt)>(StringComparer.OrdinalIgnoreCase);
            foreach (var guard in Alive(BalanceGuards))
            {
                var (balance, readAt) = guard.Snapshot();
                if (balance != null && (!latest.TryGetValue(balance.Currency, out var known) || readAt > known.ReadAt))
                {
                    latest[balance.Currency] = (balance.Total, readAt);
                }
            }

            var measurements = new List<Measurement<double>>(latest.Count);
            foreach (var entry in latest)
            {
                measurements.Add(new Measurement<double>(
                    (double)entry.Value.Total,
                    new KeyValuePair<string, object?>(ProviderNameTag, ProviderName),
                    new KeyValuePair<string, object?>(CurrencyTag, entry.Key.ToUpperInvariant())));
            }

            return measurements;
        }
    }
}
