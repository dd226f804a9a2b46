using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The optional <c>deepseek.catalog.json</c> AdditionalFile (schema: docs/catalog.md): adds or replaces model ids,
    /// aliases and prices without a new release of the package. A file with an error is ignored as a whole and
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
        {
            if (string.IsNullOrEmpty(path))
            {
                return false;
            }

            try
            {
                return string.Equals(Path.GetFileName(path), FileName, StringComparison.OrdinalIgnoreCase);
            }
            catch (ArgumentException)
            {
                // An additional file path with characters this platform rejects is not ours.
                return false;
            }
        }

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
            var prices = new List<CatalogPrice>(catalog.Prices);

            var modelsNode = document.Get("models");
            if (modelsNode != null && !ApplyModels(modelsNode, models, prices, out error))
            {
                return catalog;
            }

            var aliasesNode = document.Get("aliases");
            if (aliasesNode != null && !ApplyAliases(aliasesNode, models, aliases, out error))
            {
                return catalog;
            }

            return new EffectiveCatalog(models.ToImmutableArray(), aliases.ToImmutableArray(), prices.ToImmutableArray());
        }

        private static bool ApplyModels(JsonNode node, List<CatalogModel> models, List<CatalogPrice> prices, out JsonError? error)
        {
            error = null;
            if (!(node is JsonArrayNode array))
            {
                error = new JsonError(node.Start, 1, "\"models\" must be an array");
                return false;
            }

            foreach (var item in array.Items)
            {
                if (!(item is JsonObjectNode entry))
                {
                    error = new JsonError(item.Start, 1, "each entry of \"models\" must be an object");
                    return false;
                }

                if (!TryGetId(entry, "id", out var id, out error))
                {
                    return false;
                }

                var index = models.FindIndex(m => string.Equals(m.Id, id, StringComparison.Ordinal));
                var existing = index >= 0 ? models[index] : null;
                if (!TryGetBool(entry, "thinkingByDefault", existing?.ThinkingByDefault ?? true, out var thinking, out error)
                    || !TryGetString(entry, "description", existing?.Description ?? id, out var description, out error))
                {
                    return false;
                }

                var model = new CatalogModel(id, thinking, description);
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
                    if (!TryReadPrice(priceNode, id, out var price, out error))
                    {
                        return false;
                    }

                    prices.RemoveAll(p => string.Equals(p.Name, id, StringComparison.Ordinal));
                    prices.Add(price!);
                }
            }

            return true;
        }

        private static bool ApplyAliases(JsonNode node, List<CatalogModel> models, List<CatalogAlias> aliases, out JsonError? error)
        {
            error = null;
            if (!(node is JsonArrayNode array))
            {
                error = new JsonError(node.Start, 1, "\"aliases\" must be an array");
                return false;
            }

            foreach (var item in array.Items)
            {
                if (!(item is JsonObjectNode entry))
                {
                    error = new JsonError(item.Start, 1, "each entry of \"aliases\" must be an object");
                    return false;
                }

                if (!TryGetId(entry, "alias", out var alias, out error) || !TryGetId(entry, "model", out var target, out error))
                {
                    return false;
                }

                // An alias retires the model of the same id: it is DSK002 from now on.
                models.RemoveAll(m => string.Equals(m.Id, alias, StringComparison.OrdinalIgnoreCase));
                if (!models.Exists(m => string.Equals(m.Id, target, StringComparison.Ordinal)))
                {
                    error = new JsonError(entry.Get("model")!.Start, 1, $"alias '{alias}' maps to '{target}', which is not a model id of the catalog");
                    return false;
                }

                var existing = aliases.Find(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase));
                if (!TryGetBool(entry, "thinking", existing?.Thinking ?? true, out var thinking, out error)
                    || !TryGetDate(entry, "retiredAfter", existing?.RetiredAfter ?? DeepSeekCatalog.AliasRetirement, out var retired, out error))
                {
                    return false;
                }

                aliases.RemoveAll(a => string.Equals(a.Alias, alias, StringComparison.OrdinalIgnoreCase));
                aliases.Add(new CatalogAlias(alias, target, thinking, retired));
            }

            return true;
        }

        private static bool TryReadPrice(JsonNode node, string id, out CatalogPrice? price, out JsonError? error)
        {
            price = null;
            error = null;
            if (!(node is JsonObjectNode entry))
            {
                error = new JsonError(node.Start, 1, "\"price\" must be an object");
                return false;
            }

            if (!TryGetPrice(entry, "cacheHitInput", out var hit, out error)
                || !TryGetPrice(entry, "cacheMissInput", out var miss, out error)
                || !TryGetPrice(entry, "output", out var output, out error))
            {
                return false;
            }

            price = new CatalogPrice(id, hit, miss, output);
            return true;
        }

        private static bool TryGetPrice(JsonObjectNode entry, string name, out decimal value, out JsonError? error)
        {
            value = 0;
            error = null;
            var node = entry.Get(name);
            if (!(node is JsonNumberNode number) || !number.TryGetDecimal(out value) || value < 0)
            {
                error = new JsonError(node?.Start ?? entry.Start, 1, $"\"price\" needs \"{name}\": a non-negative number (USD per 1M tokens)");
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
