using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    public class DeepSeekOptionsTests
    {
        [Fact]
        public void No_keys_gives_the_shared_defaults()
        {
            var options = DeepSeekOptions.Read(new Config());
            Assert.Same(DeepSeekOptions.Default, options);
            Assert.Equal(DeepSeekScope.Evidence, options.Scope);
            Assert.Equal("deepseek-flash", options.TargetModel);
            Assert.Equal(new[] { "deepseek-flash" }, options.AllowedModels);
            Assert.Equal(1024, options.DefaultMaxTokens);
            Assert.Equal(2, options.MaxRetries);
            Assert.Equal("DEEPSEEK_API_KEY", options.ApiKeyVariable);
            Assert.Equal("DeepSeek:ApiKey", options.ApiKeyConfigurationKey);
        }

        [Fact]
        public void Every_key_is_read()
        {
            var options = DeepSeekOptions.Read(new Config
            {
                ["deepseek_analyzers.scope"] = " all_openai_compatible ",
                ["deepseek_analyzers.target_model"] = "deepseek-flash",
                ["deepseek_analyzers.allowed_models"] = "deepseek-flash, deepseek-v4-pro",
                ["deepseek_analyzers.default_max_tokens"] = "2048",
                ["deepseek_analyzers.max_retries"] = "1",
                ["deepseek_analyzers.api_key_variable"] = "MY_DEEPSEEK_KEY",
                ["deepseek_analyzers.api_key_configuration_key"] = "Ai:DeepSeek:Key",
            });
            Assert.Equal(DeepSeekScope.AllOpenAICompatible, options.Scope);
            Assert.Equal("deepseek-flash", options.TargetModel);
            Assert.Equal(new[] { "deepseek-flash", "deepseek-v4-pro" }, options.AllowedModels);
            Assert.True(options.IsAllowedModel("DEEPSEEK-V4-PRO"));
            Assert.Equal(2048, options.DefaultMaxTokens);
            Assert.Equal(1, options.MaxRetries);
            Assert.Equal("MY_DEEPSEEK_KEY", options.ApiKeyVariable);
            Assert.Equal("Ai:DeepSeek:Key", options.ApiKeyConfigurationKey);
        }

        [Theory]
        [InlineData("deepseek_analyzers.default_max_tokens", "-5")]
        [InlineData("deepseek_analyzers.default_max_tokens", "lots")]
        [InlineData("deepseek_analyzers.max_retries", "-1")]
        [InlineData("deepseek_analyzers.target_model", "   ")]
        [InlineData("deepseek_analyzers.scope", "everything")]
        public void Invalid_values_fall_back_to_defaults(string key, string value)
        {
            Assert.Same(DeepSeekOptions.Default, DeepSeekOptions.Read(new Config { [key] = value }));
        }

        [Fact]
        public void Empty_allowlist_allows_nothing()
        {
            var options = DeepSeekOptions.Read(new Config { ["deepseek_analyzers.allowed_models"] = "" });
            Assert.Empty(options.AllowedModels);
            Assert.False(options.IsAllowedModel("deepseek-flash"));
        }

        [Theory]
        [InlineData("deepseek-v4-flash,\t,deepseek-v4-pro")]
        [InlineData("deepseek-v4-flash;\u00A0;deepseek-v4-pro")]
        public void White_space_between_separators_is_no_allowed_model(string value)
        {
            // Found by the option property test: "\t" and a no-break space were read as an allowed model "".
            var options = DeepSeekOptions.Read(new Config { ["deepseek_analyzers.allowed_models"] = value });
            Assert.Equal(new[] { "deepseek-v4-flash", "deepseek-v4-pro" }, options.AllowedModels);
        }

        private sealed class Config : AnalyzerConfigOptions, IEnumerable<KeyValuePair<string, string>>
        {
            private readonly Dictionary<string, string> _values = new();

            public string this[string key]
            {
                set => _values[key] = value;
            }

            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => _values.TryGetValue(key, out value);

            public IEnumerator<KeyValuePair<string, string>> GetEnumerator() => _values.GetEnumerator();

            System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
        }
    }
}
