using System;

namespace DeepSeek.Runtime
{
    /// <summary>Passed to <see cref="DeepSeekSpendGuard"/>'s alert callback when a day's spend crosses 50 %, 80 % or 100 % of the budget.</summary>
    public sealed class DeepSeekBudgetAlert
    {
        internal DeepSeekBudgetAlert(int percent, DateTime day, decimal spent, decimal dailyBudget)
        {
            Percent = percent;
            Day = day;
            Spent = spent;
            DailyBudget = dailyBudget;
        }

        /// <summary>The threshold crossed: 50, 80 or 100.</summary>
        public int Percent { get; }

        /// <summary>The UTC day.</summary>
        public DateTime Day { get; }

        /// <summary>USD spent that day when the threshold was crossed.</summary>
        public decimal Spent { get; }

        /// <summary>The daily budget in USD.</summary>
        public decimal DailyBudget { get; }
    }
}
