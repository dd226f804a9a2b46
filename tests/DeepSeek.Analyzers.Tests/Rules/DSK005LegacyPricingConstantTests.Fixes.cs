using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK005LegacyPricingConstantAnalyzer,
    DeepSeek.Analyzers.Rules.DSK005LegacyPricingConstantCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public partial class DSK005LegacyPricingConstantTests
    {
        // ---- Plain values: same type, suffix and unit -----------------------------------------------------------------

        [Fact]
        public Task Fixes_per_1K_per_token_and_divided_values_in_their_unit() => VerifyCS.CodeFixAsync(
            """
            static class DeepSeekRates
            {
                const double InputPricePer1K = {|DSK005:0.00027|};
                const decimal OutputPricePerToken = {|DSK005:0.0000011M|};
                const double CacheHitInputPricePerToken = {|DSK005:0.07|} / 1_000_000;
                const decimal OutputCostPer1K = {|DSK005:1.10m|} / 1000m;
                const float ProInputPricePer1K = {|DSK005:0.00174F|};
                const double OutputPriceD = {|DSK005:2.19d|};
            }
            """,
            """
            static class DeepSeekRates
            {
                const double InputPricePer1K = 0.0003;
                const decimal OutputPricePerToken = 0.0000012M;
                const double CacheHitInputPricePerToken = 0.006 / 1_000_000;
                const decimal OutputCostPer1K = 1.20m / 1000m;
                const float ProInputPricePer1K = 0.00132F;
                const double OutputPriceD = 1.20d;
            }
            """);

        [Fact]
        public Task Fixes_a_value_legacy_in_several_roles_only_where_the_role_is_known() => WithFixedMarkup(VerifyCS.Test(
            """
            static class DeepSeekBudget
            {
                // 0.28 was V3.2's cache-miss price and V4 Flash's launch output price: without a role no single price replaces it.
                const decimal PricePerMillion = {|DSK005:0.28m|};
                const decimal OutputPrice = {|DSK005:0.28m|};
                // 2.19 was only ever an output price.
                const decimal DefaultUsd = {|DSK005:2.19m|};
            }
            """,
            """
            static class DeepSeekBudget
            {
                // 0.28 was V3.2's cache-miss price and V4 Flash's launch output price: without a role no single price replaces it.
                const decimal PricePerMillion = {|DSK005:0.28m|};
                const decimal OutputPrice = 1.20m;
                // 2.19 was only ever an output price.
                const decimal DefaultUsd = 1.20m;
            }
            """)).RunAsync();

        /// <summary>The fixed source keeps a finding no fix can clear: its markup is checked too.</summary>
        private static Verifiers.DeepSeekTest<Analyzers.Rules.DSK005LegacyPricingConstantAnalyzer, Analyzers.Rules.DSK005LegacyPricingConstantCodeFixProvider> WithFixedMarkup(
            Verifiers.DeepSeekTest<Analyzers.Rules.DSK005LegacyPricingConstantAnalyzer, Analyzers.Rules.DSK005LegacyPricingConstantCodeFixProvider> test)
        {
            test.FixedState.MarkupHandling = Microsoft.CodeAnalysis.Testing.MarkupMode.Allow;
            return test;
        }

        // ---- DeepSeek.Runtime: the DeepSeekPricing member, in the literal's unit and type ---------------------------------

        [Fact]
        public Task Fixes_to_DeepSeekPricing_members_with_the_runtime() => VerifyCS.Test(
            """
            using System.Collections.Generic;

            record ModelPrice(decimal CacheHitInput, decimal CacheMissInput, decimal Output);

            class DeepSeekCosts
            {
                static readonly decimal InputPrice = {|DSK005:0.27m|};
                decimal OutputPrice { get; } = {|DSK005:3.48m|};
                static readonly double CachedInputPricePer1K = {|DSK005:0.00007|};
                static readonly float OutputPricePerToken = {|DSK005:0.0000011f|};
                static readonly double PromptPricePerToken = {|DSK005:0.27|} / 1_000_000;
                static readonly ModelPrice Chat = new({|DSK005:0.07m|}, 0.30m, 1.20m);
                static readonly Dictionary<string, decimal> Table = new() { ["output_price"] = {|DSK005:1.10m|} };
                static readonly (double Input, double Output) Costs = ({|DSK005:0.27|}, 1.20);

                decimal Estimate(int tokens)
                {
                    var outputPricePer1K = {|DSK005:1.10m|} / 1000m;
                    return tokens * outputPricePer1K;
                }
            }
            """,
            """
            using System.Collections.Generic;
            using DeepSeek.Runtime;

            record ModelPrice(decimal CacheHitInput, decimal CacheMissInput, decimal Output);

            class DeepSeekCosts
            {
                static readonly decimal InputPrice = DeepSeekPricing.Flash.Peak.CacheMissInput;
                decimal OutputPrice { get; } = DeepSeekPricing.V4Pro.Peak.Output;
                static readonly double CachedInputPricePer1K = (double)(DeepSeekPricing.Flash.Peak.CacheHitInput / 1000m);
                static readonly float OutputPricePerToken = (float)(DeepSeekPricing.Flash.Peak.Output / 1_000_000m);
                static readonly double PromptPricePerToken = (double)DeepSeekPricing.Flash.Peak.CacheMissInput / 1_000_000;
                static readonly ModelPrice Chat = new(DeepSeekPricing.Flash.Peak.CacheHitInput, 0.30m, 1.20m);
                static readonly Dictionary<string, decimal> Table = new() { ["output_price"] = DeepSeekPricing.Flash.Peak.Output };
                static readonly (double Input, double Output) Costs = ((double)DeepSeekPricing.Flash.Peak.CacheMissInput, 1.20);

                decimal Estimate(int tokens)
                {
                    var outputPricePer1K = DeepSeekPricing.Flash.Peak.Output / 1000m;
                    return tokens * outputPricePer1K;
                }
            }
            """).WithRuntime().RunAsync();

        [Fact]
        public Task Writes_the_value_where_a_constant_is_required_even_with_the_runtime() => VerifyCS.Test(
            """
            static class DeepSeekPrices
            {
                const decimal OutputPrice = {|DSK005:1.10m|};

                static decimal Estimate(int tokens, decimal cacheHitPrice = {|DSK005:0.014m|}) => tokens * cacheHitPrice;

                static void Local()
                {
                    const double outputPricePer1K = {|DSK005:0.00066|};
                }
            }
            """,
            """
            static class DeepSeekPrices
            {
                const decimal OutputPrice = 1.20m;

                static decimal Estimate(int tokens, decimal cacheHitPrice = 0.006m) => tokens * cacheHitPrice;

                static void Local()
                {
                    const double outputPricePer1K = 0.0012;
                }
            }
            """).WithRuntime().RunAsync();
    }
}
