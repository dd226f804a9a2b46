using System;
using DeepSeek.Catalog;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    public sealed class PricingAndUsageTests
    {
        [Fact]
        public void Prices_are_the_catalogs()
        {
            Assert.Equal(new DeepSeekPrice(0.0028m, 0.14m, 0.28m), DeepSeekPricing.V4Flash);
            Assert.Equal(new DeepSeekPrice(0.003625m, 0.435m, 0.87m), DeepSeekPricing.V4Pro);
            Assert.Equal(new DeepSeekPrice(0.0145m, 1.74m, 3.48m), DeepSeekPricing.V4ProListPrice);
            Assert.Equal(DeepSeekCatalog.V4FlashPrice.Output, DeepSeekPricing.V4Flash.Output);
        }

        [Fact]
        public void For_maps_models_and_retired_aliases_and_rejects_unknown_ids()
        {
            Assert.Same(DeepSeekPricing.V4Flash, DeepSeekPricing.For(DeepSeekModels.V4Flash));
            Assert.Same(DeepSeekPricing.V4Pro, DeepSeekPricing.For(DeepSeekModels.V4Pro));
            Assert.Same(DeepSeekPricing.V4Flash, DeepSeekPricing.For("deepseek-chat"));
            Assert.Same(DeepSeekPricing.V4Flash, DeepSeekPricing.For("DeepSeek-Reasoner"));
            var ex = Assert.Throws<ArgumentException>(() => DeepSeekPricing.For("deepseek-r1"));
            Assert.Contains("deepseek-r1", ex.Message);
            Assert.False(DeepSeekPricing.TryFor(null, out _));
        }

        [Fact]
        public void Models_and_endpoints_come_from_the_catalog()
        {
            Assert.Equal("deepseek-v4-flash", DeepSeekModels.V4Flash);
            Assert.True(DeepSeekModels.IsRetiredAlias("deepseek-chat"));
            Assert.False(DeepSeekModels.IsRetiredAlias(DeepSeekModels.V4Pro));
            Assert.Equal(DeepSeekModels.V4Flash, DeepSeekModels.Migrate("deepseek-reasoner"));
            Assert.Equal("https://api.deepseek.com", DeepSeekEndpoints.BaseUrl);
            Assert.Equal(new Uri("https://api.deepseek.com"), DeepSeekEndpoints.BaseUri);
            Assert.Equal("https://api.deepseek.com/chat/completions", DeepSeekEndpoints.ChatCompletionsUri.ToString());
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

            // 0.0028 + 0.14 + 0.28 per 1M: a double would not give exactly 4.228E-07.
            Assert.Equal(0.0000004228m, usage.EstimateCost(DeepSeekPricing.V4Flash));
            Assert.Equal(3_000_000m * 0.435m / 1_000_000m, new DeepSeekUsage(0, 3_000_000, 0, 0).EstimateCost(DeepSeekPricing.V4Pro));
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
