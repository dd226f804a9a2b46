using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>The unit a price literal is written in: code copies the per-1M table, divides it by 1000 or by 1,000,000.</summary>
    internal enum PriceUnit
    {
        PerMillionTokens,
        PerThousandTokens,
        PerToken,
    }

    /// <summary>One value that is a legacy price in some role and unit: what DSK005 needs to decide and to fix.</summary>
    internal sealed class PriceValue
    {
        public PriceValue(decimal value)
        {
            Value = value;
        }

        /// <summary>The value in its unit (a per-1K value is the per-1M price / 1000).</summary>
        public decimal Value { get; }

        /// <summary>The legacy prices equal to <see cref="Value"/>, each with the unit it is written in.</summary>
        public List<(LegacyPrice Price, PriceUnit Unit)> Legacy { get; } = new List<(LegacyPrice, PriceUnit)>();

        /// <summary>The roles in which <see cref="Value"/> is a current price (any model, either tier, any unit).</summary>
        public List<PriceRole> CurrentRoles { get; } = new List<PriceRole>();

        /// <summary>
        /// Whether the value is legacy for <paramref name="role"/>: a legacy price of that role and current in it in no unit.
        /// Without a role (null) only a value that is current in no role counts (0.66 and 1.32 need one). <paramref name="price"/>
        /// is the first such legacy price; <paramref name="fixable"/> says whether all of them agree on the role, the unit and
        /// the model that replaces them, so that one current price replaces the value.
        /// </summary>
        public bool IsLegacyFor(PriceRole? role, out LegacyPrice? price, out PriceUnit unit, out bool fixable)
        {
            price = null;
            unit = PriceUnit.PerMillionTokens;
            fixable = false;
            if (role.HasValue ? CurrentRoles.Contains(role.Value) : CurrentRoles.Count > 0)
            {
                return false;
            }

            foreach (var (legacy, legacyUnit) in Legacy)
            {
                if (role.HasValue && legacy.Role != role.Value)
                {
                    continue;
                }

                if (price == null)
                {
                    price = legacy;
                    unit = legacyUnit;
                    fixable = true;
                }
                else if (legacy.Role != price.Role || legacyUnit != unit || !string.Equals(legacy.ReplacedBy, price.ReplacedBy, StringComparison.Ordinal))
                {
                    fixable = false;
                }
            }

            return price != null;
        }
    }

    /// <summary>
    /// Every legacy price of the effective catalog in the three units code writes, built once per catalog (the built-in one
    /// is shared by every compilation), so DSK005's per-literal test is a binary search over a few dozen decimals: no
    /// allocation, no semantic model, no <c>ConstantValue</c>. Values that are also current in some role are kept, with the
    /// role, because a role-aware name still tells a legacy 0.66 (V4 Flash off-peak output) from a current one (Pro cache miss).
    /// </summary>
    internal sealed class LegacyPriceValues
    {
        // A decimal holds 28 places; a ulong mantissa 19 digits.
        private const int MaxScale = 28;
        private const int MaxDigits = 18;

        public static readonly PriceUnit[] Units = { PriceUnit.PerMillionTokens, PriceUnit.PerThousandTokens, PriceUnit.PerToken };

        public static readonly PriceRole[] Roles = { PriceRole.CacheHitInput, PriceRole.CacheMissInput, PriceRole.Output };

        private static readonly ConditionalWeakTable<EffectiveCatalog, LegacyPriceValues> Cache =
            new ConditionalWeakTable<EffectiveCatalog, LegacyPriceValues>();

        private readonly decimal[] _keys;
        private readonly PriceValue[] _values;

        private LegacyPriceValues(EffectiveCatalog catalog)
        {
            var byValue = new SortedDictionary<decimal, PriceValue>();
            foreach (var legacy in catalog.LegacyPrices)
            {
                if (legacy.PerMillion <= 0)
                {
                    continue;
                }

                foreach (PriceUnit unit in Units)
                {
                    var value = InUnit(legacy.PerMillion, unit);
                    if (!byValue.TryGetValue(value, out var entry))
                    {
                        byValue.Add(value, entry = new PriceValue(value));
                    }

                    entry.Legacy.Add((legacy, unit));
                }
            }

            foreach (var price in catalog.Prices)
            {
                foreach (var tier in new[] { price.Peak, price.OffPeak })
                {
                    foreach (PriceRole role in Roles)
                    {
                        foreach (PriceUnit unit in Units)
                        {
                            if (byValue.TryGetValue(InUnit(tier.For(role), unit), out var entry) && !entry.CurrentRoles.Contains(role))
                            {
                                entry.CurrentRoles.Add(role);
                            }
                        }
                    }
                }
            }

            _values = new PriceValue[byValue.Count];
            _keys = new decimal[byValue.Count];
            var i = 0;
            foreach (var pair in byValue)
            {
                _values[i] = pair.Value;
                _keys[i] = pair.Key;
                i++;
            }
        }

        /// <summary>The values of <paramref name="catalog"/>, built on first use and cached with it.</summary>
        public static LegacyPriceValues For(EffectiveCatalog catalog) => Cache.GetValue(catalog, c => new LegacyPriceValues(c));

        /// <summary>How many distinct values there are (for tests and diagnostics of the table).</summary>
        public int Count => _values.Length;

        /// <summary>A per-1M price written in <paramref name="unit"/>.</summary>
        public static decimal InUnit(decimal perMillion, PriceUnit unit)
        {
            switch (unit)
            {
                case PriceUnit.PerThousandTokens:
                    return perMillion / 1000m;
                case PriceUnit.PerToken:
                    return perMillion / 1000000m;
                default:
                    return perMillion;
            }
        }

        /// <summary>
        /// The hot path: the text of a numeric literal token, read as the exact decimal number it spells (digit separators,
        /// exponent and type suffix allowed), against the table. Integers (no point, exponent or real suffix), hex and binary
        /// literals are never prices here. Reads the text, not <c>Token.Value</c>, which boxes a new object on every call;
        /// allocates nothing.
        /// </summary>
        public PriceValue? Match(string text)
        {
            var end = text.Length;
            if (end == 0)
            {
                return null;
            }

            var real = false;
            var last = text[end - 1];
            if (last == 'm' || last == 'M' || last == 'f' || last == 'F' || last == 'd' || last == 'D')
            {
                real = true;
                end--;
            }

            if (end > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X' || text[1] == 'b' || text[1] == 'B'))
            {
                return null;
            }

            ulong mantissa = 0;
            var digits = 0;
            var scale = 0;
            var fraction = false;
            var i = 0;
            for (; i < end; i++)
            {
                var c = text[i];
                if (c >= '0' && c <= '9')
                {
                    if (mantissa == 0 && c == '0')
                    {
                        // Leading zeros carry no digit, only the place of the point.
                    }
                    else if (++digits > MaxDigits)
                    {
                        return null;
                    }
                    else
                    {
                        mantissa = (mantissa * 10) + (ulong)(c - '0');
                    }

                    if (fraction)
                    {
                        scale++;
                    }
                }
                else if (c == '.' && !fraction)
                {
                    fraction = real = true;
                }
                else if (c == '_')
                {
                    continue;
                }
                else if (c == 'e' || c == 'E')
                {
                    real = true;
                    break;
                }
                else
                {
                    return null;
                }
            }

            if (!real || mantissa == 0)
            {
                return null;
            }

            if (i < end)
            {
                // Exponent: e, an optional sign, digits.
                var negative = false;
                var exponent = 0;
                i++;
                if (i < end && (text[i] == '+' || text[i] == '-'))
                {
                    negative = text[i] == '-';
                    i++;
                }

                for (; i < end; i++)
                {
                    var c = text[i];
                    if (c >= '0' && c <= '9')
                    {
                        exponent = (exponent * 10) + (c - '0');
                        if (exponent > MaxScale)
                        {
                            return null;
                        }
                    }
                    else if (c != '_')
                    {
                        return null;
                    }
                }

                scale += negative ? exponent : -exponent;
            }

            while (scale < 0)
            {
                if (++digits > MaxDigits)
                {
                    return null;
                }

                mantissa *= 10;
                scale++;
            }

            if (scale > MaxScale)
            {
                return null;
            }

            var value = new decimal((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);
            var index = Array.BinarySearch(_keys, value);
            return index >= 0 ? _values[index] : null;
        }
    }
}
