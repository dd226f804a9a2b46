using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>The <c>deepseek_analyzers.*</c> option values: arbitrary text typed into .editorconfig.</summary>
    public class OptionProperties
    {
        private static readonly string[] Keys =
        {
            "deepseek_analyzers.scope", "deepseek_analyzers.target_model", "deepseek_analyzers.allowed_models",
            "deepseek_analyzers.default_max_tokens", "deepseek_analyzers.max_retries", "deepseek_analyzers.api_key_variable",
            "deepseek_analyzers.api_key_configuration_key",
        };

        private static readonly Gen<string> Value = Gen.Frequency(
            (1, TextGen.Any),
            (3, TextGen.From(Gen.OneOf(
                "deepseek-v4-flash", "deepseek-v4-pro", ",", ";", " ", "\t", "\u00A0", "all_openai_compatible", "evidence", "0", "1", "-1",
                "2147483648", "1024", "+5", " 7 ", "MY_KEY", "Ai:Key", "é"), 6)));

        private static readonly Gen<Dictionary<string, string>> Options =
            Gen.Select(Gen.Int[0, Keys.Length - 1], Value).Array[0, 8].Select(pairs =>
            {
                var options = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var (key, value) in pairs)
                {
                    options[Keys[key]] = value;
                }

                return options;
            });

        [Fact]
        public void Any_option_text_reads_to_usable_settings()
            => Property.Check(Options, values =>
            {
                var options = Scanners.ReadOptions(new ConfigOptions(values));
                Assert.InRange(options.DefaultMaxTokens, 1, int.MaxValue);
                Assert.InRange(options.MaxRetries, 0, int.MaxValue);
                AssertWord(options.TargetModel);
                AssertWord(options.ApiKeyVariable);
                AssertWord(options.ApiKeyConfigurationKey);
                foreach (var allowed in options.AllowedModels)
                {
                    AssertWord(allowed);
                }

                var again = Scanners.ReadOptions(new ConfigOptions(values));
                Assert.Equal(options.Scope, again.Scope);
                Assert.Equal(options.AllowedModels.ToArray(), again.AllowedModels.ToArray());
            }, print: values => string.Join("; ", values.Select(p => p.Key + " = " + Property.Escape(p.Value))));

        /// <summary>A setting a rule compares with or writes into code: not empty, no white space around it.</summary>
        private static void AssertWord(string value)
        {
            Assert.False(string.IsNullOrWhiteSpace(value), "an empty setting");
            Assert.Equal(value.Trim(), value);
        }

        private sealed class ConfigOptions : AnalyzerConfigOptions
        {
            private readonly Dictionary<string, string> _values;

            public ConfigOptions(Dictionary<string, string> values)
            {
                _values = values;
            }

            public override bool TryGetValue(string key, out string value)
            {
                if (_values.TryGetValue(key, out var found))
                {
                    value = found;
                    return true;
                }

                value = null!;
                return false;
            }
        }
    }
}
