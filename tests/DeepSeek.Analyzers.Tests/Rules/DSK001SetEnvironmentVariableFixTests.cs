using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyAnalyzer,
    DeepSeek.Analyzers.Rules.DSK001HardcodedApiKeyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK001's fix for a key set as an environment variable in code: the statement goes.</summary>
    public class DSK001SetEnvironmentVariableFixTests
    {
        private static Task Fix(string source, string fixedSource)
        {
            Assert.DoesNotContain("sk-", fixedSource);
            Assert.DoesNotContain("proxy-", fixedSource);
            var test = VerifyCS.Test(source, fixedSource);
            test.CodeActionEquivalenceKey = KeyVariableStatementRemoval.EquivalenceKey;
            return test.RunAsync();
        }

        private static Task NoFix(string source) => VerifyCS.CodeFixAsync(source, source);

        [Fact]
        public Task Removes_statement_in_a_block_keeping_its_neighbours_and_their_comments() => Fix(
            """
            using System;

            class C
            {
                void M()
                {
                    // Configure the client.
                    Console.WriteLine("start");
                    Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                    // Then call it.
                    Console.WriteLine("done");
                }
            }
            """,
            """
            using System;

            class C
            {
                void M()
                {
                    // Configure the client.
                    Console.WriteLine("start");
                    // Then call it.
                    Console.WriteLine("done");
                }
            }
            """);

        [Fact]
        public Task Removes_non_shaped_secret_set_as_the_key_variable() => Fix(
            """
            using System;

            class C
            {
                void M()
                {
                    Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"proxy-7Hq2Lm9Xc4Vb8Nz1"|});
                }
            }
            """,
            """
            using System;

            class C
            {
                void M()
                {
                }
            }
            """);

        [Fact]
        public Task Fix_all_removes_every_statement_and_the_target_overload() => Fix(
            """
            using System;

            class C
            {
                void A()
                {
                    Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                    Console.WriteLine();
                }

                void B()
                {
                    Console.WriteLine();
                    System.Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-7c21e9b04f6a38d5c1e2f0a9b8d73e64"|}, EnvironmentVariableTarget.User);
                }
            }
            """,
            """
            using System;

            class C
            {
                void A()
                {
                    Console.WriteLine();
                }

                void B()
                {
                    Console.WriteLine();
                }
            }
            """);

        [Fact]
        public Task Removes_call_with_named_arguments_in_any_order() => Fix(
            """
            using System;

            class C
            {
                void M()
                {
                    Environment.SetEnvironmentVariable(value: {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|}, variable: "DEEPSEEK_API_KEY");
                    Console.WriteLine();
                }
            }
            """,
            """
            using System;

            class C
            {
                void M()
                {
                    Console.WriteLine();
                }
            }
            """);

        [Fact]
        public Task Removes_statement_of_a_switch_section_with_others() => Fix(
            """
            using System;

            class C
            {
                void M(int stage)
                {
                    switch (stage)
                    {
                        case 1:
                            Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                            break;
                    }
                }
            }
            """,
            """
            using System;

            class C
            {
                void M(int stage)
                {
                    switch (stage)
                    {
                        case 1:
                            break;
                    }
                }
            }
            """);

        [Fact]
        public Task Removes_top_level_statement_beside_others()
        {
            var test = VerifyCS.Test(
                """
                using System;

                Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                Console.WriteLine(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") != null);
                """,
                """
                using System;

                Console.WriteLine(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") != null);
                """).AsApplication();
            test.CodeActionEquivalenceKey = KeyVariableStatementRemoval.EquivalenceKey;
            return test.RunAsync();
        }

        [Fact]
        public Task No_fix_for_the_only_top_level_statement()
        {
            const string Source = """
                using System;

                Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                """;
            return VerifyCS.Test(Source, Source).AsApplication().RunAsync();
        }

        [Fact]
        public Task No_fix_for_an_embedded_statement_a_lambda_or_a_labelled_statement() => NoFix(
            """
            using System;

            class C
            {
                void M(bool configure)
                {
                    if (configure)
                        Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
                    Action set = () => Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-7c21e9b04f6a38d5c1e2f0a9b8d73e64"|});
                    set();
                    again:
                    Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-b3e80f5a27c94d16e0a8f3b5c7d21e9f"|});
                    if (!configure) goto again;
                }
            }
            """);

        [Fact]
        public Task Key_lookup_fix_still_applies_to_keys_elsewhere_in_the_statement() => VerifyCS.CodeFixAsync(
            """
            using System;

            class C
            {
                const string Name = "DEEPSEEK_API_KEY";

                void M(Action<string> use) => use({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});
            }
            """,
            """
            using System;

            class C
            {
                const string Name = "DEEPSEEK_API_KEY";

                void M(Action<string> use) => use(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? throw new InvalidOperationException("The DeepSeek API key is not set: set the environment variable DEEPSEEK_API_KEY."));
            }
            """);

        [Fact]
        public Task Fix_all_applies_both_kinds_of_fix_in_one_pass() => Fix(
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential({|DSK001:"sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"|});

                void Configure()
                {
                    Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", {|DSK001:"sk-7c21e9b04f6a38d5c1e2f0a9b8d73e64"|});
                    Console.WriteLine();
                }
            }
            """,
            """
            using System;
            using System.ClientModel;

            class C
            {
                ApiKeyCredential Create() => new ApiKeyCredential(Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? throw new InvalidOperationException("The DeepSeek API key is not set: set the environment variable DEEPSEEK_API_KEY."));

                void Configure()
                {
                    Console.WriteLine();
                }
            }
            """);
    }
}
