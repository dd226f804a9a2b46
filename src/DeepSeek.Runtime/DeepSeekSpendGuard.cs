using System;
using System.Collections.Concurrent;
using System.Collections.Generic;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// A daily budget in USD (UTC days) shared by every request it guards. A request reserves its worst-case cost
    /// before it is sent and commits its actual cost when the usage is known, so requests in flight together can
    /// never exceed the budget. Alerts fire once per day at 50 %, 80 % and 100 % of the budget. Thread-safe.
    /// </summary>
    public sealed class DeepSeekSpendGuard
    {
        /// <summary>The alert thresholds, in percent of the daily budget.</summary>
        public static readonly IReadOnlyList<int> AlertThresholds = new[] { 50, 80, 100 };

        private readonly object gate = new object();
        private readonly Func<DateTimeOffset> clock;
        private readonly Action<DeepSeekBudgetAlert>? onAlert;
        private DateTime day;
        private decimal spent;
        private decimal reserved;
        private int alertsFired;
        private readonly ConcurrentQueue<DeepSeekBudgetAlert> pendingAlerts = new ConcurrentQueue<DeepSeekBudgetAlert>();
        private readonly object raiseGate = new object();

        /// <summary>Creates a guard.</summary>
        /// <param name="dailyBudget">USD per UTC day; must be positive.</param>
        /// <param name="onAlert">Called (outside the guard's lock) when the day's spend crosses 50 %, 80 % and 100 %, each once per day and in that order, even when concurrent requests cross two thresholds at once.</param>
        /// <param name="clock">The current time; <see cref="DateTimeOffset.UtcNow"/> when null. Tests pass a fake.</param>
        public DeepSeekSpendGuard(decimal dailyBudget, Action<DeepSeekBudgetAlert>? onAlert = null, Func<DateTimeOffset>? clock = null)
        {
            if (dailyBudget <= 0)
            {
                throw new ArgumentOutOfRangeException(nameof(dailyBudget), dailyBudget, "The daily budget must be positive.");
            }

            DailyBudget = dailyBudget;
            this.onAlert = onAlert;
            this.clock = clock ?? (() => DateTimeOffset.UtcNow);
            day = Today();
        }

        /// <summary>The daily budget in USD.</summary>
        public decimal DailyBudget { get; }

        /// <summary>USD recorded as spent today (UTC).</summary>
        public decimal Spent
        {
            get
            {
                lock (gate)
                {
                    RollOver();
                    return spent;
                }
            }
        }

        /// <summary>USD reserved today by requests in flight.</summary>
        public decimal Reserved
        {
            get
            {
                lock (gate)
                {
                    RollOver();
                    return reserved;
                }
            }
        }

        /// <summary>USD left today: the budget less what is spent and reserved (never negative).</summary>
        public decimal Remaining
        {
            get
            {
                lock (gate)
                {
                    RollOver();
                    return Math.Max(0m, DailyBudget - spent - reserved);
                }
            }
        }

        /// <summary>
        /// Reserves <paramref name="worstCaseCost"/> USD before a request is sent. Commit the actual cost on the returned
        /// reservation when the response arrives; disposing it uncommitted releases the reservation.
        /// </summary>
        /// <exception cref="DeepSeekBudgetExceededException">The cost does not fit in what is left today; nothing was reserved.</exception>
        public DeepSeekSpendReservation Reserve(decimal worstCaseCost)
        {
            if (TryReserve(worstCaseCost, out var reservation, out var refusal))
            {
                return reservation!;
            }

            throw refusal!;
        }

        /// <summary>Like <see cref="Reserve"/>, but returns false instead of throwing when the budget is exhausted.</summary>
        public bool TryReserve(decimal worstCaseCost, out DeepSeekSpendReservation? reservation)
            => TryReserve(worstCaseCost, out reservation, out _);

        /// <summary>Records a cost that was not reserved beforehand (e.g. a call made outside the guard).</summary>
        public void Record(decimal cost)
        {
            NotNegative(cost, nameof(cost));
            bool alerts;
            lock (gate)
            {
                RollOver();
                spent += cost;
                alerts = CollectAlerts();
            }

            RaisePending(alerts);
        }

        /// <summary>The guard's clock: requests it guards are priced at the hour it tells.</summary>
        internal DateTimeOffset Now() => clock();

        /// <summary>Spent and reserved read together, for callers that must not see one change between the two reads.</summary>
        internal (decimal Spent, decimal Reserved) Snapshot()
        {
            lock (gate)
            {
                RollOver();
                return (spent, reserved);
            }
        }

        internal void Complete(DeepSeekSpendReservation reservation, decimal? actualCost)
        {
            var alerts = false;
            lock (gate)
            {
                RollOver();
                if (reservation.Day == day)
                {
                    reserved -= reservation.Amount;
                }

                if (actualCost.HasValue)
                {
                    // The actual cost is recorded even if it exceeds the reservation: the budget tracks money, not estimates.
                    spent += actualCost.Value;
                    alerts = CollectAlerts();
                }
            }

            RaisePending(alerts);
        }

        private bool TryReserve(decimal worstCaseCost, out DeepSeekSpendReservation? reservation, out DeepSeekBudgetExceededException? refusal)
        {
            NotNegative(worstCaseCost, nameof(worstCaseCost));
            lock (gate)
            {
                RollOver();
                if (spent + reserved + worstCaseCost > DailyBudget)
                {
                    reservation = null;
                    refusal = new DeepSeekBudgetExceededException(day, DailyBudget, spent, reserved, worstCaseCost);
                    return false;
                }

                reserved += worstCaseCost;
                reservation = new DeepSeekSpendReservation(this, worstCaseCost, day);
                refusal = null;
                return true;
            }
        }

        /// <summary>Queues the alerts the day's spend has crossed, in threshold order (under the guard's lock); true if any.</summary>
        private bool CollectAlerts()
        {
            var any = false;
            while (alertsFired < AlertThresholds.Count && spent * 100m >= DailyBudget * AlertThresholds[alertsFired])
            {
                if (onAlert != null)
                {
                    pendingAlerts.Enqueue(new DeepSeekBudgetAlert(AlertThresholds[alertsFired], day, spent, DailyBudget));
                    any = true;
                }

                alertsFired++;
            }

            return any;
        }

        private void RaisePending(bool any)
        {
            if (!any || onAlert == null)
            {
                return;
            }

            // Outside the guard's lock, so a slow or re-entrant callback (one that reads Spent) does not stall or deadlock
            // requests; under a lock of its own, so alerts that two requests crossed at once still arrive in threshold order
            // (50 % before 80 %). An alert whose callback threw is gone; the ones after it are raised by the next caller.
            lock (raiseGate)
            {
                while (pendingAlerts.TryDequeue(out var alert))
                {
                    onAlert(alert);
                }
            }
        }

        private void RollOver()
        {
            var today = Today();
            if (today != day)
            {
                // A new UTC day starts with a clean slate; reservations from the day before no longer count against it.
                day = today;
                spent = 0m;
                reserved = 0m;
                alertsFired = 0;
            }
        }

        private DateTime Today() => clock().UtcDateTime.Date;

        private static void NotNegative(decimal value, string name)
        {
            if (value < 0)
            {
                throw new ArgumentOutOfRangeException(name, value, "A cost cannot be negative.");
            }
        }
    }
}
