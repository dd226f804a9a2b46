using System;
using CsCheck;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The secret/placeholder classifier (<c>SecretText</c>): what in a string constant is a real key.</summary>
    public class SecretTextProperties
    {
        private static readonly Gen<string> Text = Gen.Frequency((1, TextGen.Any), (3, TextGen.From(TextGen.KeyTokens, 8)));

        /// <summary>Text around a key that holds no placeholder word and no key: a header, an assignment, a config line.</summary>
        private static readonly Gen<string> Neutral = TextGen.Tokens(
            " ", "=", ":", ";", "\"", "'", "Authorization", "Bearer ", "api_key", "DEEPSEEK", "KEY", "1", "/", "{", "}").Array[0, 5]
            .Select(parts => string.Concat(parts));

        [Fact]
        public void IndexOfRealKey_returns_a_key_of_a_string_without_placeholder_words()
            => Property.Check(Text.SelectMany(text => Gen.Int[0, text.Length + 1].Select(start => (text, start))), (text, start) =>
            {
                var found = Scanners.IndexOfRealKey(text, start);
                Assert.Equal(found, Scanners.IndexOfRealKey(text, start));
                if (found < 0)
                {
                    return;
                }

                Assert.True(found >= start, "a key before the start index");
                Assert.True(Scanners.IsKeyAt(text, found), "a real key that is not key-shaped");
                Assert.False(Scanners.HasPlaceholderWord(text), "a real key beside a placeholder word");
                Assert.False(Scanners.IsPatternedHex(text, found + 3), "a patterned key called real");
            });

        [Fact]
        public void A_random_key_is_real_unless_a_placeholder_word_is_beside_it()
            => Property.Check(Gen.Select(Neutral, TextGen.RandomKey, Neutral, Gen.OneOf(string.Empty, "your ", "example: ", "Test_", "REPLACE-")), (left, key, right, word) =>
            {
                var text = word + left + " " + key + " " + right;
                var expected = word.Length == 0 ? word.Length + left.Length + 1 : -1;
                Assert.Equal(expected, Scanners.IndexOfRealKey(text, 0));
            });

        [Fact]
        public void Periodic_hex_is_a_placeholder()
            => Property.Check(Gen.Select(TextGen.Hex(1, 16), Text), (period, left) =>
            {
                var hex = period;
                while (hex.Length < 32)
                {
                    hex += period;
                }

                var text = left + "sk-" + hex.Substring(0, 32);
                Assert.True(Scanners.IsPatternedHex(text, left.Length + 3));
            });

        [Fact]
        public void IsPatternedHex_reads_any_32_characters_without_throwing()
            => Property.Check(Text.Where(text => text.Length >= 32).SelectMany(text => Gen.Int[0, text.Length - 32].Select(start => (text, start))), (text, start) =>
            {
                Assert.Equal(Scanners.IsPatternedHex(text, start), Scanners.IsPatternedHex(text, start));
            });

        [Fact]
        public void LooksLikeSecret_only_accepts_one_long_token_that_is_no_key_name_or_url()
            => Property.Check(Gen.Select(Gen.Frequency((8, Text), (1, Gen.Const((string)null!))), Gen.OneOf("DEEPSEEK_API_KEY", "MY_KEY", string.Empty), Gen.OneOf("DeepSeek:ApiKey", "Ai:Key", string.Empty)), (value, variable, configurationKey) =>
            {
                var looks = Scanners.LooksLikeSecret(value, variable, configurationKey);
                Assert.Equal(looks, Scanners.LooksLikeSecret(value, variable, configurationKey));
                if (!looks)
                {
                    return;
                }

                var secret = Scanners.WithoutScheme(value!);
                Assert.True(secret.Length >= 8, "a secret shorter than 8 characters");
                Assert.DoesNotContain("://", secret, StringComparison.Ordinal);
                Assert.True(Scanners.IndexOfKey(secret, 0) < 0, "a DeepSeek-shaped key judged by the generic rule");
                Assert.False(Scanners.HasPlaceholderMarker(secret), "a placeholder called a secret");
                Assert.False(string.Equals(secret, variable, StringComparison.OrdinalIgnoreCase), "the variable's name called a secret");
                foreach (var c in secret)
                {
                    Assert.False(char.IsWhiteSpace(c), "a secret with white space");
                }
            });

        [Fact]
        public void WithoutScheme_returns_a_trimmed_part_of_the_value()
            => Property.Check(Gen.Frequency((1, Text), (1, Text.Select(t => "Bearer " + t))), value =>
            {
                var secret = Scanners.WithoutScheme(value);
                Assert.Contains(secret, value, StringComparison.Ordinal);
                Assert.Equal(secret.Trim(), secret);
            });

        [Fact]
        public void A_placeholder_word_makes_a_placeholder()
            => Property.Check(Gen.Select(Text, Gen.OneOf("your", "example", "TEST", "Dummy", "changeme", "redacted"), Gen.OneOf(" ", "_", "-", ":", "1")), (text, word, separator) =>
            {
                Assert.Equal(Scanners.HasPlaceholderMarker(text), Scanners.HasPlaceholderMarker(text));
                if (Scanners.HasPlaceholderWord(text))
                {
                    Assert.True(Scanners.HasPlaceholderMarker(text));
                }

                Assert.True(Scanners.HasPlaceholderWord(word + separator + text));
                Assert.True(Scanners.HasPlaceholderMarker(text + separator + word));
            });
    }
}
