using System;
using CsCheck;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The JSON-in-string model scanner (<c>JsonModelText</c>) on literal values and on their source text.</summary>
    public class JsonModelTextProperties
    {
        private static readonly Gen<string> Text = Gen.Frequency((1, TextGen.Any), (4, TextGen.From(TextGen.JsonTextTokens, 24)));

        /// <summary>The three JSON quotes the callers pass: a value's <c>"</c>, a regular literal's <c>\"</c>, a verbatim literal's <c>""</c>.</summary>
        private static readonly Gen<string> Quote = Gen.OneOf("\"", "\\\"", "\"\"");

        private static readonly Gen<string> Model = Gen.OneOf("deepseek-chat", "deepseek-reasoner", "deepseek-v4-flash", "x", "model", "d");

        /// <summary>A model id as code writes it: no quote, no backslash (those would end or escape the JSON string).</summary>
        private static readonly Gen<string> Suffix = Gen.Char["abcdefghijklmnopqrstuvwxyz0123456789.-:/"].Array[0, 12].Select(c => new string(c));

        [Fact]
        public void IndexOfModelValue_returns_a_quoted_value_inside_the_text()
            => Property.Check(Gen.Select(Text, Model, Quote).SelectMany(t => Gen.Int[0, t.Item1.Length + 1].Select(start => (t.Item1, t.Item2, t.Item3, start))), (text, value, quote, start) =>
            {
                var found = Scanners.IndexOfModelValue(text, value, quote, start);
                Assert.Equal(found, Scanners.IndexOfModelValue(text, value, quote, start));
                if (found < 0)
                {
                    Assert.Equal(-1, found);
                    return;
                }

                Assert.InRange(found, Math.Max(start, quote.Length), text.Length - value.Length - quote.Length);
                Assert.Equal(value, text.Substring(found, value.Length), ignoreCase: true);
                Assert.Equal(quote, text.Substring(found - quote.Length, quote.Length));
                Assert.Equal(quote, text.Substring(found + value.Length, quote.Length));
                Assert.Contains("model", text.Substring(0, found), StringComparison.OrdinalIgnoreCase);
            });

        [Fact]
        public void IndexOfModelValueWithPrefix_returns_a_span_inside_the_text()
            => Property.Check(Gen.Select(Text, Gen.OneOf("deepseek-", "d", "model"), Quote).SelectMany(t => Gen.Int[0, t.Item1.Length + 1].Select(start => (t.Item1, t.Item2, t.Item3, start))), (text, prefix, quote, start) =>
            {
                var found = Scanners.IndexOfModelValueWithPrefix(text, prefix, quote, start, out var length);
                if (found < 0)
                {
                    Assert.Equal(-1, found);
                    Assert.Equal(0, length);
                    return;
                }

                Assert.True(found >= start, "a value before the start index");
                Assert.InRange(length, prefix.Length, text.Length - found - quote.Length);
                Assert.StartsWith(prefix, text.Substring(found, length), StringComparison.Ordinal);
                Assert.DoesNotContain(quote, text.Substring(found + prefix.Length, length - prefix.Length), StringComparison.Ordinal);
                Assert.Equal(quote, text.Substring(found + length, quote.Length));
            });

        [Fact]
        public void A_model_property_is_found_wherever_it_is_written()
            => Property.Check(Gen.Select(Text, Quote, Gen.OneOf("model", "Model", "modelName", "default_model"), Gen.OneOf(":", " : ", ":\t", ":  "), Text), (left, quote, name, colon, right) =>
            {
                const string Value = "deepseek-chat";
                var text = left + quote + name + quote + colon + quote + Value + quote + right;
                var position = left.Length + quote.Length + name.Length + quote.Length + colon.Length + quote.Length;

                var found = Scanners.IndexOfModelValue(text, Value, quote, 0);
                Assert.InRange(found, 0, position);
                Assert.InRange(Scanners.IndexOfModelValueWithPrefix(text, "deepseek-", quote, 0, out _), 0, position);
                Assert.True(Scanners.HasJsonProperty(text, name, quote));
            });

        [Fact]
        public void A_model_id_with_any_suffix_is_found_by_its_prefix()
            => Property.Check(Gen.Select(Text, Quote, Suffix, Text), (left, quote, suffix, right) =>
            {
                var value = "deepseek-" + suffix;
                var text = left + quote + "model" + quote + ": " + quote + value + quote + right;
                var position = text.Length - right.Length - quote.Length - value.Length;

                var found = Scanners.IndexOfModelValueWithPrefix(text, "deepseek-", quote, 0, out var length);
                Assert.InRange(found, 0, position);
                if (found == position)
                {
                    Assert.Equal(value.Length, length);
                }
            });

        [Fact]
        public void Prose_that_mentions_a_model_is_no_model_value()
            => Property.Check(Gen.Select(Quote, Model), (quote, value) =>
            {
                var text = "Use " + value + " as the model: " + value + ".";
                Assert.Equal(-1, Scanners.IndexOfModelValue(text, value, quote, 0));
                Assert.False(Scanners.IsResponseBody(text));
            }, iterations: 50);
    }
}
