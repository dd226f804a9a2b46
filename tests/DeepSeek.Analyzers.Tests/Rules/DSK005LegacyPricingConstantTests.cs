using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK005LegacyPricingConstantAnalyzer,
    DeepSeek.Analyzers.Rules.DSK005LegacyPricingConstantCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public partial class DSK005LegacyPricingConstantTests
    {
        // ---- The facts' legacy table (deepseek-facts.md), written out here, not read from the catalog -----------------

        private static readonly (string Generation, string Hit, string Miss, string Output, bool Pro)[] FactsLegacyTable =
        {
            ("V3 deepseek-chat", "0.07", "0.27", "1.10", false),
            ("R1 deepseek-reasoner", "0.14", "0.55", "2.19", false),
            ("V3/R1 off-peak", "0.035", "0.135", "0.55", false),
            ("V3.1", "0.07", "0.56", "1.68", false),
            ("V3.2-Exp / V3.2", "0.028", "0.28", "0.42", false),
            ("V4 Flash launch", "0.0028", "0.14", "0.28", false),
            ("V4 Pro discounted", "0.003625", "0.435", "0.87", true),
            ("V4 Pro list", "0.0145", "1.74", "3.48", true),
            ("V4 Flash peak", "0.014", "0.44", "1.32", false),
            ("V4 Flash off-peak", "0.007", "0.22", "0.66", false),
        };

        /// <summary>Today's peak prices per role (deepseek-flash, deepseek-v4-pro), the fixes' targets.</summary>
        private static readonly string[] FlashPeak = { "0.006", "0.30", "1.20" };
        private static readonly string[] ProPeak = { "0.044", "1.32", "3.96" };

        private static readonly string[] RoleNames = { "CacheHitInput", "CacheMissInput", "Output" };

        /// <summary>Every legacy price of the facts with its role (0 hit, 1 miss, 2 output) and the peak price that replaces it.</summary>
        private static IEnumerable<(string Value, int Role, string Replacement)> LegacyPrices()
            => FactsLegacyTable.SelectMany(row => new[] { row.Hit, row.Miss, row.Output }
                .Select((value, role) => (value, role, (row.Pro ? ProPeak : FlashPeak)[role])));

        private static string Camel(int role) => char.ToLowerInvariant(RoleNames[role][0]) + RoleNames[role].Substring(1);

        private static string Key(int role) => role switch { 0 => "cache_hit_input", 1 => "cache_miss_input", _ => "output" };

        /// <summary>
        /// One source holding every legacy price of the facts in one declaration shape; <paramref name="legacy"/> false writes
        /// the replacements instead (the fixed source). The shape writes value, role name and index.
        /// </summary>
        private static string Source(Func<int, int, string, string> shape, bool legacy, string suffix, string extraMembers = "")
        {
            var members = LegacyPrices().Select((price, i) =>
            {
                var text = legacy ? "{|DSK005:" + price.Value + suffix + "|}" : price.Replacement + suffix;
                return "    " + shape(i, price.Role, text);
            });
            return "using System.Collections.Generic;\n\n"
                   + "record ModelPrice(decimal CacheHitInput, decimal CacheMissInput, decimal Output);\n\n"
                   + "static class DeepSeekPrices\n{\n"
                   + "    static decimal Set(decimal cacheHitInput = 0, decimal cacheMissInput = 0, decimal output = 0) => 0;\n"
                   + extraMembers
                   + string.Join("\n", members) + "\n}\n";
        }

        private static Task ShapeAsync(Func<int, int, string, string> shape, string suffix, string extraMembers = "")
            => VerifyCS.CodeFixAsync(Source(shape, legacy: true, suffix, extraMembers), Source(shape, legacy: false, suffix, extraMembers));

        /// <summary>A positional row with the price in its role's place and today's Flash peak prices in the others (never reported).</summary>
        private static string Row(int role, string text, string suffix)
            => string.Join(", ", Enumerable.Range(0, 3).Select(r => r == role ? text : FlashPeak[r] + suffix));

        // ---- Every legacy price of the facts, in every declaration shape ----------------------------------------------

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_in_a_const_field() => ShapeAsync(
            (i, role, value) => $"public const decimal F{i}{RoleNames[role]}Price = {value};", "m");

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_in_a_property_initializer() => ShapeAsync(
            (i, role, value) => $"public static double P{i}{RoleNames[role]}PricePerMillion {{ get; }} = {value};", string.Empty);

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_in_a_local() => ShapeAsync(
            (i, role, value) => $"static void L{i}() {{ float local{i}{RoleNames[role]}Usd = {value}; }}", "f");

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_as_a_parameter_default() => ShapeAsync(
            (i, role, value) => $"static void D{i}(decimal {Camel(role)}Price = {value}) {{ }}", "m");

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_as_a_named_argument() => ShapeAsync(
            (i, role, value) => $"static readonly decimal Price{i} = Set({Camel(role)}: {value});", "m");

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_as_a_positional_record_argument() => ShapeAsync(
            (i, role, value) => $"static readonly ModelPrice Row{i} = new({Row(role, value, "m")});", "m");

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_as_a_tuple_element() => ShapeAsync(
            (i, role, value) => $"static readonly (double CacheHitInput, double CacheMissInput, double Output) Tuple{i}Prices = ({Row(role, value, string.Empty)});",
            string.Empty);

        [Fact]
        public Task Flags_and_fixes_every_legacy_price_under_a_dictionary_key() => ShapeAsync(
            (i, role, value) => $"static readonly Dictionary<string, double> Table{i} = new() {{ [\"{Key(role)}_price\"] = {value} }};", string.Empty);

        // ---- Other spellings of the same shapes ----------------------------------------------------------------------

        [Fact]
        public Task Flags_model_keyed_tables_named_for_their_role() => VerifyCS.AnalyzerAsync(
            """
            using System.Collections.Generic;

            static class Pricing
            {
                static readonly Dictionary<string, decimal> OutputPricePerMillion = new()
                {
                    ["deepseek-chat"] = {|DSK005:1.10m|},
                    ["deepseek-reasoner"] = {|DSK005:2.19m|},
                };

                static readonly Dictionary<string, decimal> InputUsdPerMTok = new Dictionary<string, decimal>
                {
                    { "deepseek-chat", {|DSK005:0.27m|} },
                    { "deepseek-reasoner", {|DSK005:0.55m|} },
                };

                static readonly Dictionary<string, (decimal Input, decimal CachedInput, decimal Output)> Prices = new()
                {
                    ["deepseek-chat"] = ({|DSK005:0.27m|}, {|DSK005:0.07m|}, {|DSK005:1.10m|}),
                };
            }
            """);

        [Fact]
        public Task Flags_object_initializer_members_anonymous_members_named_tuples_and_arrays() => VerifyCS.AnalyzerAsync(
            """
            class PriceSheet
            {
                public decimal PromptPrice { get; set; }
                public decimal CompletionPrice { get; set; }
            }

            class DeepSeekCostModel
            {
                PriceSheet Sheet = new PriceSheet { PromptPrice = {|DSK005:0.27m|}, CompletionPrice = {|DSK005:1.10m|} };
                object Anonymous = new { CacheHitCost = {|DSK005:0.07|}, Output = 1.20 };
                (decimal Input, decimal Output) Named = (Input: 0, Output: 0);
                decimal[] CompletionPrices = { {|DSK005:1.10m|}, {|DSK005:2.19m|} };

                void Set()
                {
                    var costs = (CacheMissInput: {|DSK005:0.27|}, Output: {|DSK005:1.10|});
                    Sheet.PromptPrice = {|DSK005:0.56m|};
                }
            }
            """);

        [Fact]
        public Task Flags_per_1K_per_token_and_divided_prices_at_the_literal() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekRates
            {
                const double InputPricePer1K = {|DSK005:0.00027|};
                const decimal OutputPricePerToken = {|DSK005:0.0000011m|};
                const double CacheHitInputPricePerToken = {|DSK005:0.07|} / 1_000_000;
                const decimal OutputCostPer1K = {|DSK005:1.10m|} / 1000m;
                static readonly double PromptPerTokenUsd = ({|DSK005:0.27|} / 1e6);
                const float OutputPricePerMillion = {|DSK005:2.19E0f|};
                const decimal InputPrice = {|DSK005:0.270m|};
                const double MissPrice = {|DSK005:0.2_7|};
            }
            """);

        [Fact]
        public Task Flags_role_ambiguous_values_only_for_the_role_they_are_legacy_in() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekPricing
            {
                // 0.66 and 1.32: the legacy V4 Flash output prices, and today's Pro cache-miss input prices.
                const decimal OutputPriceOffPeak = {|DSK005:0.66m|};
                const decimal OutputPricePeak = {|DSK005:1.32m|};
                const decimal InputPriceOffPeak = 0.66m;
                const decimal InputPricePeak = 1.32m;
                const decimal PricePerMillion = 0.66m;
                const decimal Price = 1.32m;
            }
            """);

        [Fact]
        public Task Flags_values_legacy_in_every_role_without_a_role() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekBudget
            {
                const decimal PricePerMillionTokens = {|DSK005:0.28m|};
                const double CostPerToken = {|DSK005:0.27|} / 1_000_000;
                const decimal DefaultUsd = {|DSK005:2.19m|};
            }
            """);

        [Fact]
        public Task A_hit_word_wins_over_input_and_CacheMiss_is_the_miss_role() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekPrices
            {
                // 0.07 is a legacy cache-hit price only, 0.27 a cache-miss price only.
                const decimal CacheHitInputPrice = {|DSK005:0.07m|};
                const decimal CachedPromptPrice = {|DSK005:0.07m|};
                const decimal InputCacheHitPrice = 0.27m;
                const decimal CacheMissInputPrice = {|DSK005:0.27m|};
                const decimal CacheMissPrice = 0.07m;
                const decimal CompletionPrice = 0.27m;
                const decimal PromptPrice = {|DSK005:0.27m|};
            }
            """);

        // ---- Where DeepSeek evidence comes from --------------------------------------------------------------------

        [Fact]
        public Task Flags_prices_in_a_file_with_a_DeepSeek_client_through_the_evidence_engine() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class Assistant
            {
                private readonly ChatClient _client = new ChatClient("some-model", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            }

            class CostEstimator
            {
                public const decimal InputPricePerMillion = {|DSK005:0.27m|};
                public decimal Estimate(int tokens) => tokens * InputPricePerMillion / 1_000_000m;
            }
            """);

        [Fact]
        public Task Flags_prices_in_a_DeepSeek_namespace_method_or_file() => VerifyCS.AnalyzerAsync(
            """
            namespace Billing.DeepSeek
            {
                class Costs
                {
                    const decimal OutputPrice = {|DSK005:1.10m|};
                }
            }

            namespace Billing
            {
                class Estimator
                {
                    decimal EstimateDeepSeek(int tokens)
                    {
                        var outputPrice = {|DSK005:1.10m|};
                        return tokens * outputPrice;
                    }
                }
            }
            """);

        // ---- Silence ----------------------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_current_prices_of_both_models_in_both_tiers() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekPrices
            {
                const decimal FlashCacheHitInputPeak = 0.006m, FlashCacheHitInputOffPeakPrice = 0.003m;
                const decimal FlashCacheMissInputPrice = 0.30m, FlashCacheMissInputOffPeakPrice = 0.15m;
                const decimal FlashOutputPrice = 1.20m, FlashOutputOffPeakPrice = 0.60m;
                const decimal ProCacheHitInputPrice = 0.044m, ProCacheHitInputOffPeakPrice = 0.022m;
                const decimal ProCacheMissInputPrice = 1.32m, ProCacheMissInputOffPeakPrice = 0.66m;
                const decimal ProOutputPrice = 3.96m, ProOutputOffPeakPrice = 1.98m;
                const double FlashInputPricePer1K = 0.0003, FlashOutputPricePerToken = 0.0000012;
                static readonly ModelPrice Flash = new(0.006m, 0.30m, 1.20m);
            }

            record ModelPrice(decimal CacheHitInput, decimal CacheMissInput, decimal Output);
            """);

        [Fact]
        public Task Ignores_legacy_values_in_code_without_DeepSeek_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System.Collections.Generic;

            // Prices copied from the DeepSeek docs: a comment opens the file gate but is no evidence.
            class InvoicePricing
            {
                const decimal InputPricePerMillion = 0.27m;
                const decimal OutputPrice = 1.10m;
                decimal VatRate = 0.07m;
                readonly Dictionary<string, decimal> Prices = new() { ["gpt-4o-mini-input"] = 0.15m, ["output"] = 2.19m };
            }

            class Window
            {
                public double Opacity { get; set; } = 0.55;
            }
            """);

        [Fact]
        public Task Ignores_sampling_parameters_ratios_and_other_models_rows_in_DeepSeek_code() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI;
            using OpenAI.Chat;

            class DeepSeekChatCostTracker
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                const double ExpectedCacheHitRate = 0.07;
                const double CacheMissRatio = 0.28;
                const double OutputTokensRatio = 0.28;
                const double InputShare = 0.55;
                const double Temperature = 0.55;
                const int MaxOutputTokens = 1024;

                static readonly Dictionary<string, decimal> InputPricePerMillion = new()
                {
                    ["gpt-4o-mini"] = 0.27m,
                    ["deepseek-flash"] = 0.30m,
                };

                ChatCompletion Ask(string question) => _client.CompleteChat(
                    new ChatMessage[] { new UserChatMessage(question) },
                    new ChatCompletionOptions { TopP = 0.55f, Temperature = 0.28f, FrequencyPenalty = 0.14f });
            }
            """);

        [Fact]
        public Task Ignores_integers_hex_and_values_that_only_look_alike() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekPrices
            {
                const decimal InputPrice = 27m;
                const double OutputPrice = 110;
                const int OutputPricePerMillionCents = 0x110;
                const double CacheMissInputPrice = 0.2700001;
                const double NegativeOutputPrice = -1.5;
            }
            """);

        // ---- Options --------------------------------------------------------------------------------------------------

        [Fact]
        public Task Severity_none_turns_the_rule_off() => VerifyCS.Test(
            """
            static class DeepSeekPrices
            {
                const decimal OutputPrice = 1.10m;
            }
            """).WithOptions("dotnet_diagnostic.DSK005.severity = none").RunAsync();

        [Fact]
        public Task A_catalog_file_adds_a_legacy_price_and_changes_the_current_one()
        {
            var test = VerifyCS.Test(
                """
                static class DeepSeekPrices
                {
                    const decimal OutputPrice = {|DSK005:1.20m|};
                    const decimal NewOutputPrice = 1.50m;
                    const decimal BetaInputPrice = {|DSK005:0.25m|};
                }
                """,
                """
                static class DeepSeekPrices
                {
                    const decimal OutputPrice = 1.50m;
                    const decimal NewOutputPrice = 1.50m;
                    const decimal BetaInputPrice = 0.40m;
                }
                """);
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash", "price": {
                    "peak":    { "cacheHitInput": 0.008, "cacheMissInput": 0.40, "output": 1.50 },
                    "offPeak": { "cacheHitInput": 0.004, "cacheMissInput": 0.20, "output": 0.75 } } } ],
                  "legacyPrices": [
                    { "generation": "V4.1 Flash peak", "role": "output", "price": 1.20 },
                    { "generation": "Beta", "role": "cacheMissInput", "price": 0.25 }
                  ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_the_generation_role_unit_and_todays_peak_price() => VerifyCS.AnalyzerAsync(
            """
            static class DeepSeekPrices
            {
                const double InputPricePer1K = {|#0:0.00027|};
                const decimal ProOutputPrice = {|#1:3.48m|};
            }
            """,
            VerifyCS.Diagnostic("DSK005").WithLocation(0).WithArguments(
                "0.00027", "V3 deepseek-chat", "cache-miss input", "USD per 1K tokens",
                "; today's deepseek-flash cache-miss input price is 0.0003 at peak hours (off-peak is half)"),
            VerifyCS.Diagnostic("DSK005").WithLocation(1).WithArguments(
                "3.48m", "V4 Pro list", "output", "USD per 1M tokens",
                "; today's deepseek-v4-pro output price is " + 3.96m.ToString(CultureInfo.InvariantCulture) + " at peak hours (off-peak is half)"));
    }
}
