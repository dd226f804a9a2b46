using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;

namespace DeepSeek.Runtime
{
    /// <summary>The account balance as <c>GET /user/balance</c> reports it.</summary>
    public sealed class DeepSeekBalance
    {
        /// <summary>Creates a balance, e.g. for a test double of <see cref="DeepSeekBalanceClient"/>.</summary>
        public DeepSeekBalance(bool isAvailable, IEnumerable<DeepSeekCurrencyBalance> balances)
        {
            if (balances == null)
            {
                throw new ArgumentNullException(nameof(balances));
            }

            IsAvailable = isAvailable;
            Balances = new List<DeepSeekCurrencyBalance>(balances).AsReadOnly();
        }

        /// <summary>Whether the balance can pay for API calls (<c>is_available</c>).</summary>
        public bool IsAvailable { get; }

        /// <summary>The balance in each currency the account holds (<c>balance_infos</c>).</summary>
        public IReadOnlyList<DeepSeekCurrencyBalance> Balances { get; }

        /// <summary>The balance in <paramref name="currency"/> (e.g. <c>USD</c>, <c>CNY</c>; case-insensitive), or null when the account holds none.</summary>
        public DeepSeekCurrencyBalance? Find(string currency)
        {
            foreach (var balance in Balances)
            {
                if (string.Equals(balance.Currency, currency, StringComparison.OrdinalIgnoreCase))
                {
                    return balance;
                }
            }

            return null;
        }

        /// <summary>Parses the JSON body of <c>GET /user/balance</c>.</summary>
        /// <exception cref="FormatException">The JSON is not a balance (no <c>is_available</c>, or an amount that is not a number).</exception>
        public static DeepSeekBalance Parse(string json)
        {
            if (json == null)
            {
                throw new ArgumentNullException(nameof(json));
            }

            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    return FromJson(document.RootElement);
                }
            }
            catch (JsonException e)
            {
                throw new FormatException("The DeepSeek balance response is not JSON.", e);
            }
        }

        /// <summary>The balance and currencies, e.g. <c>available; USD 12.50 (granted 0.00, topped up 12.50)</c>.</summary>
        public override string ToString()
            => (IsAvailable ? "available" : "not available") + (Balances.Count == 0 ? string.Empty : "; " + string.Join("; ", Balances));

        private static DeepSeekBalance FromJson(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("is_available", out var available)
                || (available.ValueKind != JsonValueKind.True && available.ValueKind != JsonValueKind.False))
            {
                throw new FormatException("The DeepSeek balance response has no is_available flag.");
            }

            var balances = new List<DeepSeekCurrencyBalance>();
            if (root.TryGetProperty("balance_infos", out var infos) && infos.ValueKind == JsonValueKind.Array)
            {
                foreach (var info in infos.EnumerateArray())
                {
                    if (info.ValueKind != JsonValueKind.Object
                        || !info.TryGetProperty("currency", out var currency)
                        || currency.ValueKind != JsonValueKind.String)
                    {
                        throw new FormatException("A DeepSeek balance entry has no currency.");
                    }

                    balances.Add(new DeepSeekCurrencyBalance(
                        currency.GetString()!,
                        Amount(info, "total_balance"),
                        Amount(info, "granted_balance"),
                        Amount(info, "topped_up_balance")));
                }
            }

            return new DeepSeekBalance(available.GetBoolean(), balances);
        }

        private static decimal Amount(JsonElement info, string name)
        {
            if (!info.TryGetProperty(name, out var value))
            {
                throw new FormatException($"A DeepSeek balance entry has no {name}.");
            }

            // DeepSeek sends amounts as strings ("110.00"), read the same way on every machine; a number is accepted too.
            if (value.ValueKind == JsonValueKind.String
                && decimal.TryParse(value.GetString(), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var parsed))
            {
                return parsed;
            }

            if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out parsed))
            {
                return parsed;
            }

            throw new FormatException($"The DeepSeek balance entry's {name} is not an amount.");
        }
    }

    /// <summary>The balance in one currency, from one entry of <c>balance_infos</c>.</summary>
    public sealed class DeepSeekCurrencyBalance
    {
        /// <summary>Creates a currency balance.</summary>
        public DeepSeekCurrencyBalance(string currency, decimal total, decimal granted, decimal toppedUp)
        {
            Currency = currency ?? throw new ArgumentNullException(nameof(currency));
            Total = total;
            Granted = granted;
            ToppedUp = toppedUp;
        }

        /// <summary>The currency code: <c>USD</c> or <c>CNY</c>.</summary>
        public string Currency { get; }

        /// <summary>The whole balance (<c>total_balance</c>): granted plus topped up.</summary>
        public decimal Total { get; }

        /// <summary>The granted balance (<c>granted_balance</c>), spent first.</summary>
        public decimal Granted { get; }

        /// <summary>The topped-up balance (<c>topped_up_balance</c>).</summary>
        public decimal ToppedUp { get; }

        /// <summary>e.g. <c>USD 12.50 (granted 0.00, topped up 12.50)</c>.</summary>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "{0} {1} (granted {2}, topped up {3})", Currency, Total, Granted, ToppedUp);
    }
}
