using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The optional <c>deepseek.catalog.json</c> AdditionalFile (schema: docs/catalog.md): adds or replaces model ids,
    /// aliases (retired or legacy), tiered prices and legacy prices without a new release of the package. A file with an error is ignored as a whole and
    /// reported once (DSK000), so a half-edited file never changes what the rules say.
    /// </summary>
    internal static class CatalogFile
    {
        public const string FileName = "deepseek.catalog.json";

        /// <summary>The effective catalog for a compilation's AdditionalFiles, and the first file error, if any.</summary>
        public static EffectiveCatalog Load(
            ImmutableArray<AdditionalText> additionalFiles,
            CancellationToken cancellationToken,
            out CatalogFileError? error)
        {
            error = null;
            var catalog = EffectiveCatalog.Base;
            foreach (var file in additionalFiles)
            {
                if (!IsCatalogFile(file.Path))
                {
                    continue;
                }

                var text = file.GetText(cancellationToken);
                if (text == null)
                {
                    continue;
                }

                var applied = Apply(catalog, text.ToString(), out var fileError);
                if (fileError != null)
                {
                    error = error ?? new CatalogFileError(file.Path, text, fileError);
                    continue;
                }

                catalog = applied;
            }

            return catalog;
        }

        public static bool IsCatalogFile(string? path)
            => string.Equals(FilePaths.FileNameOf(path), FileName, StringComparison.OrdinalIgnoreCase);

        /// <summary>Applies one file's overrides; on error returns <paramref name="catalog"/> unchanged.</summary>
        public static EffectiveCatalog Apply(EffectiveCatalog catalog, string text, out JsonError? error)
        {
            var root = MiniJson.Parse(text, out error);
            if (error != null || root == null)
            {
                return catalog;
            }

            if (!(root is JsonObjectNode document))
            {
                error = new JsonError(root.Start, 1, "the file must hold a JSON object");
                return catalog;
            }

            var models = new List<CatalogModel>(catalog.Models);
            var aliases = new List<CatalogAlias>(catalog.Aliases);
            var prices = new List<ModelPrice>(catalog.Prices);
            var legacyPrices = new List<LegacyPrice>(catalog.LegacyPrices);

            var modelsNode = document.Get("models");
            if (modelsNode != null && !ApplyModels(modelsNode, models, prices, out error))
            {
                return catalog;
            }

            var aliasesNode = document.Get("aliases");
            if (aliasesNode != null && !ApplyAliases(aliasesNode, models, aliases, prices, out error))
            {
                return catalog;
            }

            var legacyNode = document.Get("legacyPrices");
            if (legacyNode != null && !ApplyLegacyPrices(legacyNode, models, aliases, legacyPrices, out error))
            {
                return catalog;
            }

            return new EffectiveCatalog(models.ToImmutableArray(), aliases.ToImmutableArray(), prices.ToImmutableArray(), legacyPrices.ToImmutableArray());
        }

        private static bool ApplyModels(JsonNode node, List<CatalogModel> models, List<ModelPrice> prices, out JsonError? error)
        {
            if (!TryGetObjects(node, "models", out var entries, out error))
            {
                return false;
            }

            foreach (var entry in entries)
            {
                if (!TryGetId(entry, "id", out var id, out error))
                {
                    return false;
                }

                var index = models.FindIndex(m => string.Equals(m.Id, id, StringComparison.Ordinal));
                var existing = index >= 0 ? models[index] : null;
                if (!TryGetBool(entry, "thinkingByDefault", existing?.ThinkingByDefault ?? true, out var thinking, out error)
                    || !TryGetString(entry, "description", existing?.Description ?? id, out var description, out error)
                    || !TryGetDate(entry, "since", existing?.Since ?? DateTimeOffset.MinValue, out var since, out error))
                {
                    return false;
                }

                var model = new CatalogModel(id, thinking, description, since);
                if (index >= 0)
                {
                    models[index] = model;
                }
                else
                {
                    models.Add(model);
                }

                var priceNode = entry.Get("price");
                if (priceNode != null)
                {
                    if (!TryReadModelPrice(priceNode, id, since, out var price, out error))
                    {
                        return false;
                    }

                    prices.RemoveAll(p => string.Equals(p.Model, id, StringComparison.Ordinal));
                    prices.Add(price!);
                }
            }

            return true;
        }

        private static bool ApplyAliases(JsonNode node, List<CatalogModel> models, List<CatalogAlias> aliases, List<ModelPrice> prices, out JsonError? error)
        {
            if (!TryGetObjects(node, "aliases", out var entries, out error))
            {
                return false;
            }

            foreach (var entry in entries)
            {
                if (!TryGetId(entry, "alias", out var alias, out error) || !TryGetId(entry, "model", out var target, out error))
                {
                    return false;
                }

                // An alias demotes the model of the same id: DSK002 or DSK011 from now on, priced as what replaces it.
                models.RemoveAll(m => string.Equals(m.Id, alias, StringComparison.OrdinalIgnoreCase));
                prices.RemoveAll(p => string.Equals(p.Model, alias, StringComparison.OrdinalIgnoreCase));
                if (!models.Exists(m => string.Equals(m.Id, target, StringComparison.Ordinal)))
                {
                    error = new JsonError(entry.Get("model")!.Start, 1, $"alias '{alias}' maps to '{target}', which is not a model id of the catalog");
                    return false;
                }

                var existing = aliases.Find(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase));
                if (!TryGetBool(entry, "thinking", existing?.Thinking ?? true, out var thinking, out error)
                    || !TryGetStatus(entry, existing?.Status ?? AliasStatus.Retired, out var status, out error)
                    || !TryGetDate(entry, "since", existing?.Since ?? DeepSeekCatalog.AliasRetirement, out var since, out error)
                    || !TryGetDate(entry, "retiredAfter", since, out since, out error))
                {
                    return false;
                }

                aliases.RemoveAll(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase));

                // Names that mapped to the demoted model now map to what replaces it (deepseek-chat follows a renamed Flash).
                for (var i = 0; i < aliases.Count; i++)
                {
                    var other = aliases[i];
                    if (string.Equals(other.CurrentModel, alias, StringComparison.OrdinalIgnoreCase))
                    {
                        aliases[i] = new CatalogAlias(other.Alias, target, other.Thinking, other.Status, other.Since);
                    }
                }

                aliases.Add(new CatalogAlias(alias, target, thinking, status, since));
            }

            return true;
        }

        private static bool ApplyLegacyPrices(JsonNode node, List<CatalogModel> models, List<CatalogAlias> aliases, List<LegacyPrice> legacyPrices, out JsonError? error)
        {
            if (!TryGetObjects(node, "legacyPrices", out var entries, out error))
            {
                return false;
            }

            foreach (var entry in entries)
            {
                if (!TryGetString(entry, "generation", string.Empty, out var generation, out error) || generation.Trim().Length == 0)
                {
                    error ??= new JsonError(entry.Start, 1, "each entry of \"legacyPrices\" needs \"generation\": a non-empty string");
                    return false;
                }

                if (!TryGetRole(entry, out var role, out error)
                    || !TryGetPrice(entry, "price", "\"legacyPrices\"", out var perMillion, out error)
                    || !TryGetDate(entry, "since", DateTimeOffset.MinValue, out var since, out error))
                {
                    return false;
                }

                var model = DeepSeekCatalog.FindAlias(aliases, DeepSeekCatalog.DefaultTargetModel)?.CurrentModel ?? DeepSeekCatalog.DefaultTargetModel;
                if (entry.Get("model") != null)
                {
                    if (!TryGetId(entry, "model", out model, out error))
                    {
                        return false;
                    }

                    if (!models.Exists(m => string.Equals(m.Id, model, StringComparison.Ordinal)))
                    {
                        error = new JsonError(entry.Get("model")!.Start, 1, $"legacy price '{generation}' is replaced by '{model}', which is not a model id of the catalog");
                        return false;
                    }
                }

                // Same generation and role: the file's figure replaces the built-in one.
                legacyPrices.RemoveAll(p => p.Role == role && string.Equals(p.Generation, generation, StringComparison.OrdinalIgnoreCase));
                legacyPrices.Add(new LegacyPrice(generation, role, perMillion, model, since));
            }

            return true;
        }

        private static bool TryGetObjects(JsonNode node, string name, out List<JsonObjectNode> entries, out JsonError? error)
        {
            entries = new List<JsonObjectNode>();
            error = null;
            if (!(node is JsonArrayNode array))
            {
                error = new JsonError(node.Start, 1, $"\"{name}\" must be an array");
                return false;
            }

            foreach (var item in array.Items)
            {
                if (!(item is JsonObjectNode entry))
                {
                    error = new JsonError(item.Start, 1, $"each entry of \"{name}\" must be an object");
                    return false;
                }

                entries.Add(entry);
            }

            return true;
        }

        /// <summary>A flat price (one table for every hour) or <c>{ "peak": {…}, "offPeak": {…} }</c>.</summary>
        private static bool TryReadModelPrice(JsonNode node, string id, DateTimeOffset since, out ModelPrice? price, out JsonError? error)
        {
            price = null;
            if (!(node is JsonObjectNode entry))
            {
                error = new JsonError(node.Start, 1, "\"price\" must be an object");
                return false;
            }

            var peakNode = entry.Get("peak");
            var offPeakNode = entry.Get("offPeak");
            if (peakNode == null && offPeakNode == null)
            {
                if (!TryReadPrice(entry, "\"price\"", out var flat, out error))
                {
                    return false;
                }

                price = new ModelPrice(id, flat!, flat!, since);
                return true;
            }

            if (!(peakNode is JsonObjectNode peakEntry) || !(offPeakNode is JsonObjectNode offPeakEntry))
            {
                error = new JsonError((peakNode ?? offPeakNode ?? node).Start, 1, "a tiered \"price\" needs both \"peak\" and \"offPeak\" objects");
                return false;
            }

            if (!TryReadPrice(peakEntry, "\"peak\"", out var peak, out error) || !TryReadPrice(offPeakEntry, "\"offPeak\"", out var offPeak, out error))
            {
                return false;
            }

            price = new ModelPrice(id, peak!, offPeak!, since);
            return true;
        }

        private static bool TryReadPrice(JsonObjectNode entry, string owner, out CatalogPrice? price, out JsonError? error)
        {
            price = null;
            if (!TryGetPrice(entry, "cacheHitInput", owner, out var hit, out error)
                || !TryGetPrice(entry, "cacheMissInput", owner, out var miss, out error)
                || !TryGetPrice(entry, "output", owner, out var output, out error))
            {
                return false;
            }

            price = new CatalogPrice(hit, miss, output);
            return true;
        }

        private static bool TryGetStatus(JsonObjectNode entry, AliasStatus fallback, out AliasStatus status, out JsonError? error)
        {
            status = fallback;
            error = null;
            var node = entry.Get("status");
            if (node == null)
            {
                return true;
            }

            if (node is JsonStringNode text)
            {
                if (string.Equals(text.Value, "retired", StringComparison.OrdinalIgnoreCase))
                {
                    status = AliasStatus.Retired;
                    return true;
                }

                if (string.Equals(text.Value, "legacy", StringComparison.OrdinalIgnoreCase))
                {
                    status = AliasStatus.Legacy;
                    return true;
                }
            }

            error = new JsonError(node.Start, 1, "\"status\" must be \"retired\" (no longer answers) or \"legacy\" (still served)");
            return false;
        }

        private static bool TryGetRole(JsonObjectNode entry, out PriceRole role, out JsonError? error)
        {
            role = PriceRole.Output;
            error = null;
            var node = entry.Get("role");
            if (node is JsonStringNode text)
            {
                foreach (PriceRole candidate in new[] { PriceRole.CacheHitInput, PriceRole.CacheMissInput, PriceRole.Output })
                {
                    if (string.Equals(text.Value, candidate.ToString(), StringComparison.OrdinalIgnoreCase))
                    {
                        role = candidate;
                        return true;
                    }
                }
            }

            error = new JsonError(node?.Start ?? entry.Start, 1, "\"role\" must be \"cacheHitInput\", \"cacheMissInput\" or \"output\"");
            return false;
        }

        private static bool TryGetPrice(JsonObjectNode entry, string name, string owner, out decimal value, out JsonError? error)
        {
            value = 0;
            error = null;
            var node = entry.Get(name);
            if (!(node is JsonNumberNode number) || !number.TryGetDecimal(out value) || value < 0)
            {
                error = new JsonError(node?.Start ?? entry.Start, 1, $"{owner} needs \"{name}\": a non-negative number (USD per 1M tokens)");
                return false;
            }

            return true;
        }

        /// <summary>A model id or alias: a non-empty string without spaces.</summary>
        private static bool TryGetId(JsonObjectNode entry, string name, out string value, out JsonError? error)
        {
            value = string.Empty;
            error = null;
            var node = entry.Get(name);
            if (!(node is JsonStringNode text) || text.Value.Trim().Length == 0 || text.Value.IndexOf(' ') >= 0)
            {
                error = new JsonError(node?.Start ?? entry.Start, 1, $"\"{name}\" must be a non-empty model id without spaces");
                return false;
            }

            value = text.Value.Trim();
            return true;
        }

        private static bool TryGetBool(JsonObjectNode entry, string name, bool fallback, out bool value, out JsonError? error)
        {
            value = fallback;
            error = null;
            var node = entry.Get(name);
            if (node == null)
            {
                return true;
            }

            if (node is JsonLiteralNode literal && literal.Value.HasValue)
            {
                value = literal.Value.Value;
                return true;
            }

            error = new JsonError(node.Start, 1, $"\"{name}\" must be true or false");
            return false;
        }

        private static bool TryGetString(JsonObjectNode entry, string name, string fallback, out string value, out JsonError? error)
        {
            value = fallback;
            error = null;
            var node = entry.Get(name);
            if (node == null)
            {
                return true;
            }

            if (node is JsonStringNode text)
            {
                value = text.Value;
                return true;
            }

            error = new JsonError(node.Start, 1, $"\"{name}\" must be a string");
            return false;
        }

        private static bool TryGetDate(JsonObjectNode entry, string name, DateTimeOffset fallback, out DateTimeOffset value, out JsonError? error)
        {
            value = fallback;
            error = null;
            var node = entry.Get(name);
            if (node == null)
            {
                return true;
            }

            if (node is JsonStringNode text
                && DateTimeOffset.TryParse(text.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value))
            {
                return true;
            }

            error = new JsonError(node.Start, 1, $"\"{name}\" must be an ISO 8601 date (e.g. 2026-07-24T15:59:00Z)");
            return false;
        }
    }

    /// <summary>The first error in a <c>deepseek.catalog.json</c>, with where it is.</summary>
    internal sealed class CatalogFileError
    {
        public CatalogFileError(string path, SourceText text, JsonError error)
        {
            Path = path;
            Message = error.Message;
            var start = Math.Max(0, Math.Min(error.Offset, text.Length));
            var length = Math.Max(0, Math.Min(error.Length, text.Length - start));
            var span = new TextSpan(start, length);
            Location = Location.Create(path, span, text.Lines.GetLinePositionSpan(span));
        }

        public string Path { get; }

        public string Message { get; }

        public Location Location { get; }
    }
}
