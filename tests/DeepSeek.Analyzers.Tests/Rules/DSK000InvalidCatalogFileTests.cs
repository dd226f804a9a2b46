using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Testing;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK000InvalidCatalogFileAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK000InvalidCatalogFileTests
    {
        private const string Source = "class C { }";

        private static Task Verify(string json, params DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test(Source, null, expected);
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", json));
            return test.RunAsync();
        }

        [Fact]
        public Task Reports_a_syntax_error_once_inside_the_file() => Verify(
            """
            {
              "models": [ { "id": "deepseek-v5" } }
            }
            """,
            VerifyCS.Diagnostic("DSK000").WithSpan("/deepseek.catalog.json", 2, 39, 2, 40).WithArguments("',' or ']' was expected"));

        [Fact]
        public Task Reports_a_schema_error() => Verify(
            """
            { "aliases": [ { "alias": "deepseek-old", "model": "deepseek-nowhere" } ] }
            """,
            VerifyCS.Diagnostic("DSK000").WithSpan("/deepseek.catalog.json", 1, 52, 1, 53)
                .WithArguments("alias 'deepseek-old' maps to 'deepseek-nowhere', which is not a model id of the catalog"));

        [Fact]
        public Task Reports_an_empty_file() => Verify(
            "",
            VerifyCS.Diagnostic("DSK000").WithSpan("/deepseek.catalog.json", 1, 1, 1, 1).WithArguments("unexpected end of file; a value was expected"));

        [Fact]
        public Task Accepts_comments_trailing_commas_and_unknown_properties() => Verify(
            """
            {
              "$schema": "https://example.com/deepseek.catalog.schema.json",
              /* V4.1 */
              "models": [
                { "id": "deepseek-flash-5", "thinkingByDefault": true, "description": "V5 Flash", "since": "2027-01-01", "price": { "peak": { "cacheHitInput": 0.006, "cacheMissInput": 0.3, "output": 1.2 }, "offPeak": { "cacheHitInput": 0.003, "cacheMissInput": 0.15, "output": 0.6 } }, },
              ],
              "aliases": [
                { "alias": "deepseek-flash", "model": "deepseek-flash-5", "thinking": true, "status": "legacy", "since": "2027-01-01T00:00:00Z" }, // still served
                { "alias": "deepseek-v4-flash", "model": "deepseek-flash-5", "status": "retired", "retiredAfter": "2027-02-01T00:00:00Z" },
              ],
              "legacyPrices": [ { "generation": "V4.1 Flash", "role": "output", "price": 1.2, "model": "deepseek-flash-5", "since": "2026-09-10" } ],
            }
            """);

        [Fact]
        public Task Other_json_files_are_not_read()
        {
            var test = VerifyCS.Test(Source);
            test.TestState.AdditionalFiles.Add(("/appsettings.json", "{ not json"));
            return test.RunAsync();
        }

        [Theory]
        [InlineData("[]")]
        [InlineData("{ \"models\": {} }")]
        [InlineData("{ \"models\": [ { \"id\": 5 } ] }")]
        [InlineData("{ \"models\": [ { \"id\": \"x\", \"price\": { \"output\": -1 } } ] }")]
        [InlineData("{ \"models\": [ { \"id\": \"x\", \"thinkingByDefault\": \"yes\" } ] }")]
        [InlineData("{ \"models\": [ { \"id\": \"x\", \"price\": { \"peak\": { \"cacheHitInput\": 1, \"cacheMissInput\": 1, \"output\": 1 } } } ] }")]
        [InlineData("{ \"models\": [ { \"id\": \"x\", \"price\": { \"peak\": {}, \"offPeak\": {} } } ] }")]
        [InlineData("{ \"models\": [ { \"id\": \"x\", \"since\": \"soon\" } ] }")]
        [InlineData("{ \"aliases\": [ { \"alias\": \"a\", \"model\": \"deepseek-flash\", \"status\": \"gone\" } ] }")]
        [InlineData("{ \"legacyPrices\": [ { \"generation\": \"V3\", \"role\": \"input\", \"price\": 0.27 } ] }")]
        [InlineData("{ \"legacyPrices\": [ { \"generation\": \"V3\", \"role\": \"output\" } ] }")]
        [InlineData("{ \"legacyPrices\": [ { \"role\": \"output\", \"price\": 1 } ] }")]
        [InlineData("{ \"legacyPrices\": [ { \"generation\": \"V3\", \"role\": \"output\", \"price\": 1, \"model\": \"deepseek-nowhere\" } ] }")]
        [InlineData("{ \"a\": \"\\q\" }")]
        [InlineData("{ \"a\": \"unterminated }")]
        [InlineData("{ \"a\": tru }")]
        [InlineData("{ \"a\": 1.2.3 }")]
        [InlineData("/* unterminated")]
        [InlineData("{ \"a\": 1 } extra")]
        [InlineData("[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[")]
        public void Invalid_files_leave_the_catalog_unchanged(string json)
        {
            var result = CatalogFile.Apply(EffectiveCatalog.Base, json, out var error);
            Assert.NotNull(error);
            Assert.Same(EffectiveCatalog.Base, result);
        }

        [Fact]
        public void Valid_file_adds_replaces_and_retires()
        {
            var result = CatalogFile.Apply(
                EffectiveCatalog.Base,
                """
                {
                  "models": [
                    { "id": "deepseek-flash", "price": { "cacheHitInput": 0.001, "cacheMissInput": 0.1, "output": 0.2 } },
                    { "id": "deepseek-v4-pro", "description": "Pro at list price", "price": { "cacheHitInput": 0.0145, "cacheMissInput": 1.74, "output": 3.48 } }
                  ],
                  "aliases": [ { "alias": "deepseek-v4-flash", "model": "deepseek-flash", "thinking": true } ]
                }
                """,
                out var error);
            Assert.Null(error);
            Assert.NotNull(result.FindModel("deepseek-flash"));
            Assert.Null(result.FindModel("deepseek-v4-flash"));
            Assert.Equal("deepseek-flash", result.FindAlias("deepseek-v4-flash")!.CurrentModel);
            Assert.Equal(3.48m, result.FindPrice("deepseek-v4-pro")!.Peak.Output);
            Assert.Equal(3.48m, result.FindPrice("deepseek-v4-pro")!.OffPeak.Output);
            Assert.Equal(0.2m, result.FindPrice("deepseek-v4-flash")!.Peak.Output);
            Assert.Equal("Pro at list price", result.FindModel("deepseek-v4-pro")!.Description);
            Assert.NotNull(result.FindAlias("deepseek-chat"));
        }

        [Fact]
        public void A_file_that_renames_Flash_moves_every_old_name_and_price_along()
        {
            var result = CatalogFile.Apply(
                EffectiveCatalog.Base,
                """
                {
                  "models": [ { "id": "deepseek-flash-2", "since": "2027-03-01", "price": { "peak": { "cacheHitInput": 0.004, "cacheMissInput": 0.2, "output": 0.8 }, "offPeak": { "cacheHitInput": 0.002, "cacheMissInput": 0.1, "output": 0.4 } } } ],
                  "aliases": [ { "alias": "deepseek-flash", "model": "deepseek-flash-2", "status": "legacy", "since": "2027-03-01" } ],
                  "legacyPrices": [ { "generation": "V4.1 Flash peak", "role": "output", "price": 1.2, "since": "2026-09-10" } ]
                }
                """,
                out var error);
            Assert.Null(error);
            Assert.Null(result.FindModel("deepseek-flash"));
            Assert.True(result.FindAlias("deepseek-flash")!.IsLegacy);
            foreach (var old in new[] { "deepseek-chat", "deepseek-reasoner", "deepseek-v4-flash", "deepseek-v4-flash-vision-exp", "deepseek-flash" })
            {
                Assert.Equal("deepseek-flash-2", result.CurrentIdFor(old));
                Assert.Equal(0.8m, result.FindPrice(old)!.Peak.Output);
                Assert.Equal(0.4m, result.FindPrice(old)!.OffPeak.Output);
            }

            Assert.True(result.FindAlias("deepseek-chat")!.IsRetired);
            Assert.False(result.FindAlias("deepseek-chat")!.Thinking);
            var added = Assert.Single(result.LegacyPrices, p => p.Generation == "V4.1 Flash peak");
            Assert.Equal("deepseek-flash-2", added.ReplacedBy);
            Assert.Equal(DeepSeek.Catalog.PriceRole.Output, added.Role);
            Assert.Equal(DeepSeek.Catalog.DeepSeekCatalog.LegacyPrices.Count + 1, result.LegacyPrices.Length);
        }

        [Fact]
        public void A_legacy_price_of_the_same_generation_and_role_is_replaced()
        {
            var result = CatalogFile.Apply(
                EffectiveCatalog.Base,
                """{ "legacyPrices": [ { "generation": "V3.2", "role": "cacheMissInput", "price": 0.29, "model": "deepseek-v4-pro" } ] }""",
                out var error);
            Assert.Null(error);
            var price = Assert.Single(result.LegacyPrices, p => p.Generation == "V3.2" && p.Role == DeepSeek.Catalog.PriceRole.CacheMissInput);
            Assert.Equal(0.29m, price.PerMillion);
            Assert.Equal("deepseek-v4-pro", price.ReplacedBy);
            Assert.Equal(DeepSeek.Catalog.DeepSeekCatalog.LegacyPrices.Count, result.LegacyPrices.Length);
        }

        [Fact]
        public void The_base_catalog_and_the_shared_catalog_price_every_id_alike()
        {
            foreach (var id in new[] { "deepseek-flash", "deepseek-v4-pro", "deepseek-chat", "DeepSeek-Reasoner", "deepseek-v4-flash", "deepseek-v4-flash-vision-exp", "deepseek-r1", "DeepSeek-V4-Pro", "" })
            {
                Assert.Same(DeepSeek.Catalog.DeepSeekCatalog.FindPrice(id), EffectiveCatalog.Base.FindPrice(id));
            }

            Assert.Null(EffectiveCatalog.Base.FindPrice(null));
            Assert.Equal(DeepSeek.Catalog.DeepSeekCatalog.LegacyPrices, EffectiveCatalog.Base.LegacyPrices);
        }
    }
}
