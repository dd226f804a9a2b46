using System.Linq;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The appsettings*.json scanner: any text, exact spans, and the section binding's one-way rules.</summary>
    public class AppSettingsProperties
    {
        private static readonly Gen<string> Documents = Json.Documents.Select(Gen.Enum<Json.Layout>(), (d, layout) => Json.Write(d, layout));

        [Fact]
        public void Any_text_and_every_prefix_of_a_document_yields_values_that_span_a_quoted_string_or_nothing()
            => Property.Check(Gen.Frequency((1, TextGen.From(TextGen.JsonTokens, 24)), (2, Documents.Select(d => "{ \"DeepSeek\": " + d + " }"))), text =>
            {
                for (var length = text.Length; length >= 0; length -= 1 + (text.Length / 16))
                {
                    var prefix = text.Substring(0, length);
                    foreach (var (value, start, end, _, _) in Scanners.AppSettingsValues(prefix))
                    {
                        Assert.InRange(start, 0, prefix.Length - 2);
                        Assert.InRange(end, start + 2, prefix.Length);
                        Assert.Equal('"', prefix[start]);
                        Assert.Equal('"', prefix[end - 1]);
                        Assert.Equal(value, ((JsonStringNode)Scanners.ParseJson(prefix.Substring(start, end - start), out _)!).Value);
                    }
                }
            }, iterations: 500);

        [Fact]
        public void A_DeepSeek_section_binds_everything_in_it_and_another_hosts_endpoint_unbinds_it_whatever_the_names()
            => Property.Check(Json.Documents.Select(d => Json.Write(d, Json.Layout.Compact)), document =>
            {
                // The generated documents hold no endpoint of their own, so the sections around them decide.
                var bound = Scanners.AppSettingsValues("{ \"DeepSeek\": { \"Inner\": " + document + ", \"Note\": \"x\" } }");
                Assert.All(bound, v => Assert.Equal(DeepSeekBinding.Bound, v.Binding));
                var other = Scanners.AppSettingsValues(
                    "{ \"Gateway\": { \"BaseUrl\": \"https://openrouter.ai/api/v1\", \"DeepSeek\": { \"Inner\": " + document + ", \"Note\": \"x\" } } }");
                Assert.NotEmpty(other);
                Assert.All(other, v => Assert.Equal(DeepSeekBinding.OtherHost, v.Binding));
            });

        [Fact]
        public void Only_files_named_appsettings_json_are_read()
            => Property.Check(Gen.Select(Gen.OneOf("appsettings", "AppSettings", "APPSETTINGS", "appsetting", "settings", "myappsettings"), Gen.OneOf("", ".Development", ".x.y"), Gen.OneOf(".json", ".JSON", ".json5", ".jsonc", "")), (name, middle, extension) =>
            {
                var file = name + middle + extension;
                var expected = name.ToLowerInvariant() == "appsettings" && extension.ToLowerInvariant() == ".json";
                Assert.Equal(expected, Scanners.IsAppSettingsPath("/src/app/" + file));
            });
    }
}
