using System;
using System.Linq;
using System.Collections.Immutable;
using DeepSeek.Catalog;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The catalog the rules use: <see cref="DeepSeekCatalog"/> plus the project's <c>deepseek.catalog.json</c>
    /// overrides (docs/catalog.md). Built once per compilation; lookups allocate nothing.
    /// </summary>
    internal sealed class EffectiveCatalog
    {
        public static readonly EffectiveCatalog Base = new EffectiveCatalog(
            DeepSeekCatalog.Models.ToImmutableArray(),
            DeepSeekCatalog.Aliases.ToImmutableArray(),
            ImmutableArray.Create(DeepSeekCatalog.V4FlashPrice, DeepSeekCatalog.V4ProPrice));

        public EffectiveCatalog(
            ImmutableArray<CatalogModel> models,
            ImmutableArray<CatalogAlias> aliases,
            ImmutableArray<CatalogPrice> prices)
        {
            Models = models;
            Aliases = aliases;
            _modelArray = models.ToArray();
            _aliasArray = aliases.ToArray();
            Prices = prices;
            var min = int.MaxValue;
            foreach (var alias in aliases)
            {
                min = Math.Min(min, alias.Alias.Length);
            }

            MinAliasLength = min;
        }

        /// <summary>Model ids api.deepseek.com serves (base ids plus those the file adds).</summary>
        // Plain arrays for the per-literal lookups: an ImmutableArray passed as IReadOnlyList would be boxed on every call.
        private readonly CatalogModel[] _modelArray;
        private readonly CatalogAlias[] _aliasArray;

        public ImmutableArray<CatalogModel> Models { get; }

        /// <summary>Retired aliases (base aliases plus those the file adds; an alias wins over a model of the same id).</summary>
        public ImmutableArray<CatalogAlias> Aliases { get; }

        /// <summary>Current prices per model id (<see cref="CatalogPrice.Name"/> is the model id).</summary>
        public ImmutableArray<CatalogPrice> Prices { get; }

        /// <summary>Length of the shortest alias (<see cref="int.MaxValue"/> when there is none): a cheap first filter.</summary>
        public int MinAliasLength { get; }

        /// <summary>The current model for <paramref name="modelId"/>, compared exactly as the API does, or null.</summary>
        public CatalogModel? FindModel(string? modelId) => DeepSeekCatalog.FindModel(_modelArray, modelId);

        /// <summary>The retired alias entry for <paramref name="modelId"/> (case-insensitive), or null.</summary>
        public CatalogAlias? FindAlias(string? modelId)
            => modelId == null || modelId.Length < MinAliasLength ? null : DeepSeekCatalog.FindAlias(_aliasArray, modelId);

        /// <summary>True for a current id or a retired alias: either says the code talks to DeepSeek.</summary>
        public bool IsCatalogId(string? value) => FindModel(value) != null || FindAlias(value) != null;

        /// <summary>True for a current model id compared case-insensitively (for migration-table detection).</summary>
        public bool IsCurrentModelIdIgnoreCase(string value)
        {
            foreach (var model in Models)
            {
                if (string.Equals(model.Id, value, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The current price of a model id (an alias maps to its current model), or null.</summary>
        public CatalogPrice? FindPrice(string? modelId)
        {
            var alias = FindAlias(modelId);
            var id = alias != null ? alias.CurrentModel : modelId;
            foreach (var price in Prices)
            {
                if (string.Equals(price.Name, id, StringComparison.Ordinal))
                {
                    return price;
                }
            }

            return null;
        }
    }
}
