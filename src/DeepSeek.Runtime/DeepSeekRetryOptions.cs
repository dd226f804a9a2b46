using System;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>Settings for <see cref="DeepSeekRetry"/>. The defaults follow DeepSeek's guidance: at most 2 retries, exponential backoff with jitter.</summary>
    public sealed class DeepSeekRetryOptions
    {
        private int maxRetries = DeepSeekCatalog.DefaultMaxRetries;
        private TimeSpan initialDelay = TimeSpan.FromSeconds(1);
        private TimeSpan maxDelay = TimeSpan.FromSeconds(30);
        private TimeSpan deadline = TimeSpan.FromMinutes(3);
        private double jitter = 0.2;

        /// <summary>Retries after the first attempt (default 2, the catalog's cap); 0 turns retrying off.</summary>
        public int MaxRetries
        {
            get => maxRetries;
            set => maxRetries = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxRetries cannot be negative.");
        }

        /// <summary>The delay before the first retry (default 1 s); it doubles on each retry, before jitter.</summary>
        public TimeSpan InitialDelay
        {
            get => initialDelay;
            set => initialDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "InitialDelay cannot be negative.");
        }

        /// <summary>The longest backoff delay (default 30 s). A server's <c>Retry-After</c> is honoured even when longer, within <see cref="Deadline"/>.</summary>
        public TimeSpan MaxDelay
        {
            get => maxDelay;
            set => maxDelay = value >= TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "MaxDelay cannot be negative.");
        }

        /// <summary>
        /// The overall deadline, measured from the first attempt (default 3 minutes): no retry is scheduled whose delay
        /// would end after it, and the last failure is returned or thrown instead. An attempt in flight is not cut short
        /// (thinking-mode calls routinely run long); bound single attempts with <c>HttpClient.Timeout</c> or
        /// <c>NetworkTimeout</c>.
        /// </summary>
        public TimeSpan Deadline
        {
            get => deadline;
            set => deadline = value > TimeSpan.Zero ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Deadline must be positive.");
        }

        /// <summary>The jitter as a fraction of the backoff delay (default 0.2: ±20 %), so that clients do not retry in lockstep.</summary>
        public double Jitter
        {
            get => jitter;
            set => jitter = value >= 0 && value <= 1 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "Jitter must be between 0 and 1.");
        }

        /// <summary>Waits between attempts; <see cref="Task.Delay(TimeSpan, CancellationToken)"/> when null. Tests pass one that records and returns at once.</summary>
        public Func<TimeSpan, CancellationToken, Task>? Delay { get; set; }

        /// <summary>The current time, for the deadline and <c>Retry-After</c> dates; <see cref="DateTimeOffset.UtcNow"/> when null.</summary>
        public Func<DateTimeOffset>? Clock { get; set; }

        /// <summary>A uniform random number in [0, 1) for the jitter; a shared <see cref="System.Random"/> when null.</summary>
        public Func<double>? Random { get; set; }

        /// <summary>Called before each retry's delay with the retry number (1-based), the delay and the failure's HTTP status (0 when there was no response).</summary>
        public Action<int, TimeSpan, int>? OnRetry { get; set; }
    }
}
