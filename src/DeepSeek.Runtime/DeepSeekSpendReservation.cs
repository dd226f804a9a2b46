using System;
using System.Threading;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Money held by a <see cref="DeepSeekSpendGuard"/> for one request in flight. <see cref="Commit"/> records the actual
    /// cost and releases the rest; <see cref="Dispose"/> without a commit releases it all (a request that failed costs nothing).
    /// </summary>
    public sealed class DeepSeekSpendReservation : IDisposable
    {
        private readonly DeepSeekSpendGuard guard;
        private int completed;

        internal DeepSeekSpendReservation(DeepSeekSpendGuard guard, decimal amount, DateTime day)
        {
            this.guard = guard;
            Amount = amount;
            Day = day;
        }

        /// <summary>The USD reserved.</summary>
        public decimal Amount { get; }

        /// <summary>True once committed or released.</summary>
        public bool IsCompleted => Volatile.Read(ref completed) != 0;

        internal DateTime Day { get; }

        /// <summary>Records <paramref name="actualCost"/> USD as spent and releases the reservation. Only the first commit or release counts.</summary>
        public void Commit(decimal actualCost)
        {
            if (actualCost < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(actualCost), actualCost, "A cost cannot be negative.");
            }

            if (Interlocked.Exchange(ref completed, 1) == 0)
            {
                guard.Complete(this, actualCost);
            }
        }

        /// <summary>Releases the reservation without recording spend, unless it was already committed.</summary>
        public void Dispose()
        {
            if (Interlocked.Exchange(ref completed, 1) == 0)
            {
                guard.Complete(this, null);
            }
        }
    }
}
