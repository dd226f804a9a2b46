using System;
using System.Text.RegularExpressions;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>
    /// The text scanners the later issues added: the per-file gate's text test, the model-id rules' JSON value enumerator,
    /// DSK010's base-URL reading and DSK012's date-format classifier.
    /// </summary>
    public class LaterScannerProperties
    {
        private static readonly Regex DeepSeekWord = new Regex("deep[-_]*seek", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
        private static readonly Regex KeyShape = new Regex("sk-[0-9a-f]{32}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

        private static readonly Gen<string> GateTokens = Gen.OneOf(
            Gen.Const("deep"), Gen.Const("Deep"), Gen.Const("DEEP"), Gen.Const("seek"), Gen.Const("Seek"), Gen.Const("SEEK"),
            Gen.Const("-"), Gen.Const("_"), Gen.Const("k"), Gen.Const("K"), Gen.Const("sk-"), Gen.Const("SK-"), Gen.Const("s"),
            Gen.Const("\"api.deepseek.com\""), Gen.Const(" "), Gen.Const("class C { }"), Gen.Const("// "), TextGen.Hex(30, 34));

        /// <summary>Short texts and texts padded past one scan chunk (8K characters), so a signal can straddle two chunks.</summary>
        private static readonly Gen<string> GateText = Gen.Frequency(
            (4, TextGen.From(GateTokens, 12)),
            (1, TextGen.Any),
            (2, Gen.Select(Gen.Int[8150, 8230], TextGen.From(GateTokens, 8)).Select(t => new string('x', t.Item1) + t.Item2)));

        private static readonly Gen<string> Quote = Gen.OneOf("\"", "\\\"", "\"\"");

        private static readonly Gen<string> UrlTokens = Gen.OneOf(
            TextGen.UrlTokens, Gen.Const("http://"), Gen.Const("https://"), Gen.Const("api.deepseek.com"), Gen.Const("api.deepseek.ai"),
            Gen.Const("api.deep-seek.com"), Gen.Const("/chat/completions"), Gen.Const("/anthropic"), Gen.Const("/v1"), Gen.Const(":443"),
            Gen.Const("?x=1"), Gen.Const("#f"), Gen.Const("@"), Gen.Const(" "));

        private static readonly Gen<string> Url = Gen.Frequency((4, TextGen.From(UrlTokens, 8)), (1, TextGen.Any));

        [Fact]
        public void The_gate_opens_exactly_on_a_DeepSeek_word_or_a_key_shape()
            => Property.Check(GateText, text =>
            {
                var expected = DeepSeekWord.IsMatch(text) || KeyShape.IsMatch(text);
                Assert.Equal(expected, Scanners.GateOpens(text));
            });

        [Fact]
        public void NextModelValue_returns_quoted_spans_inside_the_text()
            => Property.Check(Gen.Select(Gen.Frequency((1, TextGen.Any), (4, TextGen.From(TextGen.JsonTextTokens, 24))), Quote), (text, quote) =>
            {
                var start = 0;
                var seen = 0;
                while (start <= text.Length && seen++ < 64)
                {
                    var found = Scanners.NextModelValue(text, quote, start, out var length);
                    Assert.Equal(found, Scanners.NextModelValue(text, quote, start, out var again));
                    Assert.Equal(length, again);
                    if (found < 0)
                    {
                        Assert.Equal(-1, found);
                        return;
                    }

                    Assert.True(found >= start && found >= quote.Length, "a value before the start index or its quote");
                    Assert.InRange(length, 0, text.Length - found - quote.Length);
                    Assert.Equal(quote, text.Substring(found - quote.Length, quote.Length));
                    Assert.Equal(quote, text.Substring(found + length, quote.Length));
                    start = found + length + quote.Length;
                }
            });

        [Fact]
        public void A_base_url_fix_is_https_and_needs_no_second_fix()
            => Property.Check(Gen.Select(Url, Gen.Bool), (text, sdk) =>
            {
                var problem = Scanners.DiagnoseBaseUrl(text, sdk, out var corrected);
                Assert.Equal(problem, Scanners.DiagnoseBaseUrl(text, sdk, out var again));
                Assert.Equal(corrected, again);
                if (problem == BaseUrlProblem.None)
                {
                    Assert.Equal(text, corrected);
                    return;
                }

                Assert.StartsWith("https://", corrected, StringComparison.Ordinal);
                Assert.Equal(BaseUrlProblem.None, Scanners.DiagnoseBaseUrl(corrected, sdk, out var twice));
                Assert.Equal(corrected, twice);
            });

        [Fact]
        public void Date_formats_are_classified_without_throwing_and_a_time_part_is_never_day_only()
            => Property.Check(Gen.Select(Gen.Frequency((1, TextGen.Any), (3, Gen.Char["yMd-/ .:HhmsfFtzK{}0123,"].Array[0, 16].Select(c => new string(c)))), Gen.Int[-1, 4]), (format, index) =>
            {
                var dayOnly = Scanners.IsDayOnlyFormat(format);
                Assert.Equal(dayOnly, Scanners.IsDayOnlyFormat(format));
                Assert.Equal(Scanners.IsDayOnlyCompositeItem(format, index), Scanners.IsDayOnlyCompositeItem(format, index));
                if (format.Length > 1 && format.IndexOfAny(new[] { '\'', '"', '\\', '%' }) < 0 && format.IndexOfAny("HhsfFtzK".ToCharArray()) >= 0)
                {
                    Assert.False(dayOnly, "a custom format with a time part");
                }

                var custom = new string('y', 4) + "-" + format.Replace("H", string.Empty, StringComparison.Ordinal);
                if (custom.IndexOfAny("hsfFtzK'\"\\%:m".ToCharArray()) < 0 && custom.Replace("y", "").Replace("M", "").Replace("d", "").Trim('-', '/', ' ', '.').Length == 0)
                {
                    Assert.True(Scanners.IsDayOnlyFormat(custom), "a custom format of year, month and day parts");
                }
            });
    }
}
