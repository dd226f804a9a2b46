using System;
using DeepSeek.Catalog;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    public sealed class PricingAndUsageTests
    {
        [Fact]
        public void Prices_are_DeepSeeks_table_at_both_tiers()
        {
            Assert.Equal(new DeepSeekPrice(0.006m, 0.30m, 1.20m), DeepSeekPricing.Flash.Peak);
            Assert.Equal(new DeepSeekPrice(0.003m, 0.15m, 0.60m), DeepSeekPricing.Flash.OffPeak);
            Assert.Equal(new DeepSeekPrice(0.044m, 1.32m, 3.96m), DeepSeekPricing.V4Pro.Peak);
            Assert.Equal(new DeepSeekPrice(0.022m, 0.66m, 1.98m), DeepSeekPricing.V4Pro.OffPeak);
            Assert.Equal(DeepSeekCatalog.FlashPrice.Peak.Output, DeepSeekPricing.Flash.Peak.Output);
        }

        [Fact]
        public void For_maps_models_retired_aliases_and_legacy_names_and_rejects_unknown_ids()
        {
            Assert.Same(DeepSeekPricing.Flash, DeepSeekPricing.For(DeepSeekModels.Flash));
            Assert.Same(DeepSeekPricing.V4Pro, DeepSeekPricing.For(DeepSeekModels.V4Pro));
            Assert.Same(DeepSeekPricing.Flash, DeepSeekPricing.For("deepseek-chat"));
            Assert.Same(DeepSeekPricing.Flash, DeepSeekPricing.For("DeepSeek-Reasoner"));
            Assert.Same(DeepSeekPricing.Flash, DeepSeekPricing.For("deepseek-v4-flash"));
            Assert.Same(DeepSeekPricing.Flash, DeepSeekPricing.For("deepseek-v4-flash-vision-exp"));
            var ex = Assert.Throws<ArgumentException>(() => DeepSeekPricing.For("deepseek-r1"));
            Assert.Contains("deepseek-r1", ex.Message);
            Assert.False(DeepSeekPricing.TryFor(null, out _));
        }

        [Fact]
        public void Models_and_endpoints_come_from_the_catalog()
        {
            Assert.Equal("deepseek-flash", DeepSeekModels.Flash);
            Assert.Equal("deepseek-v4-pro", DeepSeekModels.V4Pro);
            Assert.True(DeepSeekModels.IsRetiredAlias("deepseek-chat"));
            Assert.False(DeepSeekModels.IsRetiredAlias("deepseek-v4-flash"));
            Assert.False(DeepSeekModels.IsRetiredAlias(DeepSeekModels.V4Pro));
            Assert.True(DeepSeekModels.IsLegacyName("deepseek-v4-flash"));
            Assert.True(DeepSeekModels.IsLegacyName("DeepSeek-V4-Flash-Vision-Exp"));
            Assert.False(DeepSeekModels.IsLegacyName("deepseek-chat"));
            Assert.False(DeepSeekModels.IsLegacyName(DeepSeekModels.Flash));
            foreach (var old in new[] { "deepseek-chat", "deepseek-reasoner", "deepseek-v4-flash", "deepseek-v4-flash-vision-exp" })
            {
                Assert.Equal(DeepSeekModels.Flash, DeepSeekModels.Migrate(old));
            }

            Assert.Equal("deepseek-r1:7b", DeepSeekModels.Migrate("deepseek-r1:7b"));
            Assert.Equal("https://api.deepseek.com", DeepSeekEndpoints.BaseUrl);
            Assert.Equal(new Uri("https://api.deepseek.com"), DeepSeekEndpoints.BaseUri);
            Assert.Equal("https://api.deepseek.com/chat/completions", DeepSeekEndpoints.ChatCompletionsUri.ToString());
        }

        [Theory]
        [InlineData("2026-11-30T00:59:59Z", false)]
        [InlineData("2026-11-30T01:00:00Z", true)]
        [InlineData("2026-11-30T03:59:59Z", true)]
        [InlineData("2026-11-30T04:00:00Z", false)]
        [InlineData("2026-11-30T06:00:00Z", true)]
        [InlineData("2026-11-30T09:59:59Z", true)]
        [InlineData("2026-11-30T10:00:00Z", false)]
        [InlineData("2026-11-30T16:00:00Z", false)]
        [InlineData("2026-12-05T02:00:00Z", false)] // Saturday
        [InlineData("2026-11-30T15:00:00+08:00", true)] // 07:00 UTC, Beijing afternoon
        public void At_prices_the_hour_at_its_tier(string time, bool peak)
        {
            var at = DateTimeOffset.Parse(time, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(peak, DeepSeekPricing.IsPeak(at));
            Assert.Same(peak ? DeepSeekPricing.Flash.Peak : DeepSeekPricing.Flash.OffPeak, DeepSeekPricing.Flash.At(at));
            Assert.Same(peak ? DeepSeekPricing.V4Pro.Peak : DeepSeekPricing.V4Pro.OffPeak, DeepSeekPricing.V4Pro.At(at));
        }

        [Fact]
        public void A_holiday_is_peak_unless_the_application_supplies_its_calendar()
        {
            var nationalDay = new DateTimeOffset(2026, 10, 1, 2, 0, 0, TimeSpan.Zero);
            Func<DateTime, bool> calendar = date => date.Month == 10 && date.Day <= 7;

            Assert.True(DeepSeekPricing.IsPeak(nationalDay));
            Assert.False(DeepSeekPricing.IsPeak(nationalDay, calendar));
            Assert.Same(DeepSeekPricing.Flash.OffPeak, DeepSeekPricing.Flash.At(nationalDay, calendar));
            Assert.Same(DeepSeekPricing.Flash.Peak, DeepSeekPricing.Flash.At(nationalDay.AddDays(7), calendar));
        }

        [Fact]
        public void A_request_straddling_a_tier_change_is_priced_at_peak()
        {
            var monday = new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);
            Assert.Same(DeepSeekPricing.Flash.OffPeak, DeepSeekPricing.Flash.During(monday.AddMinutes(10), monday.AddMinutes(40)));
            Assert.Same(DeepSeekPricing.Flash.Peak, DeepSeekPricing.Flash.During(monday.AddMinutes(59), monday.AddMinutes(61)));
            Assert.Same(DeepSeekPricing.Flash.Peak, DeepSeekPricing.Flash.During(monday.AddHours(9.9), monday.AddHours(10.1)));
        }

        [Fact]
        public void Cost_at_an_unknown_hour_is_peak_and_at_a_known_hour_its_tier()
        {
            var usage = new DeepSeekUsage(cacheHitTokens: 1_000_000, cacheMissTokens: 1_000_000, outputTokens: 1_000_000, reasoningTokens: 0);
            var saturday = new DateTimeOffset(2026, 12, 5, 2, 0, 0, TimeSpan.Zero);

            Assert.Equal(0.006m + 0.30m + 1.20m, usage.EstimateCost(DeepSeekPricing.Flash));
            Assert.Equal(0.003m + 0.15m + 0.60m, usage.EstimateCost(DeepSeekPricing.Flash, saturday));
            Assert.Equal(0.006m + 0.30m + 1.20m, usage.EstimateCost(DeepSeekPricing.Flash, saturday.AddDays(2)));
            Assert.Equal(0.022m + 0.66m + 1.98m, usage.EstimateCost(DeepSeekPricing.V4Pro, saturday));
        }

        [Fact]
        public void Usage_parses_a_whole_response_or_the_usage_object()
        {
            const string usageJson = "{\"prompt_tokens\":3000,\"completion_tokens\":300,\"total_tokens\":3300,\"prompt_cache_hit_tokens\":1000,\"prompt_cache_miss_tokens\":2000,\"completion_tokens_details\":{\"reasoning_tokens\":100}}";

            foreach (var json in new[] { usageJson, "{\"id\":\"x\",\"choices\":[],\"usage\":" + usageJson + "}" })
            {
                var usage = DeepSeekUsage.Parse(json);
                Assert.Equal(1000, usage.CacheHitTokens);
                Assert.Equal(2000, usage.CacheMissTokens);
                Assert.Equal(3000, usage.InputTokens);
                Assert.Equal(300, usage.OutputTokens);
                Assert.Equal(100, usage.ReasoningTokens);
            }

            Assert.Throws<FormatException>(() => DeepSeekUsage.Parse("{\"id\":\"x\",\"usage\":null}"));
        }

        [Fact]
        public void Usage_without_cache_fields_bills_every_prompt_token_as_a_miss()
        {
            var usage = DeepSeekUsage.Parse("{\"usage\":{\"prompt_tokens\":50,\"completion_tokens\":5}}");

            Assert.Equal(0, usage.CacheHitTokens);
            Assert.Equal(50, usage.CacheMissTokens);
            Assert.Equal(0, usage.ReasoningTokens);
        }

        [Fact]
        public void Cost_is_exact_in_decimal()
        {
            var usage = new DeepSeekUsage(cacheHitTokens: 1, cacheMissTokens: 1, outputTokens: 1, reasoningTokens: 0);

            // 0.003 + 0.15 + 0.60 per 1M: a double would not give exactly 7.53E-07.
            Assert.Equal(0.000000753m, usage.EstimateCost(DeepSeekPricing.Flash.OffPeak));
            Assert.Equal(3_000_000m * 1.32m / 1_000_000m, new DeepSeekUsage(0, 3_000_000, 0, 0).EstimateCost(DeepSeekPricing.V4Pro.Peak));
        }

        [Fact]
        public void Inconsistent_counts_are_rejected()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekUsage(0, 0, 5, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekUsage(-1, 0, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => new DeepSeekPrice(-0.1m, 0m, 0m));
        }
    }
}
