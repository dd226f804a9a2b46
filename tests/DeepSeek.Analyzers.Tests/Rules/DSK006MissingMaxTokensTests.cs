using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006 on OpenAI SDK chat calls.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        /// <summary>A DeepSeek-bound OpenAI ChatClient field, and the usings every OpenAI-shaped test needs.</summary>
        internal const string OpenAIClass = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

            """;

        internal static Microsoft.CodeAnalysis.Testing.DiagnosticResult NoLimit(int location)
            => VerifyCS.Diagnostic("DSK006").WithLocation(location).WithArguments(DSK006MissingMaxTokensAnalyzer.NoLimitMessage);

        internal static Microsoft.CodeAnalysis.Testing.DiagnosticResult Ignored(int location)
            => VerifyCS.Diagnostic("DSK006").WithLocation(location).WithArguments(DSK006MissingMaxTokensAnalyzer.IgnoredLimitMessage);

        // ---- Calls without options --------------------------------------------------------------------------

        [Fact]
        public Task Flags_CompleteChat_without_options_and_fixes_it_with_a_new_options_local() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                string Ask(string q)
                {
                    var messages = new List<ChatMessage> { new UserChatMessage(q) };
                    ChatCompletion completion = {|#0:_client.CompleteChat(messages)|};
                    return completion.Content[0].Text;
                }
            }
            """,
            OpenAIClass + """
                string Ask(string q)
                {
                    var messages = new List<ChatMessage> { new UserChatMessage(q) };
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    ChatCompletion completion = _client.CompleteChat(messages, chatOptions);
                    return completion.Content[0].Text;
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Fixes_the_params_overload_by_passing_the_messages_as_one_collection() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                async Task<string> Ask(string q)
                {
                    ChatCompletion completion = await {|#0:_client.CompleteChatAsync(new SystemChatMessage("Be brief."), new UserChatMessage(q))|};
                    return completion.Content[0].Text;
                }
            }
            """,
            OpenAIClass + """
                async Task<string> Ask(string q)
                {
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    ChatCompletion completion = await _client.CompleteChatAsync([new SystemChatMessage("Be brief."), new UserChatMessage(q)], chatOptions);
                    return completion.Content[0].Text;
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Flags_every_chat_method_and_overload() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                async Task All(List<ChatMessage> messages, ChatMessage[] array, UserChatMessage user)
                {
                    {|#0:_client.CompleteChat(messages)|};
                    {|#1:_client.CompleteChat(user)|};
                    {|#2:_client.CompleteChat(array)|};
                    await {|#3:_client.CompleteChatAsync(messages, null)|};
                    foreach (var update in {|#4:_client.CompleteChatStreaming(messages)|})
                    {
                    }

                    await foreach (var update in {|#5:_client.CompleteChatStreamingAsync(user)|})
                    {
                    }
                }
            }
            """,
            NoLimit(0), NoLimit(1), NoLimit(2), NoLimit(3), NoLimit(4), NoLimit(5));

        // ---- Options ----------------------------------------------------------------------------------------

        [Fact]
        public Task Flags_options_without_a_limit_and_fixes_them_after_their_declaration() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                string Ask(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions { Temperature = 0.2f };
                    options.StopSequences.Add("END");
                    ChatCompletion completion = {|#0:_client.CompleteChat(messages, options)|};
                    return completion.Content[0].Text;
                }
            }
            """,
            OpenAIClass + """
                string Ask(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions { Temperature = 0.2f };
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    options.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    options.StopSequences.Add("END");
                    ChatCompletion completion = _client.CompleteChat(messages, options);
                    return completion.Content[0].Text;
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Flags_MaxOutputTokenCount_alone_and_sends_the_same_limit_as_max_tokens() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                string Ask(List<ChatMessage> messages)
                {
                    ChatCompletionOptions options = new() { MaxOutputTokenCount = 300 };
                    ChatCompletion completion = {|#0:_client.CompleteChat(messages, options)|};
                    return completion.Content[0].Text;
                }
            }
            """,
            OpenAIClass + """
                string Ask(List<ChatMessage> messages)
                {
                    ChatCompletionOptions options = new() { MaxOutputTokenCount = 300 };
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    options.Patch.Set("$.max_tokens"u8, 300);
                    #pragma warning restore SCME0001
                    ChatCompletion completion = _client.CompleteChat(messages, options);
                    return completion.Content[0].Text;
                }
            }
            """,
            Ignored(0));

        [Fact]
        public Task Flags_MaxOutputTokenCount_set_after_the_declaration() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions();
                    options.MaxOutputTokenCount = 300;
                    {|#0:_client.CompleteChat(messages, options)|};
                }
            }
            """,
            Ignored(0));

        [Fact]
        public Task Fixes_inline_options_by_moving_them_into_a_local() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                async Task<string> Ask(List<ChatMessage> messages)
                {
                    ChatCompletion completion = await {|#0:_client.CompleteChatAsync(messages, new ChatCompletionOptions { MaxOutputTokenCount = 200, Temperature = 0 })|};
                    return completion.Content[0].Text;
                }
            }
            """,
            OpenAIClass + """
                async Task<string> Ask(List<ChatMessage> messages)
                {
                    var chatOptions = new ChatCompletionOptions { MaxOutputTokenCount = 200, Temperature = 0 };
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 200);
                    #pragma warning restore SCME0001
                    ChatCompletion completion = await _client.CompleteChatAsync(messages, chatOptions);
                    return completion.Content[0].Text;
                }
            }
            """,
            Ignored(0));

        [Fact]
        public Task Uses_default_max_tokens_from_the_options() => VerifyCS.Test(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    {|#0:_client.CompleteChat(messages)|};
                }
            }
            """,
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 2048);
                    #pragma warning restore SCME0001
                    _client.CompleteChat(messages, chatOptions);
                }
            }
            """,
            NoLimit(0)).WithOptions("deepseek_analyzers.default_max_tokens = 2048").RunAsync();

        [Fact]
        public Task Fix_all_gives_each_call_its_own_options_and_shared_options_one_line() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    {|#0:_client.CompleteChat(messages)|};
                    {|#1:_client.CompleteChat(messages)|};
                    var options = new ChatCompletionOptions();
                    {|#2:_client.CompleteChat(messages, options)|};
                    {|#3:_client.CompleteChat(messages, options)|};
                }
            }
            """,
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    _client.CompleteChat(messages, chatOptions);
                    var chatOptions2 = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions2.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    _client.CompleteChat(messages, chatOptions2);
                    var options = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    options.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    _client.CompleteChat(messages, options);
                    _client.CompleteChat(messages, options);
                }
            }
            """,
            NoLimit(0), NoLimit(1), NoLimit(2), NoLimit(3));

        [Fact]
        public Task Fixes_top_level_statements() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            var client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            ChatCompletion completion = {|#0:client.CompleteChat(new UserChatMessage("Hello"))|};
            Console.WriteLine(completion.Content[0].Text);
            """,
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            var client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
            var chatOptions = new ChatCompletionOptions();
            #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
            chatOptions.Patch.Set("$.max_tokens"u8, 1024);
            #pragma warning restore SCME0001
            ChatCompletion completion = client.CompleteChat([new UserChatMessage("Hello")], chatOptions);
            Console.WriteLine(completion.Content[0].Text);
            """,
            NoLimit(0)).AsApplication().RunAsync();

        [Fact]
        public Task Offers_no_fix_in_an_expression_bodied_member() => VerifyCS.CodeFixAsync(
            OpenAIClass + """
                ChatCompletion Ask(List<ChatMessage> messages) => {|#0:_client.CompleteChat(messages)|};
            }
            """,
            OpenAIClass + """
                ChatCompletion Ask(List<ChatMessage> messages) => {|#0:_client.CompleteChat(messages)|};
            }
            """,
            NoLimit(0));

        // ---- Limits that reach the wire -----------------------------------------------------------------------

        [Fact]
        public Task Ignores_Patch_set_before_the_call() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions { MaxOutputTokenCount = 100 };
                    options.Patch.Set("$.max_tokens"u8, 100);
                    _client.CompleteChat(messages, options);
                }
            }
            """);

        [Fact]
        public Task Flags_Patch_set_after_the_call_or_on_another_path() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions();
                    options.Patch.Set("$.max_completion_tokens"u8, 100);
                    {|#0:_client.CompleteChat(messages, options)|};
                    options.Patch.Set("$.max_tokens"u8, 100);
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Stays_silent_where_the_options_come_from_elsewhere() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                private readonly ChatCompletionOptions _options = new();

                void FromParameter(List<ChatMessage> messages, ChatCompletionOptions options) => _client.CompleteChat(messages, options);

                void FromField(List<ChatMessage> messages) => _client.CompleteChat(messages, _options);

                void FromMethod(List<ChatMessage> messages) => _client.CompleteChat(messages, Create());

                void ConfiguredByAHelper(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions();
                    Configure(options);
                    _client.CompleteChat(messages, options);
                }

                void SetInALambda(List<ChatMessage> messages)
                {
                    var options = new ChatCompletionOptions();
                    Action set = () => options.Patch.Set("$.max_tokens"u8, 10);
                    set();
                    _client.CompleteChat(messages, options);
                }

                static ChatCompletionOptions Create() => new();

                static void Configure(ChatCompletionOptions options) { }
            }
            """);

        // ---- DeepSeek evidence ----------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_clients_without_DeepSeek_evidence_or_on_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private readonly ChatClient _openAI = new ChatClient("gpt-4o-mini", new ApiKeyCredential("k"));
                private readonly ChatClient _router = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });

                void Ask(List<ChatMessage> messages)
                {
                    _openAI.CompleteChat(messages);
                    _router.CompleteChat(messages);
                }
            }
            """);

        [Fact]
        public Task Flags_any_OpenAI_compatible_client_under_scope_all_openai_compatible() => VerifyCS.Test(
            """
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI.Chat;

            class C
            {
                void Ask(ChatClient client, List<ChatMessage> messages)
                {
                    {|#0:client.CompleteChat(messages)|};
                }
            }
            """,
            """
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI.Chat;

            class C
            {
                void Ask(ChatClient client, List<ChatMessage> messages)
                {
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    client.CompleteChat(messages, chatOptions);
                }
            }
            """,
            NoLimit(0)).WithOptions("deepseek_analyzers.scope = all_openai_compatible").RunAsync();

        [Fact]
        public Task Flags_a_client_bound_through_GetChatClient_and_a_DeepSeek_secret() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                void Ask(List<ChatMessage> messages)
                {
                    var key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY")!;
                    var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                    var chat = client.GetChatClient("deepseek-flash");
                    {|#0:chat.CompleteChat(messages)|};
                }
            }
            """,
            NoLimit(0));

        [Fact]
        public Task Ignores_the_protocol_overload_which_sends_the_callers_own_body() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                void Ask(BinaryContent body)
                {
                    _client.CompleteChat(body);
                }
            }
            """);

        // ---- DeepSeek.Runtime ------------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_clients_whose_options_carry_the_runtime_policy_and_flags_the_one_beside_them_without()
        {
            const string source = """
                using System;
                using System.ClientModel;
                using System.ClientModel.Primitives;
                using System.Collections.Generic;
                using DeepSeek.Runtime;
                using OpenAI;
                using OpenAI.Chat;

                class C
                {
                    private readonly ChatClient _inline = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                        new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") }.UseDeepSeek());

                    void Local(List<ChatMessage> messages)
                    {
                        var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") };
                        options.UseDeepSeek();
                        var client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), options);
                        client.CompleteChat(messages);
                        _inline.CompleteChat(messages);
                    }

                    void Policy(List<ChatMessage> messages)
                    {
                        var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") };
                        options.AddPolicy(new DeepSeekRequestPolicy(), PipelinePosition.PerCall);
                        new OpenAIClient(new ApiKeyCredential("k"), options).GetChatClient("deepseek-flash").CompleteChat(messages);
                    }

                    void FromParameter(ChatClient injected, List<ChatMessage> messages)
                    {
                        // With DeepSeek.Runtime referenced, a client built out of sight may carry the policy.
                        injected.CompleteChat(messages);
                    }

                    void Plain(List<ChatMessage> messages)
                    {
                        var options = new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") };
                        var client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), options);
                        {|#0:client.CompleteChat(messages)|};
                    }
                }
                """;
            var fixedSource = source.Replace("{|#0:client.CompleteChat(messages)|};", """
                var chatOptions = new ChatCompletionOptions();
                        #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                        chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                        #pragma warning restore SCME0001
                        client.CompleteChat(messages, chatOptions);
                """);
            return VerifyCS.Test(source, fixedSource, NoLimit(0).WithSpan(38, 23, 38, 97)).WithRuntime().WithOptions("deepseek_analyzers.scope = all_openai_compatible").RunAsync();
        }

        [Fact]
        public Task Flags_a_client_without_the_policy_in_a_project_that_references_the_runtime() => VerifyCS.Test(
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    {|#0:_client.CompleteChat(messages)|};
                }
            }
            """,
            OpenAIClass + """
                void Ask(List<ChatMessage> messages)
                {
                    var chatOptions = new ChatCompletionOptions();
                    #pragma warning disable SCME0001 // Patch is experimental; it is how the OpenAI SDK sends max_tokens
                    chatOptions.Patch.Set("$.max_tokens"u8, 1024);
                    #pragma warning restore SCME0001
                    _client.CompleteChat(messages, chatOptions);
                }
            }
            """,
            NoLimit(0).WithSpan(11, 9, 11, 83)).WithRuntime().RunAsync();
    }
}
