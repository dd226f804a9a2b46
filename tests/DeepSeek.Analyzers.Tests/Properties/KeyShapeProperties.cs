using System;
using CsCheck;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The DeepSeek key shape of the catalog: <c>IsKeyAt</c>, <c>IndexOfKey</c>, <c>MaskKey</c>.</summary>
    public class KeyShapeProperties
    {
        private static readonly Gen<string> Text = Gen.Frequency((1, TextGen.Any), (3, TextGen.From(TextGen.KeyTokens, 8)));

        /// <summary>Any index a caller could compute: inside, just outside, and far outside the text.</summary>
        private static Gen<int> IndexFor(string text) => Gen.Frequency(
            (6, Gen.Int[-2, text.Length + 2]),
            (1, Gen.OneOf(int.MinValue, -36, int.MaxValue, int.MaxValue - 34, int.MaxValue - 35, text.Length - Scanners.KeyLength)));

        private static readonly Gen<(string, int)> TextAndIndex = Text.SelectMany(text => IndexFor(text).Select(index => (text, index)));

        [Fact]
        public void IsKeyAt_never_throws_and_matches_the_key_shape()
            => Property.Check(TextAndIndex, (text, index) =>
            {
                if (!Scanners.IsKeyAt(text, index))
                {
                    return;
                }

                Assert.InRange(index, 0, text.Length - Scanners.KeyLength);
                Assert.StartsWith("sk-", text.Substring(index), StringComparison.Ordinal);
                foreach (var c in text.Substring(index + 3, 32))
                {
                    Assert.True((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'), "a key digit that is no lower-case hex");
                }
            });

        [Fact]
        public void IndexOfKey_returns_the_first_key_at_or_after_the_start()
            => Property.Check(Text.SelectMany(text => Gen.Int[0, text.Length + 2].Select(start => (text, start))), (text, start) =>
            {
                var expected = -1;
                for (var i = start; i < text.Length; i++)
                {
                    if (Scanners.IsKeyAt(text, i))
                    {
                        expected = i;
                        break;
                    }
                }

                Assert.Equal(expected, Scanners.IndexOfKey(text, start));
            });

        [Fact]
        public void A_key_between_separators_is_found()
            => Property.Check(Gen.Select(Text, Gen.OneOf(" ", "\"", "=", ":", "\n", "/"), TextGen.RandomKey, Gen.OneOf(" ", "\"", ";", ".", "!"), Text), (left, open, key, close, right) =>
            {
                var text = left + open + key + close + right;
                var position = left.Length + open.Length;
                var found = Scanners.IndexOfKey(text, 0);
                Assert.InRange(found, 0, position);
                Assert.True(Scanners.IsKeyAt(text, position));
            });

        [Fact]
        public void A_masked_key_keeps_only_the_prefix_and_the_last_four_characters()
            => Property.Check(Gen.Frequency((1, Text), (1, TextGen.RandomKey)), key =>
            {
                var masked = Scanners.MaskKey(key);
                Assert.Equal(masked, Scanners.MaskKey(key));
                if (key.Length <= 4)
                {
                    Assert.Equal("…", masked);
                    return;
                }

                Assert.EndsWith(key.Substring(key.Length - 4), masked, StringComparison.Ordinal);
                Assert.True(masked.Length <= "sk-…".Length + 4, "the mask shows more than the prefix and four characters");
                if (key.IndexOf('…') < 0)
                {
                    // (A string that is already a mask, "sk-…abcd", masks to itself: nothing of a secret is left to hide.)
                    Assert.DoesNotContain(key, masked, StringComparison.Ordinal);
                }
            });
    }
}
