using System;
using System.Globalization;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Thrown by <see cref="DeepSeekBalanceGuard"/> (and so by the request policy and handler, before a request is sent)
    /// when the account cannot pay for API calls or its balance is below the floor the application set.
    /// </summary>
    public sealed class DeepSeekBalanceTooLowException : InvalidOperationException
    {
        internal DeepSeekBalanceTooLowException(bool isAvailable, string currency, decimal? balance, decimal floor, DateTimeOffset asOf)
            : base(MessageFor(isAvailable, currency, balance, floor, asOf))
        {
            IsAvailable = isAvailable;
            Currency = currency;
            Balance = balance;
            Floor = floor;
            AsOf = asOf;
        }

        /// <summary>The account's <c>is_available</c> flag.</summary>
        public bool IsAvailable { get; }

        /// <summary>The currency the guard watches.</summary>
        public string Currency { get; }

        /// <summary>The total balance in <see cref="Currency"/>, or null when the account holds none in it.</summary>
        public decimal? Balance { get; }

        /// <summary>The floor the balance must not fall below.</summary>
        public decimal Floor { get; }

        /// <summary>When the balance was read.</summary>
        public DateTimeOffset AsOf { get; }

        private static string MessageFor(bool isAvailable, string currency, decimal? balance, decimal floor, DateTimeOffset asOf)
        {
            var state = !isAvailable
                ? "DeepSeek reports that the account's balance cannot pay for API calls (is_available: false)"
                : balance.HasValue
                    ? string.Format(CultureInfo.InvariantCulture, "the DeepSeek balance of {0} {1} is below the floor of {2} {1}", balance.Value, currency, floor)
                    : string.Format(CultureInfo.InvariantCulture, "the DeepSeek account holds no {0} balance (floor {1} {0})", currency, floor);
            return string.Format(
                CultureInfo.InvariantCulture,
                "The request was not sent: {0}, as read at {1:yyyy-MM-dd HH:mm:ss} UTC. Top up the account or lower DeepSeekBalanceGuard's floor; the guard reads the balance again after its refresh interval.",
                state,
                asOf.UtcDateTime);
        }
    }
}
