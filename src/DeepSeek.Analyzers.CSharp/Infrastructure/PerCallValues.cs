using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Values that differ on every call — the clock, a fresh GUID, a random number, a tick count — and the ways code cuts
    /// a date to the day, which makes it stable for 24 hours. Used by DSK012: such a value in a system prompt makes
    /// every request a full cache miss.
    /// </summary>
    internal static class PerCallValues
    {
        /// <summary>
        /// True for the expression that reads a per-call value: <c>DateTime.Now/UtcNow</c>, <c>DateTimeOffset.Now/UtcNow</c>,
        /// <c>Environment.TickCount(64)</c>, <c>Guid.NewGuid()</c>, <c>Stopwatch.GetTimestamp()</c>, a <c>TimeProvider</c>'s
        /// <c>GetUtcNow/GetLocalNow/GetTimestamp</c>, a <c>Random</c>'s <c>Next*</c>.
        /// </summary>
        public static bool IsSource(IOperation operation, WellKnownTypes types)
        {
            switch (operation)
            {
                case IPropertyReferenceOperation property when property.Property.IsStatic:
                    {
                        var owner = property.Property.ContainingType;
                        var name = property.Property.Name;
                        if (Is(owner, types.DateTime) || Is(owner, types.DateTimeOffset))
                        {
                            return name == "Now" || name == "UtcNow";
                        }

                        return Is(owner, types.Environment) && (name == "TickCount" || name == "TickCount64");
                    }

                case IInvocationOperation invocation:
                    {
                        var method = invocation.TargetMethod;
                        var name = method.Name;
                        if (method.IsStatic)
                        {
                            return (name == "NewGuid" && Is(method.ContainingType, types.Guid))
                                   || (name == "GetTimestamp" && Is(method.ContainingType, types.Stopwatch));
                        }

                        var receiver = invocation.Instance?.Type ?? method.ContainingType;
                        switch (name)
                        {
                            // TimeProvider.GetTimestamp is as per-call as Stopwatch.GetTimestamp.
                            case "GetUtcNow":
                            case "GetLocalNow":
                            case "GetTimestamp":
                                return TypeSymbols.IsOrDerivesFrom(receiver, types.TimeProvider);
                            case "Next":
                            case "NextDouble":
                            case "NextInt64":
                            case "NextSingle":
                                // new Random(42).Next() repeats itself: a seeded sequence is not per-call.
                                return TypeSymbols.IsOrDerivesFrom(receiver, types.Random)
                                       && !(invocation.Instance is IObjectCreationOperation creation && !creation.Arguments.IsEmpty);
                            default:
                                return false;
                        }
                    }

                default:
                    return false;
            }
        }

        /// <summary><c>DateTime</c> or <c>DateTimeOffset</c>: the types whose day parts and formats can cut a value to the day.</summary>
        public static bool IsDateLike(ITypeSymbol? type, WellKnownTypes types)
            => type != null && (Is(type, types.DateTime) || Is(type, types.DateTimeOffset));

        /// <summary>Types a per-call value keeps while code derives text from it (<c>.Hour</c>, <c>.ToString("N")</c>, <c>.Ticks</c>).</summary>
        public static bool CarriesValue(ITypeSymbol? type, WellKnownTypes types)
        {
            if (type == null)
            {
                return false;
            }

            switch (type.SpecialType)
            {
                case SpecialType.System_Int32:
                case SpecialType.System_Int64:
                case SpecialType.System_Double:
                case SpecialType.System_Single:
                case SpecialType.System_Decimal:
                case SpecialType.System_UInt32:
                case SpecialType.System_UInt64:
                case SpecialType.System_DateTime:
                    return true;
            }

            return IsDateLike(type, types) || Is(type, types.Guid) || Is(type, types.DateOnly)
                   || (type.Name == "TimeSpan" && type.ContainingNamespace?.Name == "System");
        }

        /// <summary>Members of a date that keep only day-or-coarser parts: stable for the whole day.</summary>
        public static bool IsDayPart(string name)
            => name == "Date" || name == "Year" || name == "Month" || name == "Day" || name == "DayOfWeek" || name == "DayOfYear";

        /// <summary><c>ToShortDateString()</c> and <c>ToLongDateString()</c> print the day only.</summary>
        public static bool IsDayText(string name) => name == "ToShortDateString" || name == "ToLongDateString";

        /// <summary>
        /// True for a date format that prints the day at most: the standard formats <c>d</c>, <c>D</c>, <c>m</c>/<c>M</c>
        /// and <c>y</c>/<c>Y</c>, and custom formats made only of year, month, day (and era) parts and literals
        /// (<c>yyyy-MM-dd</c>, <c>dddd d MMMM</c>). Any hour, minute, second, fraction, AM/PM or offset part — or the
        /// default format, which includes the time — is not.
        /// </summary>
        public static bool IsDayOnlyFormat(string? format)
        {
            if (string.IsNullOrEmpty(format))
            {
                return false;
            }

            if (format!.Length == 1)
            {
                return "dDmMyY".IndexOf(format[0]) >= 0;
            }

            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                switch (c)
                {
                    case '\'':
                    case '"':
                        // A quoted literal: "'Today is' yyyy".
                        var end = format.IndexOf(c, i + 1);
                        if (end < 0)
                        {
                            return false;
                        }

                        i = end;
                        break;
                    case '\\':
                        i++;
                        break;
                    case 'h':
                    case 'H':
                    case 'm':
                    case 's':
                    case 'f':
                    case 'F':
                    case 't':
                    case 'z':
                    case 'K':
                        return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when every format item of a composite format (<c>"Today {0:yyyy-MM-dd}"</c>) that prints argument
        /// <paramref name="index"/> has a day-only format; also when none prints it. An unreadable format says no.
        /// </summary>
        public static bool IsDayOnlyCompositeItem(string format, int index)
        {
            for (var i = 0; i < format.Length; i++)
            {
                if (format[i] != '{')
                {
                    continue;
                }

                if (i + 1 < format.Length && format[i + 1] == '{')
                {
                    i++;
                    continue;
                }

                var close = format.IndexOf('}', i + 1);
                if (close < 0)
                {
                    return false;
                }

                var item = format.Substring(i + 1, close - i - 1);
                var colon = item.IndexOf(':');
                var head = colon < 0 ? item : item.Substring(0, colon);
                var comma = head.IndexOf(',');
                if (!int.TryParse((comma < 0 ? head : head.Substring(0, comma)).Trim(), out var referenced))
                {
                    return false;
                }

                if (referenced == index && (colon < 0 || !IsDayOnlyFormat(item.Substring(colon + 1))))
                {
                    return false;
                }

                i = close;
            }

            return true;
        }

        public static bool Is(ITypeSymbol? type, INamedTypeSymbol? known)
            => type != null && known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
    }
}
