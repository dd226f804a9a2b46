using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK001HardcodedApiKeyTests
    {
        // Random-looking keys of the DeepSeek shape (sk- + 32 lowercase hex). Not real keys.
        private const string Key = "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c";

        private const string EnvLookup = "Environment.GetEnvironmentVariable(\"DEEPSEEK_API_KEY\") ?? throw new InvalidOperationException(\"The DeepSeek API key is not set: set the environment variable DEEPSEEK_API_KEY.\")";

        private const string ConfigLookupMessage = "\"The DeepSeek API key is not set: set configuration key 'DeepSeek:ApiKey' (user secrets in development, the environment or a vault in production).\"";

        // ---- Detection: DeepSeek-shaped keys -------------------------------------------------------------

        [Fact]
        public Task Flags_key_in_ApiKeyCredential() => VerifyCS.CodeFixAsync(
            """
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(
            """ + EnvLookup + """
            );
            }
            """);
    }
}
