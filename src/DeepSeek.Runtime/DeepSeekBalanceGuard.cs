using System;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Runtime.Internal;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Stops new requests before the account runs dry: a request is refused while DeepSeek reports the balance as not
    /// available, or while the balance in <see cref="Currency"/> is below <see cref="Floor"/>. Set it as
    /// <see cref="DeepSeekRequestOptions.BalanceGuard"/>, or call <see cref="EnsureAvailableAsync"/> before a batch job's steps.
    /// </summary>
    /// <remarks>
    /// <para>The balance is read at most once per <see cref="RefreshInterval"/>, never per request: when it is due, the
    /// first caller starts one read and every concurrent caller waits for that same read. Thread-safe.</para>
    /// <para>When a read fails (network, timeout of 10 s, 5xx, 401) the guard keeps deciding on the last balance it read,
    /// and tries again after the interval. When no read has ever succeeded it cannot decide, and refuses with
    /// <see cref="DeepSeekBalanceUnknownException"/> (fail closed: an application that set a floor asked not to spend
    /// blind); it then tries again after 5 s (or the interval, if shorter), so a startup blip costs seconds, not minutes.</para>
    /// <para>The balance moves with every call's bill, and the interval lets a busy application spend for a while on an
    /// old figure: set the floor to cover at least one interval's spend.</para>
    /// </remarks>
    public sealed class DeepSeekBalanceGuard
    {
        /// <summary>The refresh interval when none is given: one minute.</summary>
        public static readonly TimeSpan DefaultRefreshInterval = TimeSpan.FromMinutes(1);

        private static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);
        private static readonly TimeSpan FirstReadRetry = TimeSpan.FromSeconds(5);

        private readonly object gate = new object();
        private readonly DeepSeekBalanceClient client;
        private readonly Func<DateTimeOffset> clock;
        private DeepSeekBalance? balance;
        private DateTimeOffset readAt;
        private Exception? refreshError;
        private DateTimeOffset nextRead = DateTimeOffset.MinValue;
        private Task? reading;

        /// <summary>Creates a guard.</summary>
        /// <param name="client">Reads the balance.</param>
        /// <param name="floor">Requests are refused while the balance is below this amount (in <paramref name="currency"/>); zero or more.</param>
        /// <param name="currency">The currency of the floor: <c>USD</c> (default) or <c>CNY</c>. An account without a balance in it counts as zero.</param>
        /// <param name="refreshInterval">How long a read balance is used before it is read again; <see cref="DefaultRefreshInterval"/> when null.</param>
        /// <param name="clock">The current time; <see cref="DateTimeOffset.UtcNow"/> when null. Tests pass a fake.</param>
        public DeepSeekBalanceGuard(DeepSeekBalanceClient client, decimal floor, string currency = "USD", TimeSpan? refreshInterval = null, Func<DateTimeOffset>? clock = null)
        {
            if (floor < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(floor), floor, "The balance floor cannot be negative.");
            }

            if (string.IsNullOrWhiteSpace(currency))
            {
                throw new ArgumentException("The currency is missing (USD or CNY).", nameof(currency));
            }

            var interval = refreshInterval ?? DefaultRefreshInterval;
            if (interval <= TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(refreshInterval), interval, "The refresh interval must be positive.");
            }

            this.client = client ?? throw new ArgumentNullException(nameof(client));
            Floor = floor;
            Currency = currency.Trim();
            RefreshInterval = interval;
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
            DeepSeekMetrics.Track(this);
        }

        /// <summary>The balance below which requests are refused, in <see cref="Currency"/>.</summary>
        public decimal Floor { get; }

        /// <summary>The currency watched.</summary>
        public string Currency { get; }

        /// <summary>How long a read balance is used before it is read again.</summary>
        public TimeSpan RefreshInterval { get; }

        /// <summary>The last balance read successfully, or null before the first.</summary>
        public DeepSeekBalance? LastBalance
        {
            get
            {
                lock (gate)
                {
                    return balance;
                }
            }
        }

        /// <summary>When <see cref="LastBalance"/> was read, or null before the first read.</summary>
        public DateTimeOffset? LastReadAt
        {
            get
            {
                lock (gate)
                {
                    return balance == null ? (DateTimeOffset?)null : readAt;
                }
            }
        }

        /// <summary>Why the latest read failed, or null when it succeeded (or none was made yet).</summary>
        public Exception? LastRefreshError
        {
            get
            {
                lock (gate)
                {
                    return refreshError;
                }
            }
        }

        /// <summary>Reads the balance if it is due, then checks it.</summary>
        /// <exception cref="DeepSeekBalanceTooLowException">The account is not available, or the balance is below the floor.</exception>
        /// <exception cref="DeepSeekBalanceUnknownException">No balance has been read successfully yet.</exception>
        public async Task EnsureAvailableAsync(CancellationToken cancellationToken = default)
        {
            var refresh = RefreshIfDue();
            if (refresh != null)
            {
                await WaitAsync(refresh, cancellationToken).ConfigureAwait(false);
            }

            Check();
        }

        /// <summary>Like <see cref="EnsureAvailableAsync"/>, blocking while a due read runs (it runs on the thread pool).</summary>
        public void EnsureAvailable(CancellationToken cancellationToken = default)
        {
            var refresh = RefreshIfDue();
            if (refresh != null)
            {
                refresh.Wait(cancellationToken);
            }

            Check();
        }

        /// <summary>The last balance in <see cref="Currency"/>, for the balance gauge.</summary>
        internal (DeepSeekCurrencyBalance? Balance, DateTimeOffset ReadAt) Snapshot()
        {
            lock (gate)
            {
                return (balance?.Find(Currency), readAt);
            }
        }

        private Task? RefreshIfDue()
        {
            lock (gate)
            {
                if (reading == null && clock() < nextRead)
                {
                    return null;
                }

                // Task.Run: the read never captures a caller's synchronization context, so EnsureAvailable may block on it.
                return reading ??= Task.Run(ReadAsync);
            }
        }

        private async Task ReadAsync()
        {
            DeepSeekBalance? read = null;
            Exception? error = null;
            try
            {
                // One caller's cancellation must not cancel a read the others share; the timeout bounds it instead.
                using (var timeout = new CancellationTokenSource(ReadTimeout))
                {
                    read = await client.GetBalanceAsync(timeout.Token).ConfigureAwait(false);
                }
            }
            catch (Exception e)
            {
                error = e;
            }

            lock (gate)
            {
                var now = clock();
                if (read != null)
                {
                    balance = read;
                    readAt = now;
                    refreshError = null;
                    nextRead = now + RefreshInterval;
                }
                else
                {
                    refreshError = error;
                    nextRead = now + (balance != null || RefreshInterval < FirstReadRetry ? RefreshInterval : FirstReadRetry);
                }

                reading = null;
            }
        }

        private void Check()
        {
            DeepSeekBalance? current;
            DateTimeOffset asOf;
            Exception? error;
            lock (gate)
            {
                current = balance;
                asOf = readAt;
                error = refreshError;
            }

            if (current == null)
            {
                throw new DeepSeekBalanceUnknownException(error);
            }

            var inCurrency = current.Find(Currency);
            if (!current.IsAvailable || (inCurrency?.Total ?? 0m) < Floor)
            {
                throw new DeepSeekBalanceTooLowException(current.IsAvailable, Currency, inCurrency?.Total, Floor, asOf);
            }
        }

        private static async Task WaitAsync(Task task, CancellationToken cancellationToken)
        {
#if NET6_0_OR_GREATER
            await task.WaitAsync(cancellationToken).ConfigureAwait(false);
#else
            if (!cancellationToken.CanBeCanceled || task.IsCompleted)
            {
                await task.ConfigureAwait(false);
                return;
            }

            var cancelled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            using (cancellationToken.Register(state => ((TaskCompletionSource<bool>)state!).TrySetResult(true), cancelled))
            {
                if (await Task.WhenAny(task, cancelled.Task).ConfigureAwait(false) != task)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }
            }

            await task.ConfigureAwait(false);
#endif
        }
    }
}
