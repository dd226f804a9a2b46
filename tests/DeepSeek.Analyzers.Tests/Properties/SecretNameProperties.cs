using System;
using CsCheck;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>Names that say "the DeepSeek API key" (<c>SecretNames</c>, <c>DeepSeekEvidence.IsDeepSeekSecretName</c>).</summary>
    public class SecretNameProperties
    {
        private static readonly Gen<string> Name = Gen.Frequency((1, TextGen.Any), (4, TextGen.From(TextGen.NameTokens, 6)));

        [Fact]
        public void A_key_name_mentions_DeepSeek()
            => Property.Check(Name, name =>
            {
                var isKeyName = Scanners.IsDeepSeekKeyName(name);
                Assert.Equal(isKeyName, Scanners.IsDeepSeekKeyName(name));
                Assert.Equal(name.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0, Scanners.IsDeepSeekSecretName(name));
                if (isKeyName)
                {
                    Assert.Contains("deepseek", name.Replace("_", string.Empty), StringComparison.OrdinalIgnoreCase);
                }
            });

        [Fact]
        public void A_name_ending_in_another_word_holds_where_the_key_is_not_the_key()
            => Property.Check(Name, name => Assert.False(Scanners.IsDeepSeekKeyName(name + "Name")));

        [Fact]
        public void A_name_ending_in_DeepSeekApiKey_is_a_key_name()
            => Property.Check(Name, name =>
            {
                Assert.True(Scanners.IsDeepSeekKeyName(name + "DeepSeekApiKey"));
                Assert.True(Scanners.IsDeepSeekKeyName(name + "_DEEPSEEK_API_KEY"));
            });
    }
}
