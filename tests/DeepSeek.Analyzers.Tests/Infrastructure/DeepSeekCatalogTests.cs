using System;
using System.Linq;
using DeepSeek.Catalog;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    public class DeepSeekCatalogTests
    {
        [Theory]
        [InlineData("deepseek-chat", "deepseek-flash", false, "Retired")]
        [InlineData("DeepSeek-Reasoner", "deepseek-flash", true, "Retired")]
        [InlineData("deepseek-v4-flash", "deepseek-flash", true, "Legacy")]
        [InlineData("deepseek-v4-flash-vision-exp", "deepseek-flash", true, "Legacy")]
        public void Old_names_map_to_Flash_with_their_thinking_mode_and_status(string alias, string current, bool thinking, string status)
        {
            var entry = DeepSeekCatalog.FindAlias(alias);
            Assert.NotNull(entry);
            Assert.Equal(current, entry!.CurrentModel);
            Assert.Equal(thinking, entry.Thinking);
            Assert.Equal(status, entry.Status.ToString());
        }

        [Fact]
        public void Every_entry_carries_the_date_it_became_true()
        {
            Assert.Equal(new DateTimeOffset(2026, 7, 24, 15, 59, 0, TimeSpan.Zero), DeepSeekCatalog.FindAlias("deepseek-chat")!.Since);
            Assert.Equal(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero), DeepSeekCatalog.FindAlias("deepseek-v4-flash")!.Since);
            Assert.Equal(new DateTimeOffset(2026, 9, 10, 0, 0, 0, TimeSpan.Zero), DeepSeekCatalog.FindModel("deepseek-flash")!.Since);
            Assert.Equal(new DateTimeOffset(2026, 8, 16, 16, 0, 0, TimeSpan.Zero), DeepSeekCatalog.V4ProPrice.Since);
            Assert.All(DeepSeekCatalog.Models, m => Assert.NotEqual(default, m.Since));
            Assert.All(DeepSeekCatalog.Aliases, a => Assert.NotEqual(default, a.Since));
            Assert.All(DeepSeekCatalog.Prices, p => Assert.NotEqual(default, p.Since));
            Assert.All(DeepSeekCatalog.LegacyPrices, p => Assert.NotEqual(default, p.Since));
        }

        [Theory]
        [InlineData("deepseek-flash")]
        [InlineData("deepseek/deepseek-chat")]
        [InlineData("deepseek-chat-v2")]
        [InlineData(null)]
        public void Other_strings_are_not_aliases(string? value) => Assert.Null(DeepSeekCatalog.FindAlias(value));

        [Fact]
        public void Current_prices_have_two_tiers_as_DeepSeeks_table()
        {
            AssertPrice(DeepSeekCatalog.FlashPrice.Peak, 0.006m, 0.30m, 1.20m);
            AssertPrice(DeepSeekCatalog.FlashPrice.OffPeak, 0.003m, 0.15m, 0.60m);
            AssertPrice(DeepSeekCatalog.V4ProPrice.Peak, 0.044m, 1.32m, 3.96m);
            AssertPrice(DeepSeekCatalog.V4ProPrice.OffPeak, 0.022m, 0.66m, 1.98m);
            Assert.Same(DeepSeekCatalog.FlashPrice, DeepSeekCatalog.FindPrice("deepseek-chat"));
            Assert.Same(DeepSeekCatalog.FlashPrice, DeepSeekCatalog.FindPrice("deepseek-v4-flash"));
            Assert.Same(DeepSeekCatalog.FlashPrice, DeepSeekCatalog.FindPrice("deepseek-flash"));
            Assert.Same(DeepSeekCatalog.V4ProPrice, DeepSeekCatalog.FindPrice("deepseek-v4-pro"));
            Assert.Null(DeepSeekCatalog.FindPrice("deepseek-r1"));
        }

        [Theory]
        [InlineData("2026-11-30T00:59:59Z", false)] // Monday before the first window
        [InlineData("2026-11-30T01:00:00Z", true)]
        [InlineData("2026-11-30T03:59:59Z", true)]
        [InlineData("2026-11-30T04:00:00Z", false)]
        [InlineData("2026-11-30T05:59:59Z", false)]
        [InlineData("2026-11-30T06:00:00Z", true)]
        [InlineData("2026-11-30T09:59:59Z", true)]
        [InlineData("2026-11-30T10:00:00Z", false)]
        [InlineData("2026-12-04T09:00:00Z", true)] // Friday
        [InlineData("2026-12-05T02:00:00Z", false)] // Saturday
        [InlineData("2026-12-06T07:00:00Z", false)] // Sunday
        [InlineData("2026-11-30T09:30:00+08:00", true)] // 01:30 UTC
        public void Peak_hours_are_01_to_04_and_06_to_10_UTC_on_weekdays(string time, bool peak)
            => Assert.Equal(peak, DeepSeekCatalog.IsPeak(DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture)));

        [Fact]
        public void A_holiday_is_peak_without_a_calendar_and_off_peak_with_one()
        {
            var nationalDay = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero); // a Thursday
            Assert.True(DeepSeekCatalog.IsPeak(nationalDay));
            Assert.False(DeepSeekCatalog.IsPeak(nationalDay, date => date == new DateTime(2026, 10, 1)));
            Assert.True(DeepSeekCatalog.IsPeak(nationalDay, date => date == new DateTime(2026, 10, 2)));
        }

        [Fact]
        public void A_span_is_peak_when_any_hour_of_it_is()
        {
            var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
            Assert.False(DeepSeekCatalog.IsPeakDuring(monday.AddMinutes(10), monday.AddMinutes(50)));
            Assert.True(DeepSeekCatalog.IsPeakDuring(monday.AddMinutes(59), monday.AddMinutes(61)));
            Assert.True(DeepSeekCatalog.IsPeakDuring(monday.AddHours(3.9), monday.AddHours(4.1)));
            Assert.True(DeepSeekCatalog.IsPeakDuring(monday.AddHours(0.5), monday.AddHours(4.5))); // both ends off-peak, 01:00-04:00 between
            Assert.False(DeepSeekCatalog.IsPeakDuring(monday.AddHours(4.5), monday.AddHours(5.5)));
        }

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

        [Theory]
        [InlineData(0.27, "CacheMissInput", "V3 deepseek-chat", "deepseek-flash")]
        [InlineData(0.42, "Output", "V3.2", "deepseek-flash")]
        [InlineData(0.28, "CacheMissInput", "V3.2", "deepseek-flash")]
        [InlineData(0.0028, "CacheHitInput", "V4 Flash launch", "deepseek-flash")]
        [InlineData(0.14, "CacheMissInput", "V4 Flash launch", "deepseek-flash")]
        [InlineData(0.28, "Output", "V4 Flash launch", "deepseek-flash")]
        [InlineData(0.003625, "CacheHitInput", "V4 Pro discounted", "deepseek-v4-pro")]
        [InlineData(0.435, "CacheMissInput", "V4 Pro discounted", "deepseek-v4-pro")]
        [InlineData(0.87, "Output", "V4 Pro discounted", "deepseek-v4-pro")]
        [InlineData(0.0145, "CacheHitInput", "V4 Pro list", "deepseek-v4-pro")]
        [InlineData(1.74, "CacheMissInput", "V4 Pro list", "deepseek-v4-pro")]
        [InlineData(3.48, "Output", "V4 Pro list", "deepseek-v4-pro")]
        [InlineData(0.014, "CacheHitInput", "V4 Flash peak", "deepseek-flash")]
        [InlineData(0.007, "CacheHitInput", "V4 Flash off-peak", "deepseek-flash")]
        [InlineData(0.44, "CacheMissInput", "V4 Flash peak", "deepseek-flash")]
        [InlineData(0.22, "CacheMissInput", "V4 Flash off-peak", "deepseek-flash")]
        [InlineData(1.32, "Output", "V4 Flash peak", "deepseek-flash")]
        [InlineData(0.66, "Output", "V4 Flash off-peak", "deepseek-flash")]
        public void Legacy_prices_carry_their_role_generation_and_replacement(double value, string role, string generation, string replacedBy)
        {
            Assert.Contains(
                DeepSeekCatalog.LegacyPrices,
                p => p.PerMillion == (decimal)value && p.Role.ToString() == role && p.Generation == generation && p.ReplacedBy == replacedBy);
        }

        [Fact]
        public void The_legacy_table_has_every_generation_of_the_facts_in_all_three_roles()
        {
            Assert.Equal(10 * 3, DeepSeekCatalog.LegacyPrices.Count);
            Assert.Equal(new DateTimeOffset(2026, 8, 16, 16, 0, 0, TimeSpan.Zero), DeepSeekCatalog.LegacyPrices.Single(p => p.Generation == "V4 Flash peak" && p.Role == PriceRole.Output).Since);
        }

        private static void AssertPrice(CatalogPrice price, decimal hit, decimal miss, decimal output)
        {
            Assert.Equal(hit, price.CacheHitInput);
            Assert.Equal(miss, price.CacheMissInput);
            Assert.Equal(output, price.Output);
        }
    }
}
