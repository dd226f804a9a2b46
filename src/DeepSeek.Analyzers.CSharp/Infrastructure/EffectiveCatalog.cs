using System;
using System.Collections.Immutable;
using System.Linq;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The catalog the rules and their fixes use: <see cref="DeepSeekCatalog"/> plus the project's <c>deepseek.catalog.json</c>
    /// overrides (docs/catalog.md). Built once per compilation; lookups allocate nothing. Nothing in the analyzers or fixes
    /// reads model ids, aliases or prices from <see cref="DeepSeekCatalog"/> directly, so the file applies everywhere.
    /// </summary>
    internal sealed class EffectiveCatalog
    {
        public static readonly EffectiveCatalog Base = new EffectiveCatalog(
            DeepSeekCatalog.Models.ToImmutableArray(),
            DeepSeekCatalog.Aliases.ToImmutableArray(),
            DeepSeekCatalog.Prices.ToImmutableArray(),
            DeepSeekCatalog.LegacyPrices.ToImmutableArray());

        // Plain arrays for the per-literal lookups: an ImmutableArray passed as IReadOnlyList would be boxed on every call.
        private readonly CatalogModel[] _modelArray;
        private readonly CatalogAlias[] _aliasArray;
        private readonly ModelPrice[] _priceArray;

        public EffectiveCatalog(
            ImmutableArray<CatalogModel> models,
            ImmutableArray<CatalogAlias> aliases,
            ImmutableArray<ModelPrice> prices,
            ImmutableArray<LegacyPrice> legacyPrices)
        {
            Models = models;
            Aliases = aliases;
            Prices = prices;
            LegacyPrices = legacyPrices;
            _modelArray = models.ToArray();
            _aliasArray = aliases.ToArray();
            _priceArray = prices.ToArray();
            var min = int.MaxValue;
            foreach (var alias in aliases)
            {
                min = Math.Min(min, alias.Alias.Length);
            }

            MinAliasLength = min;
        }

        /// <summary>Model ids api.deepseek.com serves (base ids plus those the file adds).</summary>
        public ImmutableArray<CatalogModel> Models { get; }

        /// <summary>Old names, retired or legacy (base aliases plus those the file adds; an alias wins over a model of the same id).</summary>
        public ImmutableArray<CatalogAlias> Aliases { get; }

        /// <summary>Current prices per model id, peak and off-peak.</summary>
        public ImmutableArray<ModelPrice> Prices { get; }

        /// <summary>Prices DeepSeek no longer bills, each for its role.</summary>
        public ImmutableArray<LegacyPrice> LegacyPrices { get; }

        /// <summary>Names that look like API ids but never were (not overridable: a file that adds one as a model makes it an id).</summary>
        public System.Collections.Generic.IReadOnlyList<NonApiModelFamily> NonApiModelFamilies => DeepSeekCatalog.NonApiModelFamilies;

        /// <summary>Length of the shortest alias (<see cref="int.MaxValue"/> when there is none): a cheap first filter.</summary>
        public int MinAliasLength { get; }

        /// <summary>The current model for <paramref name="modelId"/>, compared exactly as the API does, or null.</summary>
        public CatalogModel? FindModel(string? modelId) => DeepSeekCatalog.FindModel(_modelArray, modelId);

        /// <summary>The alias entry (retired or legacy) for <paramref name="modelId"/> (case-insensitive), or null.</summary>
        public CatalogAlias? FindAlias(string? modelId)
            => modelId == null || modelId.Length < MinAliasLength ? null : DeepSeekCatalog.FindAlias(_aliasArray, modelId);

        /// <summary>True for a current id or an alias: either says the code talks to DeepSeek.</summary>
        public bool IsCatalogId(string? value) => FindModel(value) != null || FindAlias(value) != null;

        /// <summary>
        /// True for an id that still answers, compared case-insensitively: a current model id or a legacy name (for
        /// migration-table detection: an old id beside one that works is code that maps the old to the new).
        /// </summary>
        public bool IsServedIdIgnoreCase(string value)
        {
            foreach (var model in _modelArray)
            {
                if (string.Equals(model.Id, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            var alias = FindAlias(value);
            return alias != null && alias.IsLegacy;
        }

        /// <summary>
        /// True for any DeepSeek model name the catalog knows, in any case: a current id, a legacy or retired alias, or a
        /// name of a non-API family (<c>deepseek-r1</c>). What is not one (<c>deepseek</c>, <c>deepseek-openai</c>) names a
        /// provider or a setting, not a model.
        /// </summary>
        public bool IsKnownModelName(string value)
        {
            if (IsServedIdIgnoreCase(value) || FindAlias(value) != null)
            {
                return true;
            }

            foreach (var family in NonApiModelFamilies)
            {
                if (value.StartsWith(family.Prefix, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The id a fix writes for <paramref name="modelId"/>: an alias's current model, any other id unchanged. The target
        /// model of the options goes through here too, so a file that renames it moves the fixes along.
        /// </summary>
        public string CurrentIdFor(string modelId)
        {
            var alias = FindAlias(modelId);
            return alias != null ? alias.CurrentModel : modelId;
        }

        /// <summary>The current price of a model id (an alias is priced as the model that replaces it), or null.</summary>
        public ModelPrice? FindPrice(string? modelId) => DeepSeekCatalog.FindPrice(_aliasArray, _priceArray, modelId);

        /// <summary>True when JSON text names a catalog id (model or alias) as a <c>model</c> value: DeepSeek evidence.</summary>
        public bool HasJsonCatalogId(string text)
        {
            var index = 0;
            while ((index = JsonModelText.NextModelValue(text, "\"", index, out var length)) >= 0)
            {
                if (IsCatalogId(text, index, length))
                {
                    return true;
                }

                index += length;
            }

            return false;
        }

        /// <summary>A part of <paramref name="text"/> is a model id or an alias (case-insensitive), found without allocating.</summary>
        public bool IsCatalogId(string text, int start, int length)
        {
            foreach (var model in _modelArray)
            {
                // Case-insensitive here: JSON text is evidence, not an id to check (DSK004 compares exactly).
                if (model.Id.Length == length && string.Compare(text, start, model.Id, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            foreach (var alias in _aliasArray)
            {
                if (alias.Alias.Length == length && string.Compare(text, start, alias.Alias, 0, length, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
