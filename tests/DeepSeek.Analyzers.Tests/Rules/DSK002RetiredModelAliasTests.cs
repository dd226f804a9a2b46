using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasAnalyzer,
    DeepSeek.Analyzers.Rules.DSK002RetiredModelAliasCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK002RetiredModelAliasTests
    {
        [Fact]
        public Task Flags_alias_in_ChatClient_constructor_and_fixes_to_flash() => VerifyCS.CodeFixAsync(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
            }
            """,
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient Create(string key) => new ChatClient("deepseek-v4-flash", key);
            }
            """);
    }
}
