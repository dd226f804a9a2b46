using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK012PerCallValueInPromptPrefixAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK012PerCallValueInPromptPrefixTests
    {
        /// <summary>A DeepSeek-bound OpenAI ChatClient field, and the usings every OpenAI-shaped test needs.</summary>
        private const string OpenAIClass = """
            using System;
            using System.ClientModel;
            using System.Collections.Generic;
            using System.Diagnostics;
            using System.Text;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

            """;

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string value)
            => VerifyCS.Diagnostic("DSK012").WithLocation(location).WithArguments(value);

        // ---- Message shapes -----------------------------------------------------------------------------

        [Fact]
        public Task Flags_OpenAI_SystemChatMessage_in_a_list_sent_by_a_DeepSeek_client() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string question)
                {
                    var messages = new List<ChatMessage>
                    {
                        new SystemChatMessage($"You are a helpful assistant. Now: {{|#0:DateTime.Now|}}"),
                        new UserChatMessage(question),
                    };
                    return _client.CompleteChat(messages);
                }
            }
            """,
            Diagnostic(0, "DateTime.Now"));

        [Fact]
        public Task Flags_CreateSystemMessage_DeveloperChatMessage_and_CreateDeveloperMessage_passed_directly() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion A(string q) => _client.CompleteChat(ChatMessage.CreateSystemMessage("Request " + {|#0:Guid.NewGuid()|}), new UserChatMessage(q));
                ChatCompletion B(string q) => _client.CompleteChat(new DeveloperChatMessage($"Seed {{|#1:Random.Shared.Next()|}}"), new UserChatMessage(q));
                ChatCompletion D(string q) => _client.CompleteChat(ChatMessage.CreateDeveloperMessage(string.Format("Tick {0}", {|#2:Environment.TickCount64|})), new UserChatMessage(q));
                ChatCompletion E(string q) => _client.CompleteChat(new SystemChatMessage(ChatMessageContentPart.CreateTextPart($"At {{|#3:Stopwatch.GetTimestamp()|}}")), new UserChatMessage(q));
            }
            """,
            Diagnostic(0, "Guid.NewGuid()"),
            Diagnostic(1, "Random.Shared.Next()"),
            Diagnostic(2, "Environment.TickCount64"),
            Diagnostic(3, "Stopwatch.GetTimestamp()"));

        [Fact]
        public Task Flags_messages_added_to_a_list_local() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string question)
                {
                    List<ChatMessage> messages = new();
                    messages.Add(new SystemChatMessage("Current UTC time: " + {|#0:DateTime.UtcNow|}.ToString("O")));
                    messages.Add(new UserChatMessage(question));
                    return _client.CompleteChat(messages);
                }
            }
            """,
            Diagnostic(0, "DateTime.UtcNow"));

        [Fact]
        public Task Flags_MEAI_ChatMessage_with_ChatRole_System() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Threading.Tasks;
            using Microsoft.Extensions.AI;
            using OpenAI;

            class C
            {
                private readonly IChatClient _chat = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") })
                    .GetChatClient("deepseek-flash").AsIChatClient();

                Task<ChatResponse> Ask(string question, TimeProvider clock) => _chat.GetResponseAsync(new[]
                {
                    new ChatMessage(ChatRole.System, $"Local time {{|#0:clock.GetLocalNow()|}}"),
                    new ChatMessage(ChatRole.User, question),
                });

                Task<ChatResponse> Ask2(string question) => _chat.GetResponseAsync(
                [
                    new ChatMessage(ChatRole.System, [new TextContent($"UTC {{|#1:TimeProvider.System.GetUtcNow()|}}")]),
                    new ChatMessage(ChatRole.User, question),
                ]);
            }
            """,
            Diagnostic(0, "clock.GetLocalNow()"),
            Diagnostic(1, "TimeProvider.System.GetUtcNow()"));

        [Fact]
        public Task Flags_Semantic_Kernel_AddSystemMessage_ChatHistory_constructor_and_AddDeveloperMessage() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;

            class C
            {
                async Task<string?> Ask(string key, string question)
                {
                    var kernel = Kernel.CreateBuilder()
                        .AddOpenAIChatCompletion(modelId: "deepseek-flash", endpoint: new Uri("https://api.deepseek.com"), apiKey: key)
                        .Build();
                    var chat = kernel.GetRequiredService<IChatCompletionService>();

                    var history = new ChatHistory();
                    history.AddSystemMessage($"Now: {{|#0:DateTimeOffset.UtcNow|}}");
                    history.AddDeveloperMessage($"Id: {{|#1:Guid.NewGuid()|}:N}");
                    history.AddUserMessage(question);
                    var first = await chat.GetChatMessageContentAsync(history);

                    var second = new ChatHistory($"Now: {{|#2:DateTimeOffset.Now|}}");
                    second.AddUserMessage(question);
                    await chat.GetChatMessageContentAsync(second);
                    return first.Content;
                }
            }
            """,
            Diagnostic(0, "DateTimeOffset.UtcNow"),
            Diagnostic(1, "Guid.NewGuid()"),
            Diagnostic(2, "DateTimeOffset.Now"));

        [Fact]
        public Task Flags_Semantic_Kernel_role_arguments_but_not_a_user_history() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Threading.Tasks;
            using Microsoft.SemanticKernel;
            using Microsoft.SemanticKernel.ChatCompletion;
            using Microsoft.SemanticKernel.Connectors.OpenAI;

            class C
            {
                private readonly OpenAIChatCompletionService _chat =
                    new OpenAIChatCompletionService("deepseek-flash", new Uri("https://api.deepseek.com"), "key");

                async Task Ask(string question)
                {
                    var history = new ChatHistory($"Now: {{|#0:DateTime.Now|}}", AuthorRole.System);
                    history.AddMessage(AuthorRole.System, "Seed " + {|#1:Random.Shared.NextDouble()|});
                    history.AddMessage(AuthorRole.User, $"Now: {DateTime.Now}. {question}");
                    await _chat.GetChatMessageContentAsync(history);

                    var user = new ChatHistory($"Now: {DateTime.Now}. {question}", AuthorRole.User);
                    await _chat.GetChatMessageContentAsync(user);
                }
            }
            """,
            Diagnostic(0, "DateTime.Now"),
            Diagnostic(1, "Random.Shared.NextDouble()"));

        [Fact]
        public Task Flags_MEAI_role_created_from_text_and_Betalgo_role_constructor() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Contracts.Enums;
            using Betalgo.Ranul.OpenAI.Managers;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;
            using Meai = Microsoft.Extensions.AI;

            class C
            {
                Task<Meai.ChatResponse> A(Meai.IChatClient client, string q)
                    => client.GetResponseAsync(new List<Meai.ChatMessage>
                    {
                        new Meai.ChatMessage(new Meai.ChatRole("system"), $"Now {{|#0:DateTime.UtcNow|}}"),
                        new Meai.ChatMessage(Meai.ChatRole.User, q),
                    }, new Meai.ChatOptions { ModelId = "deepseek-flash" });

                async Task B(string key, string q)
                {
                    var service = new OpenAIService(new OpenAIOptions { ApiKey = key, BaseDomain = "https://api.deepseek.com" });
                    await service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Messages = [new ChatMessage(ChatCompletionRole.System, "Id " + {|#1:Guid.NewGuid()|}), ChatMessage.FromUser(q)],
                    });
                }
            }
            """,
            Diagnostic(0, "DateTime.UtcNow"),
            Diagnostic(1, "Guid.NewGuid()"));

        [Fact]
        public Task Flags_Betalgo_FromSystem() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Threading.Tasks;
            using Betalgo.Ranul.OpenAI;
            using Betalgo.Ranul.OpenAI.Managers;
            using Betalgo.Ranul.OpenAI.ObjectModels.RequestModels;

            class C
            {
                async Task Ask(string key, string question)
                {
                    var service = new OpenAIService(new OpenAIOptions { ApiKey = key, BaseDomain = "https://api.deepseek.com" });
                    await service.ChatCompletion.CreateCompletion(new ChatCompletionCreateRequest
                    {
                        Model = "deepseek-flash",
                        MaxTokens = 100,
                        Messages = new List<ChatMessage>
                        {
                            ChatMessage.FromSystem("Session " + {|#0:Guid.NewGuid()|}),
                            ChatMessage.FromUser(question),
                        },
                    });
                }
            }
            """,
            Diagnostic(0, "Guid.NewGuid()"));

        [Fact]
        public Task Flags_raw_bodies_anonymous_dictionary_and_JsonObject() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;

            class C
            {
                private readonly HttpClient _http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com") };

                Task<HttpResponseMessage> A(string q) => _http.PostAsJsonAsync("/chat/completions", new
                {
                    model = "deepseek-flash",
                    messages = new object[]
                    {
                        new { role = "system", content = $"It is {{|#0:DateTime.Now|}}." },
                        new { role = "user", content = q },
                    },
                });

                Task<HttpResponseMessage> B(string q)
                {
                    var body = new Dictionary<string, object?>
                    {
                        ["model"] = "deepseek-flash",
                        ["messages"] = new[]
                        {
                            new Dictionary<string, object?> { ["role"] = "developer", ["content"] = "Seed " + {|#1:new Random().Next(100)|} },
                            new Dictionary<string, object?> { { "role", "user" }, { "content", q } },
                        },
                    };
                    return _http.PostAsJsonAsync("/chat/completions", body);
                }

                Task<HttpResponseMessage> D(string q)
                {
                    var body = new JsonObject
                    {
                        ["model"] = "deepseek-flash",
                        ["messages"] = new JsonArray
                        {
                            new JsonObject { ["role"] = "system", ["content"] = $"Ticks {{|#2:Environment.TickCount|}}" },
                            new JsonObject { ["role"] = "user", ["content"] = q },
                        },
                    };
                    return _http.PostAsJsonAsync("/chat/completions", body);
                }
            }
            """,
            Diagnostic(0, "DateTime.Now"),
            Diagnostic(1, "new Random().Next(100)"),
            Diagnostic(2, "Environment.TickCount"));

        // ---- Flows ----------------------------------------------------------------------------------------

        [Fact]
        public Task Flags_through_locals_formats_StringBuilder_and_string_Concat() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Locals(string q)
                {
                    var now = {|#0:DateTime.Now|};
                    var prompt = "You are a travel agent.";
                    prompt += $" The time is {now:HH:mm}.";
                    return _client.CompleteChat(new SystemChatMessage(prompt), new UserChatMessage(q));
                }

                ChatCompletion Builder(string q, Random rng)
                {
                    var sb = new StringBuilder("You are a travel agent.");
                    sb.AppendLine().Append("Request id: ").Append({|#1:Guid.NewGuid()|});
                    sb.Append($" roll {{|#2:rng.Next(6)|}}");
                    return _client.CompleteChat(new SystemChatMessage(sb.ToString()), new UserChatMessage(q));
                }

                ChatCompletion Inline(string q) => _client.CompleteChat(
                    new SystemChatMessage(new StringBuilder().Append("Started ").Append({|#3:Stopwatch.GetTimestamp()|}).ToString()),
                    new SystemChatMessage(string.Concat("Now ", {|#4:DateTime.UtcNow|}.Hour.ToString(), ":00")),
                    new UserChatMessage(q));
            }
            """,
            Diagnostic(0, "DateTime.Now"),
            Diagnostic(1, "Guid.NewGuid()"),
            Diagnostic(2, "rng.Next(6)"),
            Diagnostic(3, "Stopwatch.GetTimestamp()"),
            Diagnostic(4, "DateTime.UtcNow"));

        [Fact]
        public Task Composite_formats_cut_dates_item_by_item() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string q, string userFormat)
                {
                    var sb = new StringBuilder();
                    sb.AppendFormat("Today is {0:yyyy-MM-dd}.", DateTime.Now);
                    sb.Append($" Day {DateTime.Now:dddd}.").Append($" Time {{|#0:DateTime.Now|}:t}.");
                    return _client.CompleteChat(
                        new SystemChatMessage(string.Format("Today {0:yyyy-MM-dd}, request {1}", DateTime.Now, {|#1:Guid.NewGuid()|})),
                        new SystemChatMessage(string.Format("At {0:HH:mm} ({0:d})", {|#2:DateTime.Now|})),
                        new SystemChatMessage(string.Format(userFormat, DateTime.Now)),
                        new SystemChatMessage(sb.ToString()),
                        new UserChatMessage(q));
                }
            }
            """,
            Diagnostic(0, "DateTime.Now"),
            Diagnostic(1, "Guid.NewGuid()"),
            Diagnostic(2, "DateTime.Now"));

        [Fact]
        public Task A_message_built_apart_from_the_call_takes_the_evidence_of_the_code_around_it() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class DeepSeekOnly
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                ChatMessage System() => new SystemChatMessage($"Now: {{|#0:DateTime.Now|}}");

                ChatCompletion Ask(string q) => _client.CompleteChat(System(), new UserChatMessage(q));
            }

            class Mixed
            {
                private readonly ChatClient _deepSeek = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                private readonly ChatClient _router = new ChatClient("deepseek/deepseek-chat", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });

                ChatMessage System() => new SystemChatMessage($"Now: {DateTime.Now}");
            }
            """,
            Diagnostic(0, "DateTime.Now"));

        [Fact]
        public Task Flags_derived_values_string_methods_Join_ternaries_and_coalesce() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string q, DateTime start, string? persona, bool verbose)
                {
                    var parts = new[] { "You are a helpful assistant.", "Uptime " + ({|#0:DateTime.UtcNow|} - start).TotalSeconds };
                    var intro = persona ?? ("Session " + {|#1:Guid.NewGuid()|}.ToString("N")[..8]);
                    return _client.CompleteChat(
                        new SystemChatMessage(string.Join(" ", parts)),
                        new SystemChatMessage(intro.Trim().Replace("Session", "Conversation")),
                        new SystemChatMessage(verbose ? $"Now {{|#2:DateTime.Now|}.Hour}h" : "Be brief."),
                        new UserChatMessage(q));
                }
            }
            """,
            Diagnostic(0, "DateTime.UtcNow"),
            Diagnostic(1, "Guid.NewGuid()"),
            Diagnostic(2, "DateTime.Now"));

        [Fact]
        public Task Reports_a_value_shared_by_two_system_messages_once() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                void Ask(string q)
                {
                    var stamp = $"Now: {{|#0:DateTime.UtcNow|}}";
                    _client.CompleteChat(new SystemChatMessage(stamp), new UserChatMessage(q));
                    _client.CompleteChat(new SystemChatMessage(stamp + " (retry)"), new UserChatMessage(q));
                }
            }
            """,
            Diagnostic(0, "DateTime.UtcNow"));

        // ---- Silent -----------------------------------------------------------------------------------------

        [Fact]
        public Task Ignores_values_cut_to_the_day() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string q)
                {
                    var today = DateTime.Now;
                    return _client.CompleteChat(
                        new SystemChatMessage($"Today is {DateTime.Now.Date}, {DateTime.UtcNow:yyyy-MM-dd}, {DateTime.Now:d}, {DateTime.Now:D}."),
                        new SystemChatMessage("Today: " + DateOnly.FromDateTime(DateTime.UtcNow) + " " + DateTime.Today + " " + DateTime.Now.ToShortDateString()),
                        new SystemChatMessage($"Year {DateTime.Now.Year}, {DateTimeOffset.UtcNow.ToString("dddd, d MMMM yyyy")}, {today:'day' dd/MM/yyyy}"),
                        new UserChatMessage(q));
                }
            }
            """);

        [Fact]
        public Task Flags_formats_that_include_the_time() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                ChatCompletion Ask(string q) => _client.CompleteChat(
                    new SystemChatMessage($"{{|#0:DateTime.Now|}:g} {{|#1:DateTime.Now|}:yyyy-MM-dd HH} {{|#2:DateTime.UtcNow|}.ToString("t")} {DateTime.Now.Date.AddHours({|#4:DateTime.Now|}.Hour)}"),
                    new UserChatMessage(q));
            }
            """,
            Diagnostic(0, "DateTime.Now"),
            Diagnostic(1, "DateTime.Now"),
            Diagnostic(2, "DateTime.UtcNow"),
            Diagnostic(4, "DateTime.Now"));

        [Fact]
        public Task Ignores_user_and_assistant_messages_and_log_lines() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

                ChatCompletion Ask(string q)
                {
                    Console.WriteLine($"Sending at {DateTime.Now} ({Guid.NewGuid()})");
                    var requestId = Guid.NewGuid();
                    return _client.CompleteChat(
                        new SystemChatMessage("You are a helpful assistant."),
                        new AssistantChatMessage($"Earlier answer at {DateTime.UtcNow}"),
                        new UserChatMessage($"Now: {DateTime.Now}. Request {requestId}. {q}"));
                }
            }
            """);

        [Fact]
        public Task Ignores_values_passed_through_other_methods_conditions_and_seeded_random() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                static string Season(DateTime when) => when.Month < 6 ? "spring" : "autumn";

                ChatCompletion Ask(string q) => _client.CompleteChat(
                    new SystemChatMessage($"It is {Season(DateTime.Now)}. {(DateTime.Now.Hour < 12 ? "Good morning" : "Hello")}. Lucky number {new Random(42).Next(10)}."),
                    new UserChatMessage(q));
            }
            """);

        [Fact]
        public Task Ignores_a_prompt_computed_once_per_process() => VerifyCS.AnalyzerAsync(
            OpenAIClass + """
                private static readonly string Prompt = $"You are a helpful assistant. Started at {DateTime.UtcNow}.";

                ChatCompletion Ask(string q) => _client.CompleteChat(new SystemChatMessage(Prompt), new UserChatMessage(q));
            }
            """);

        [Fact]
        public Task Ignores_another_host() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Threading.Tasks;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                private readonly ChatClient _client = new ChatClient("deepseek-flash", new ApiKeyCredential("k"),
                    new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1") });

                ChatCompletion Ask(string q)
                    => _client.CompleteChat(new SystemChatMessage($"Now: {DateTime.Now}"), new UserChatMessage(q));

                Task<HttpResponseMessage> Raw(HttpClient http, string q) => http.PostAsJsonAsync("http://localhost:11434/v1/chat/completions", new
                {
                    model = "deepseek-flash",
                    messages = new object[] { new { role = "system", content = $"Now: {DateTime.Now}" }, new { role = "user", content = q } },
                });
            }
            """);

        [Fact]
        public Task Ignores_code_without_DeepSeek_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Collections.Generic;
            using Microsoft.Extensions.AI;
            using OpenAI.Chat;

            class C
            {
                ChatCompletion Ask(ChatClient client, string q)
                    => client.CompleteChat(new SystemChatMessage($"Now: {DateTime.Now}"), new UserChatMessage(q));

                List<Microsoft.Extensions.AI.ChatMessage> Build() => new() { new(ChatRole.System, $"Id {Guid.NewGuid()}") };

                object Body() => new { role = "system", content = $"Now: {DateTime.Now}" };
            }
            """);

        [Fact]
        public Task Scope_all_openai_compatible_reports_without_evidence_but_not_on_another_host() => VerifyCS.Test(
            """
            using System;
            using System.ClientModel;
            using OpenAI;
            using OpenAI.Chat;

            class C
            {
                ChatCompletion Ask(ChatClient client, string q)
                    => client.CompleteChat(new SystemChatMessage($"Now: {{|#0:DateTime.Now|}}"), new UserChatMessage(q));
            }

            class GitHubModels
            {
                ChatCompletion Other(string q)
                    => new ChatClient("gpt-4o", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://models.github.ai/inference") })
                        .CompleteChat(new SystemChatMessage($"Now: {DateTime.Now}"), new UserChatMessage(q));
            }
            """,
            null,
            Diagnostic(0, "DateTime.Now"))
            .WithOptions("deepseek_analyzers.scope = all_openai_compatible")
            .RunAsync();

        [Fact]
        public Task Without_the_scope_option_the_same_code_is_silent() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using OpenAI.Chat;

            class C
            {
                ChatCompletion Ask(ChatClient client, string q)
                    => client.CompleteChat(new SystemChatMessage($"Now: {DateTime.Now}"), new UserChatMessage(q));
            }
            """);
    }
}
