using DeepSeek.Catalog;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    public class DeepSeekCatalogTests
    {
        [Theory]
        [InlineData("deepseek-chat", "deepseek-v4-flash", false)]
        [InlineData("DeepSeek-Reasoner", "deepseek-v4-flash", true)]
        public void Aliases_map_to_V4_Flash_with_their_thinking_mode(string alias, string current, bool thinking)
        {
            var entry = DeepSeekCatalog.FindAlias(alias);
            Assert.NotNull(entry);
            Assert.Equal(current, entry!.CurrentModel);
            Assert.Equal(thinking, entry.Thinking);
        }

        [Theory]
        [InlineData("deepseek-v4-flash")]
        [InlineData("deepseek/deepseek-chat")]
        [InlineData("deepseek-chat-v2")]
        [InlineData(null)]
        public void Other_strings_are_not_aliases(string? value) => Assert.Null(DeepSeekCatalog.FindAlias(value));

        [Theory]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", 0)]
        [InlineData("Bearer sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", 7)]
        [InlineData("key=sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4;", 4)]
        [InlineData("sk-4F9A1C7E2B8D40A6B3E5F1C9D7A2E6B4", -1)]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b", -1)]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4a", -1)]
        [InlineData("ask-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", -1)]
        [InlineData("sk-proj-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", -1)]
        [InlineData("", -1)]
        public void Finds_DeepSeek_shaped_keys(string text, int expected) => Assert.Equal(expected, DeepSeekCatalog.IndexOfKey(text));

        [Theory]
        [InlineData("", int.MaxValue)]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", int.MaxValue - 34)]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", int.MinValue)]
        [InlineData("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4", 1)]
        public void An_index_outside_the_text_holds_no_key(string text, int index)
            // Found by the key-shape property test: index + 35 overflowed and the check let int.MaxValue through.
            => Assert.False(DeepSeekCatalog.IsKeyAt(text, index));

        [Fact]
        public void Masks_keys_to_prefix_and_last_four()
        {
            Assert.Equal("sk-…e6b4", DeepSeekCatalog.MaskKey("sk-4f9a1c7e2b8d40a6b3e5f1c9d7a2e6b4"));
            Assert.Equal("…cret", DeepSeekCatalog.MaskKey("my-secret"));
            Assert.Equal("…", DeepSeekCatalog.MaskKey("abc"));
        }

        [Fact]
        public void Prices_are_the_seed_documents()
        {
            Assert.Equal(0.0028m, DeepSeekCatalog.V4FlashPrice.CacheHitInput);
            Assert.Equal(0.14m, DeepSeekCatalog.V4FlashPrice.CacheMissInput);
            Assert.Equal(0.28m, DeepSeekCatalog.V4FlashPrice.Output);
            Assert.Same(DeepSeekCatalog.V4FlashPrice, DeepSeekCatalog.FindPrice("deepseek-chat"));
            Assert.Same(DeepSeekCatalog.V4ProPrice, DeepSeekCatalog.FindPrice("deepseek-v4-pro"));
            Assert.Null(DeepSeekCatalog.FindPrice("deepseek-r1"));
        }

        [Theory]
        [InlineData(0.27, "CacheMissInput")]
        [InlineData(0.42, "Output")]
        [InlineData(0.28, "CacheMissInput")]
        public void Legacy_prices_carry_their_role(double value, string role)
        {
            Assert.Contains(DeepSeekCatalog.LegacyPrices, p => p.PerMillion == (decimal)value && p.Role.ToString() == role);
        }
    }
}
