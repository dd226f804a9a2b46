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

        [Fact]
        public Task Fix_writes_DeepSeekModels_constant_with_runtime() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-reasoner"|}, key);
                ChatClient B(string key) => new ChatClient({|DSK002:"deepseek-chat"|}, key);
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient(DeepSeekModels.V4Flash, key);
                ChatClient B(string key) => new ChatClient(DeepSeekModels.V4Flash, key);
            }
            """)
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task Fix_writes_target_model_constant_with_runtime() => VerifyCS.Test(
            """
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-reasoner"|}, key);
            }
            """,
            """
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            class C
            {
                ChatClient A(string key) => new ChatClient(DeepSeekModels.V4Pro, key);
            }
            """)
            .WithRuntime()
            .WithOptions("deepseek_analyzers.target_model = deepseek-v4-pro")
            .RunAsync();

        [Fact]
        public Task Fix_disables_thinking_in_anonymous_body() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                object Body(object messages) => new { model = {|DSK002:"deepseek-chat"|}, messages, max_tokens = 512 };
            }
            """,
            """
            class C
            {
                object Body(object messages) => new { model = "deepseek-v4-flash", thinking = new { type = "disabled" }, messages, max_tokens = 512 };
            }
            """);

        [Fact]
        public Task Alias_added_by_catalog_file_is_retired()
        {
            var test = VerifyCS.Test(
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient({|DSK002:"deepseek-v4-flash"|}, key);
                }
                """,
                """
                using OpenAI.Chat;

                class C
                {
                    ChatClient A(string key) => new ChatClient("deepseek-flash", key);
                }
                """)
                .WithOptions("deepseek_analyzers.target_model = deepseek-flash");
            test.TestState.AdditionalFiles.Add(("/deepseek.catalog.json", """
                {
                  "models": [ { "id": "deepseek-flash" } ],
                  "aliases": [ { "alias": "deepseek-v4-flash", "model": "deepseek-flash", "thinking": true } ]
                }
                """));
            test.FixedState.AdditionalFiles.AddRange(test.TestState.AdditionalFiles);
            return test.RunAsync();
        }

        [Fact]
        public Task Fix_rewrites_json_in_interpolated_string() => VerifyCS.CodeFixAsync(
            """
            class C
            {
                string Body(string messages) => {|DSK002:$"{{\"model\": \"deepseek-reasoner\", \"messages\": {messages}}}"|};
            }
            """,
            """
            class C
            {
                string Body(string messages) => $"{{\"model\": \"deepseek-v4-flash\", \"messages\": {messages}}}";
            }
            """);
    }
}
