using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>DSK005's readers: the legacy-price matcher on literal text and the price/role classifier of names.</summary>
    public class PriceProperties
    {
        private static readonly PriceUnit[] Units = { PriceUnit.PerMillionTokens, PriceUnit.PerThousandTokens, PriceUnit.PerToken };
        private static readonly PriceRole[] Roles = { PriceRole.CacheHitInput, PriceRole.CacheMissInput, PriceRole.Output };

        private static readonly IReadOnlyList<(decimal PerMillion, PriceRole Role)> Legacy =
            Scanners.BaseCatalog.LegacyPrices.Select(p => (p.PerMillion, p.Role)).ToArray();

        private static readonly IReadOnlyList<(decimal PerMillion, PriceRole Role)> Current =
            Scanners.BaseCatalog.Prices.SelectMany(p => new[] { p.Peak, p.OffPeak })
                .SelectMany(tier => Roles.Select(role => (tier.For(role), role))).ToArray();

        /// <summary>Every value, in every unit, that is a legacy price in some role.</summary>
        private static readonly HashSet<decimal> LegacyValues =
            new HashSet<decimal>(Legacy.SelectMany(p => Units.Select(u => Scanners.InUnit(p.PerMillion, u))));

        /// <summary>A decimal written as a C# literal the way code does: any suffix, trailing zeros, digit separators, an exponent.</summary>
        private static Gen<string> Written(decimal value)
            => Gen.Select(Gen.OneOf("", "m", "M", "d", "D", "f", "F"),
                    Gen.Int[0, 3], Gen.Bool, Gen.Int[0, 3])
                .Select(t =>
                {
                    var (suffix, zeros, separators, style) = t;
                    var plain = value.ToString("0.############################", CultureInfo.InvariantCulture);
                    if (plain.IndexOf('.') < 0)
                    {
                        plain += ".0";
                    }

                    var text = plain + new string('0', zeros);
                    if (style == 3)
                    {
                        // Scientific: mantissa digits and an exponent (2.7e-7, 27E-8).
                        var digits = plain.Replace(".", string.Empty).TrimStart('0');
                        var exponent = -(plain.Length - plain.IndexOf('.') - 1);
                        text = digits + (separators ? "e" : "E") + exponent.ToString(CultureInfo.InvariantCulture);
                    }
                    else if (separators && text.Length > 3)
                    {
                        // A separator between two digits of the fraction.
                        var point = text.IndexOf('.');
                        if (point + 2 < text.Length)
                        {
                            text = text.Insert(point + 2, "_");
                        }
                    }

                    return text + suffix;
                });

        [Fact]
        public void Every_legacy_price_matches_in_every_unit_and_spelling()
            => Property.Check(
                Gen.Int[0, Legacy.Count - 1].SelectMany(i => Gen.Int[0, 2].SelectMany(u =>
                    Written(Scanners.InUnit(Legacy[i].PerMillion, Units[u])).Select(text => (i, u, text)))),
                t =>
                {
                    var (i, u, text) = t;
                    var (perMillion, role) = Legacy[i];
                    var match = Scanners.MatchLegacyPrice(Scanners.BaseCatalog, text, role);
                    Assert.NotNull(match);
                    var isCurrentInRole = Current.Any(c => c.Role == role && Units.Any(unit => Scanners.InUnit(c.PerMillion, unit) == Scanners.InUnit(perMillion, Units[u])));
                    Assert.Equal(!isCurrentInRole, match!.Value.Legacy);
                    if (match.Value.Legacy)
                    {
                        Assert.Equal(Units[u], match.Value.Unit);
                        Assert.Equal(role, match.Value.LegacyRole);
                        Assert.Equal(Scanners.InUnit(perMillion, Units[u]), Scanners.InUnit(match.Value.PerMillion, match.Value.Unit));
                    }
                },
                print: t => t.text);

        [Fact]
        public void Current_prices_are_never_legacy_in_their_role_nor_without_a_role()
            => Property.Check(
                Gen.Int[0, Current.Count - 1].SelectMany(i => Gen.Int[0, 2].SelectMany(u =>
                    Written(Scanners.InUnit(Current[i].PerMillion, Units[u])).Select(text => (i, text)))),
                t =>
                {
                    var (i, text) = t;
                    var inRole = Scanners.MatchLegacyPrice(Scanners.BaseCatalog, text, Current[i].Role);
                    var withoutRole = Scanners.MatchLegacyPrice(Scanners.BaseCatalog, text, null);
                    Assert.True(inRole == null || !inRole.Value.Legacy, text);
                    Assert.True(withoutRole == null || !withoutRole.Value.Legacy, text);
                },
                print: t => t.text);

        [Fact]
        public void Other_numbers_never_match()
            => Property.Check(
                Gen.Select(Gen.Long[1, 999_999_999], Gen.Int[0, 12]).SelectMany(t =>
                {
                    var value = new decimal((int)(t.Item1 & 0x7fffffff), 0, 0, false, (byte)t.Item2);
                    return Written(value).Select(text => (value, text));
                }),
                t => Assert.Equal(LegacyValues.Contains(t.value), Scanners.MatchLegacyPrice(Scanners.BaseCatalog, t.text, null) != null),
                print: t => t.text);

        [Fact]
        public void Integers_hex_and_non_numbers_never_match()
            => Property.Check(
                Gen.OneOf(Gen.Int[0, 100_000].Select(i => i.ToString(CultureInfo.InvariantCulture)),
                    Gen.Int[0, 100_000].Select(i => "0x" + i.ToString("X", CultureInfo.InvariantCulture)),
                    Gen.Int[0, 1000].Select(i => i.ToString(CultureInfo.InvariantCulture) + "L"),
                    TextGen.Any),
                text => Assert.Null(Scanners.MatchLegacyPrice(Scanners.BaseCatalog, text, null)));

        // ---- Names ----------------------------------------------------------------------------------------------------

        private static readonly string[] Fillers = { "default", "model", "flash", "value", "table", "v3", "max", "usage", "budget", "old", "base" };
        private static readonly string[] PriceWords = { "price", "pricing", "cost", "usd", "fee" };
        private static readonly string[] HitWords = { "hit", "cached" };
        private static readonly string[] MissWords = { "miss", "input", "prompt" };
        private static readonly string[] OutputWords = { "output", "completion" };

        /// <summary>Words written as a PascalCase, camelCase, snake_case, UPPER_SNAKE or kebab-case name.</summary>
        private static string Styled(IReadOnlyList<string> words, int style)
        {
            string Capital(string w) => char.ToUpperInvariant(w[0]) + w.Substring(1);
            switch (style)
            {
                case 0:
                    return string.Concat(words.Select(Capital));
                case 1:
                    return words[0] + string.Concat(words.Skip(1).Select(Capital));
                case 2:
                    return string.Join("_", words);
                case 3:
                    return string.Join("_", words).ToUpperInvariant();
                default:
                    return string.Join("-", words);
            }
        }

        private static readonly Gen<(List<string> Words, bool Hit, bool Miss, bool Output, bool Price, bool DeepSeek)> NameWords =
            Gen.Select(Gen.OneOf(Fillers).List[0, 3], Gen.Int[0, 4], Gen.Int[0, 3], Gen.Bool, Gen.Bool)
                .SelectMany(t => Gen.Int[0, 7].Select(turn => Rotated(Build(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), turn)).Select(words => (words, t.Item2 == 1 || t.Item3 == 1, t.Item2 == 2 || t.Item3 == 2, t.Item2 == 3 || t.Item3 == 3, t.Item4, t.Item5)))
                .Where(t => t.Item1.Count > 0);

        /// <summary>The words in another order: where a word stands does not change what the name says.</summary>
        private static List<string> Rotated(List<string> words, int turn)
            => words.Count == 0 ? words : words.Skip(turn % words.Count).Concat(words.Take(turn % words.Count)).ToList();

        private static List<string> Build(List<string> fillers, int roleA, int roleB, bool price, bool deepSeek)
        {
            var words = new List<string>(fillers);
            foreach (var role in new[] { roleA, roleB })
            {
                switch (role)
                {
                    case 1:
                        words.Add(HitWords[fillers.Count % HitWords.Length]);
                        break;
                    case 2:
                        words.Add(MissWords[fillers.Count % MissWords.Length]);
                        break;
                    case 3:
                        words.Add(OutputWords[fillers.Count % OutputWords.Length]);
                        break;
                }
            }

            if (price)
            {
                words.Add(PriceWords[words.Count % PriceWords.Length]);
            }

            if (deepSeek)
            {
                words.Add("deepseek");
            }

            return words;
        }

        [Fact]
        public void A_name_says_price_role_and_DeepSeek_in_any_naming_style()
            => Property.Check(
                Gen.Select(NameWords, Gen.Int[0, 4]),
                t =>
                {
                    var ((words, hit, miss, output, price, deepSeek), style) = t;
                    var name = Styled(words, style);
                    var read = Scanners.ClassifyPriceName(name);
                    Assert.Equal(price, read.IsPrice);
                    Assert.Equal(deepSeek, read.SaysDeepSeek);

                    // hit wins over input/prompt; two of hit, miss (by the word miss) and output say no role.
                    var missWord = words.Contains("miss");
                    var inputWord = words.Contains("input") || words.Contains("prompt");
                    PriceRole? expected;
                    if ((hit ? 1 : 0) + (missWord ? 1 : 0) + (output ? 1 : 0) > 1 || (output && inputWord))
                    {
                        expected = null;
                    }
                    else if (hit)
                    {
                        expected = PriceRole.CacheHitInput;
                    }
                    else if (miss)
                    {
                        expected = PriceRole.CacheMissInput;
                    }
                    else if (output)
                    {
                        expected = PriceRole.Output;
                    }
                    else
                    {
                        expected = null;
                    }

                    Assert.Equal(expected, read.Role);

                    // The same words in every other style read alike.
                    for (var other = 0; other < 5; other++)
                    {
                        Assert.Equal(read, Scanners.ClassifyPriceName(Styled(words, other)));
                    }
                },
                print: t => Styled(t.Item1.Words, t.Item2));

        [Fact]
        public void A_unit_spelt_in_a_name_is_read_in_any_style()
            => Property.Check(
                Gen.Select(Gen.OneOf(Fillers).List[0, 2], Gen.Int[0, 8], Gen.Int[0, 4]),
                t =>
                {
                    var (fillers, unitIndex, style) = t;
                    var spellings = new (string[] Words, PriceUnit Unit)[]
                    {
                        (new[] { "per", "million" }, PriceUnit.PerMillionTokens), (new[] { "per", "1", "m" }, PriceUnit.PerMillionTokens),
                        (new[] { "per", "m", "tok" }, PriceUnit.PerMillionTokens), (new[] { "per", "1", "k" }, PriceUnit.PerThousandTokens),
                        (new[] { "per", "thousand" }, PriceUnit.PerThousandTokens), (new[] { "per", "k" }, PriceUnit.PerThousandTokens),
                        (new[] { "per", "token" }, PriceUnit.PerToken), (new[] { "per", "tokens" }, PriceUnit.PerToken),
                        (new[] { "per", "1000" }, PriceUnit.PerThousandTokens),
                    };
                    var (unitWords, unit) = spellings[unitIndex];
                    var words = new List<string> { "output", "price" };
                    words.AddRange(fillers);
                    words.AddRange(unitWords);
                    var name = Styled(words, style);
                    Assert.Equal(unit, Scanners.PriceUnitOf(name));

                    // "per <unit>" alone says price, as "OutputPerMillion" does.
                    var unitOnly = new List<string> { "output" };
                    unitOnly.AddRange(unitWords);
                    Assert.True(Scanners.ClassifyPriceName(Styled(unitOnly, style)).IsPrice, Styled(unitOnly, style));
                },
                print: t => string.Join(",", t.Item1) + " " + t.Item2 + " " + t.Item3);

        [Fact]
        public void The_fix_writes_the_value_with_the_literals_suffix_and_a_point()
            => Property.Check(
                Gen.Select(Gen.Int[0, Current.Count - 1], Gen.Int[0, 2]).SelectMany(t =>
                    Written(Legacy[t.Item1 % Legacy.Count].PerMillion).Select(original => (Scanners.InUnit(Current[t.Item1].PerMillion, Units[t.Item2]), original))),
                t =>
                {
                    var (value, original) = t;
                    var written = Scanners.FormatPriceLiteral(value, original);
                    var suffix = char.IsLetter(original[original.Length - 1]) ? original.Substring(original.Length - 1) : string.Empty;
                    Assert.EndsWith(suffix, written, StringComparison.Ordinal);
                    var body = written.Substring(0, written.Length - suffix.Length);
                    Assert.Contains(".", body, StringComparison.Ordinal);
                    Assert.Equal(value, decimal.Parse(body, NumberStyles.Float, CultureInfo.InvariantCulture));
                },
                print: t => t.original);
    }
}
