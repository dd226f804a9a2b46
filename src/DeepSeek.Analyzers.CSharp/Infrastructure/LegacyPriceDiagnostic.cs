using System;
using System.Collections.Immutable;
using System.Globalization;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What a DSK005 diagnostic tells its fix (diagnostic properties): the role, the unit, today's peak price in that unit
    /// and the model it belongs to, read from the effective catalog by the analyzer so the fix cannot disagree with it.
    /// </summary>
    internal static class LegacyPriceDiagnostic
    {
        public const string RoleProperty = "Role";
        public const string UnitProperty = "Unit";
        public const string ValueProperty = "Value";
        public const string ModelProperty = "Model";

        /// <summary>"true" when DeepSeek.Runtime's compiled-in price for the model and role is the effective one (no catalog file changed it).</summary>
        public const string RuntimeMatchesProperty = "RuntimeMatches";

        public static ImmutableDictionary<string, string?> Create(PriceRole role, PriceUnit unit, decimal value, string model, bool runtimeMatches)
            => ImmutableDictionary<string, string?>.Empty
                .Add(RoleProperty, role.ToString())
                .Add(UnitProperty, unit.ToString())
                .Add(ValueProperty, value.ToString(CultureInfo.InvariantCulture))
                .Add(ModelProperty, model)
                .Add(RuntimeMatchesProperty, runtimeMatches ? "true" : "false");

        public static bool TryRead(
            ImmutableDictionary<string, string?> properties, out PriceRole role, out PriceUnit unit, out decimal value, out string model, out bool runtimeMatches)
        {
            role = default;
            unit = default;
            value = default;
            model = string.Empty;
            runtimeMatches = properties.TryGetValue(RuntimeMatchesProperty, out var matches) && matches == "true";
            if (!properties.TryGetValue(RoleProperty, out var roleText) || !Enum.TryParse(roleText, out role)
                || !properties.TryGetValue(UnitProperty, out var unitText) || !Enum.TryParse(unitText, out unit)
                || !properties.TryGetValue(ValueProperty, out var valueText)
                || !decimal.TryParse(valueText, NumberStyles.Number, CultureInfo.InvariantCulture, out value)
                || !properties.TryGetValue(ModelProperty, out var modelText) || modelText == null)
            {
                return false;
            }

            model = modelText;
            return true;
        }

        public static string RoleText(PriceRole role)
        {
            switch (role)
            {
                case PriceRole.CacheHitInput:
                    return "cache-hit input";
                case PriceRole.CacheMissInput:
                    return "cache-miss input";
                default:
                    return "output";
            }
        }

        public static string UnitText(PriceUnit unit)
        {
            switch (unit)
            {
                case PriceUnit.PerThousandTokens:
                    return "USD per 1K tokens";
                case PriceUnit.PerToken:
                    return "USD per token";
                default:
                    return "USD per 1M tokens";
            }
        }
    }
}
