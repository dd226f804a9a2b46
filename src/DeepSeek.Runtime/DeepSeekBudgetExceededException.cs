using System;
using System.Globalization;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Thrown by <see cref="DeepSeekSpendGuard"/> before a request is sent, when its worst-case cost would not fit in
    /// what is left of the daily budget.
    /// </summary>
    public sealed class DeepSeekBudgetExceededException : InvalidOperationException
    {
        internal DeepSeekBudgetExceededException(DateTime day, decimal dailyBudget, decimal spent, decimal reserved, decimal requested)
            : base(string.Format(
                CultureInfo.InvariantCulture,
                "The DeepSeek daily budget of {0} USD for {1:yyyy-MM-dd} (UTC) would be exceeded: {2} USD spent, {3} USD reserved by requests in flight, this request needs up to {4} USD. The request was not sent. Raise the budget or wait for the next UTC day.",
                dailyBudget,
                day,
                spent,
                reserved,
                requested))
        {
            Day = day;
            DailyBudget = dailyBudget;
            Spent = spent;
            Reserved = reserved;
            Requested = requested;
        }

        /// <summary>The UTC day whose budget was exhausted.</summary>
        public DateTime Day { get; }

        /// <summary>The daily budget in USD.</summary>
        public decimal DailyBudget { get; }

        /// <summary>USD recorded as spent that day when the request was refused.</summary>
        public decimal Spent { get; }

        /// <summary>USD reserved by requests in flight when the request was refused.</summary>
        public decimal Reserved { get; }

        /// <summary>The worst-case cost in USD of the refused request.</summary>
        public decimal Requested { get; }
    }
}
