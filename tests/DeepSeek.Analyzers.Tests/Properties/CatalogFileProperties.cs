using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The catalog-file reader: <c>deepseek.catalog.json</c> applied over the built-in catalog, errors as DSK000.</summary>
    public class CatalogFileProperties
    {
        // A property, not a field: Files is initialised further down.
        private static Gen<string> Text => Gen.Frequency(
            (1, TextGen.Any),
            (2, TextGen.From(TextGen.JsonTokens, 30)),
            (2, FilesWithMistakes.Select(f => f.Text)));

        /// <summary>A valid file and what it declares.</summary>
        private sealed record File(string Text, IReadOnlyList<(string Id, decimal[]? Price)> Models, IReadOnlyList<(string Alias, string Model)> Aliases)
        {
            public override string ToString() => Property.Escape(Text);
        }

        private static readonly Gen<string> Id = Gen.OneOf(
            Gen.OneOf("deepseek-flash", "deepseek-v5", "deepseek-v4-flash", "deepseek-v4-pro", "my-model", "x", "DeepSeek-Chat", "é", "\uD83D\uDE00"),
            Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789-.:/"].Array[1, 12].Select(c => new string(c)));

        private static readonly Gen<decimal> Price = Gen.OneOf(
            Gen.OneOf(0m, 0.0028m, 0.14m, 0.28m, 1.74m, 1000m),
            Gen.Int[0, 100000].Select(i => i / 10000m));

        /// <summary>Files a user could write by mistake: negative prices (the reader must refuse them, not apply them).</summary>
        private static readonly Gen<decimal> AnyPrice = Gen.Frequency((4, Price), (1, Gen.OneOf(-0.14m, -1m, -0.0001m)));

        private static readonly Gen<File> Files = FilesWith(Price);

        private static readonly Gen<File> FilesWithMistakes = FilesWith(AnyPrice);

        private static Gen<File> FilesWith(Gen<decimal> price) =>
            from models in Gen.Select(Id, Gen.Bool, price.Array[3, 3]).Array[0, 4]
            from aliasCount in Gen.Int[0, 3]
            from aliasNames in Id.Array[aliasCount, aliasCount]
            from comments in Gen.Bool
            select Build(models, aliasNames, comments);

        private static File Build((string Id, bool HasPrice, decimal[] Price)[] models, string[] aliasNames, bool comments)
        {
            // Every alias maps to a model the file declares and no alias shares a name with a declared model (it would retire it).
            var ids = models.Select(m => m.Id).Distinct(StringComparer.Ordinal).ToList();
            var modelEntries = models.Select(m => (m.Id, m.HasPrice ? m.Price : null)).ToList();
            var aliases = ids.Count == 0 ? new List<(string, string)>() : aliasNames
                .Where(a => !ids.Any(id => string.Equals(id, a, StringComparison.OrdinalIgnoreCase)))
                .Select((a, i) => (a, ids[i % ids.Count]))
                .ToList();

            var parts = new List<string>();
            if (comments)
            {
                parts.Add("// deepseek.catalog.json\n");
            }

            parts.Add("{\n  \"$schema\": \"./catalog.schema.json\",\n  \"models\": [");
            parts.Add(string.Join(",", modelEntries.Select(m =>
                "\n    { \"id\": " + Quote(m.Id)
                + (m.Item2 == null ? string.Empty : ", \"price\": { \"cacheHitInput\": " + Number(m.Item2[0]) + ", \"cacheMissInput\": " + Number(m.Item2[1]) + ", \"output\": " + Number(m.Item2[2]) + " }")
                + (comments ? " /* model */" : string.Empty) + " }")));
            parts.Add(comments && modelEntries.Count > 0 ? ",\n  ],\n" : "\n  ],\n");
            parts.Add("  \"aliases\": [" + string.Join(",", aliases.Select(a => "\n    { \"alias\": " + Quote(a.Item1) + ", \"model\": " + Quote(a.Item2) + ", \"thinking\": false, \"retiredAfter\": \"2027-01-01T00:00:00Z\" }")) + "\n  ]\n}\n");
            return new File(string.Concat(parts), modelEntries, aliases);
        }

        private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

        private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

        [Fact]
        public void Applies_a_file_or_reports_an_error_inside_it_and_changes_nothing()
            => Property.Check(Text, text =>
            {
                var before = Scanners.BaseCatalog;
                var after = Scanners.ApplyCatalogFile(before, text, out var error);
                if (error != null)
                {
                    Assert.Same(before, after);
                    Assert.InRange(error.Offset, 0, text.Length);
                    Assert.InRange(error.Length, 0, text.Length - error.Offset);
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                    return;
                }

                foreach (var model in after.Models)
                {
                    AssertId(model.Id);
                }

                foreach (var alias in after.Aliases)
                {
                    AssertId(alias.Alias);
                    AssertId(alias.CurrentModel);
                }

                foreach (var price in after.Prices)
                {
                    foreach (var tier in new[] { price.Peak, price.OffPeak })
                    {
                        Assert.True(tier.CacheHitInput >= 0 && tier.CacheMissInput >= 0 && tier.Output >= 0, "a negative price");
                    }
                }
            });

        [Fact]
        public void A_valid_file_adds_its_models_prices_and_aliases()
            => Property.Check(Files, file =>
            {
                var catalog = Scanners.ApplyCatalogFile(Scanners.BaseCatalog, file.Text, out var error);
                Assert.True(error == null, error?.Message);
                foreach (var (id, price) in file.Models)
                {
                    Assert.NotNull(catalog.FindModel(id));
                    if (price != null)
                    {
                        var last = file.Models.Last(m => m.Id == id && m.Price != null).Price!;
                        // A flat price in the file is the same table at both tiers.
                        var entry = catalog.Prices.Single(p => p.Model == id);
                        Assert.Equal(last, new[] { entry.Peak.CacheHitInput, entry.Peak.CacheMissInput, entry.Peak.Output });
                        Assert.Equal(last, new[] { entry.OffPeak.CacheHitInput, entry.OffPeak.CacheMissInput, entry.OffPeak.Output });
                    }
                }

                foreach (var (alias, model) in file.Aliases)
                {
                    var entry = catalog.FindAlias(alias);
                    Assert.NotNull(entry);
                    Assert.False(entry!.Thinking);
                    Assert.Null(catalog.FindModel(alias));
                }
            }, iterations: 500);

        [Fact]
        public void Every_prefix_of_a_valid_file_is_read_without_throwing()
            => Property.Check(Files, file =>
            {
                // The user is typing the file: each half-typed state is a DSK000 or a catalog, never an exception.
                for (var length = 0; length < file.Text.Length; length++)
                {
                    var text = file.Text.Substring(0, length);
                    Scanners.ApplyCatalogFile(Scanners.BaseCatalog, text, out var error);
                    if (error != null)
                    {
                        Assert.InRange(error.Offset, 0, length);
                    }
                }
            }, iterations: 100);

        [Fact]
        public void Loading_AdditionalFiles_reports_the_first_error_at_a_location_inside_its_file()
            => Property.Check(
                Gen.Select(Gen.OneOf("/p/deepseek.catalog.json", "C:\\p\\DeepSeek.Catalog.JSON", "deepseek.catalog.json", "/p/other.json", "", "\0:*?<>|\"", "/p/deepseek.catalog.json\uD800"), Text, Text),
                (path, first, second) =>
                {
                    var files = ImmutableArray.Create<AdditionalText>(new TextFile(path, first), new TextFile("/q/deepseek.catalog.json", second));
                    var catalog = Scanners.LoadCatalogFiles(files, out var error);
                    Assert.NotNull(catalog);
                    if (error == null)
                    {
                        return;
                    }

                    Scanners.ApplyCatalogFile(Scanners.BaseCatalog, first, out var firstError);
                    var firstFails = Scanners.IsCatalogFile(path) && firstError != null;
                    Assert.Equal(firstFails ? path : "/q/deepseek.catalog.json", error.Path);
                    var text = firstFails ? first : second;
                    var span = error.Location.SourceSpan;
                    Assert.InRange(span.Start, 0, text.Length);
                    Assert.InRange(span.End, span.Start, text.Length);
                });

        private static void AssertId(string id)
        {
            Assert.False(string.IsNullOrWhiteSpace(id), "an empty id");
            Assert.DoesNotContain(" ", id, StringComparison.Ordinal);
            Assert.Equal(id.Trim(), id);
        }

        private sealed class TextFile : AdditionalText
        {
            private readonly string _text;

            public TextFile(string path, string text)
            {
                Path = path;
                _text = text;
            }

            public override string Path { get; }

            public override SourceText GetText(CancellationToken cancellationToken = default) => SourceText.From(_text);
        }
    }
}
