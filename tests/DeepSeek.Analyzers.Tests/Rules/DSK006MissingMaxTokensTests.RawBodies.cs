using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensAnalyzer,
    DeepSeek.Analyzers.Rules.DSK006MissingMaxTokensCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    /// <summary>DSK006 on raw HTTP bodies: anonymous objects, dictionaries, JsonObject, JSON text.</summary>
    public partial class DSK006MissingMaxTokensTests
    {
        private const string HttpUsings = """
            using System.Collections.Generic;
            using System.Net.Http;
            using System.Net.Http.Json;
            using System.Text;
            using System.Text.Json.Nodes;
            using System.Threading.Tasks;

            """;

        [Fact]
        public Task Flags_and_fixes_an_anonymous_body_posted_to_DeepSeek() => VerifyCS.CodeFixAsync(
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, string q)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", {|#0:new { model = "deepseek-flash", messages = new[] { new { role = "user", content = q } } }|});

                Task<HttpResponseMessage> Multiline(HttpClient http, string q)
                {
                    var body = {|#1:new
                    {
                        model = "deepseek-flash",
                        messages = new[] { new { role = "user", content = q } },
                        stream = false,
                    }|};
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, string q)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new { model = "deepseek-flash", messages = new[] { new { role = "user", content = q } }, max_tokens = 1024 });

                Task<HttpResponseMessage> Multiline(HttpClient http, string q)
                {
                    var body = new
                    {
                        model = "deepseek-flash",
                        messages = new[] { new { role = "user", content = q } },
                        stream = false,
                        max_tokens = 1024,
                    };
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            NoLimit(0), NoLimit(1));

        [Fact]
        public Task Flags_max_completion_tokens_alone_in_an_anonymous_body_named_for_a_DeepSeek_model() => VerifyCS.CodeFixAsync(
            HttpUsings + """
            class C
            {
                object Body(string q) => {|#0:new { model = "deepseek-flash", messages = new[] { new { role = "user", content = q } }, max_completion_tokens = 200 }|};
            }
            """,
            HttpUsings + """
            class C
            {
                object Body(string q) => new { model = "deepseek-flash", messages = new[] { new { role = "user", content = q } }, max_completion_tokens = 200, max_tokens = 1024 };
            }
            """,
            Ignored(0));

        [Fact]
        public Task Flags_and_fixes_dictionary_bodies_in_their_own_entry_style() => VerifyCS.CodeFixAsync(
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Indexer(HttpClient http, object messages)
                {
                    var body = {|#0:new Dictionary<string, object?>
                    {
                        ["model"] = "deepseek-flash",
                        ["messages"] = messages,
                    }|};
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Add(HttpClient http, object messages)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", {|#1:new Dictionary<string, object> { { "model", "deepseek-flash" }, { "messages", messages } }|});
            }
            """,
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Indexer(HttpClient http, object messages)
                {
                    var body = new Dictionary<string, object?>
                    {
                        ["model"] = "deepseek-flash",
                        ["messages"] = messages,
                        ["max_tokens"] = 1024,
                    };
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Add(HttpClient http, object messages)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new Dictionary<string, object> { { "model", "deepseek-flash" }, { "messages", messages }, { "max_tokens", 1024 } });
            }
            """,
            NoLimit(0), NoLimit(1));

        [Fact]
        public Task Flags_and_fixes_JsonObject_bodies_including_one_filled_after_its_creation() => VerifyCS.CodeFixAsync(
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, JsonArray messages)
                {
                    var body = {|#0:new JsonObject { ["model"] = "deepseek-flash", ["messages"] = messages }|};
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Later(HttpClient http, JsonArray messages)
                {
                    var body = {|#1:new JsonObject()|};
                    body["model"] = "deepseek-flash";
                    body["messages"] = messages;
                    body["max_completion_tokens"] = 100;
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, JsonArray messages)
                {
                    var body = new JsonObject { ["model"] = "deepseek-flash", ["messages"] = messages, ["max_tokens"] = 1024 };
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Later(HttpClient http, JsonArray messages)
                {
                    var body = new JsonObject() { ["max_tokens"] = 1024 };
                    body["model"] = "deepseek-flash";
                    body["messages"] = messages;
                    body["max_completion_tokens"] = 100;
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }
            }
            """,
            NoLimit(0), Ignored(1));

        [Fact]
        public Task Flags_and_fixes_JSON_text_in_every_string_form() => VerifyCS.CodeFixAsync(
            HttpUsings + """""
            class C
            {
                Task<HttpResponseMessage> Raw(HttpClient http)
                {
                    var json = {|#0:""""
                        {
                          "model": "deepseek-flash",
                          "messages": [{"role": "user", "content": "Hello"}]
                        }
                        """"|};
                    return http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent(json, Encoding.UTF8, "application/json"));
                }

                Task<HttpResponseMessage> Regular(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent({|#1:"{\"model\": \"deepseek-flash\", \"messages\": []}"|}));

                Task<HttpResponseMessage> Interpolated(HttpClient http, string q)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent({|#2:$"{{\"model\": \"deepseek-flash\", \"messages\": [{{\"role\": \"user\", \"content\": \"{q}\"}}]}}"|}));
            }
            """"",
            HttpUsings + """""
            class C
            {
                Task<HttpResponseMessage> Raw(HttpClient http)
                {
                    var json = """"
                        {
                          "max_tokens": 1024,
                          "model": "deepseek-flash",
                          "messages": [{"role": "user", "content": "Hello"}]
                        }
                        """";
                    return http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent(json, Encoding.UTF8, "application/json"));
                }

                Task<HttpResponseMessage> Regular(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent("{\"max_tokens\": 1024, \"model\": \"deepseek-flash\", \"messages\": []}"));

                Task<HttpResponseMessage> Interpolated(HttpClient http, string q)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent($"{{\"max_tokens\": 1024, \"model\": \"deepseek-flash\", \"messages\": [{{\"role\": \"user\", \"content\": \"{q}\"}}]}}"));
            }
            """"",
            NoLimit(0), NoLimit(1), NoLimit(2));

        [Fact]
        public Task Ignores_bodies_with_max_tokens_other_hosts_and_non_chat_objects() => VerifyCS.AnalyzerAsync(
            HttpUsings + """"
            class C
            {
                Task<HttpResponseMessage> Limited(HttpClient http, object messages)
                {
                    var body = new Dictionary<string, object?> { ["model"] = "deepseek-flash", ["messages"] = messages };
                    body["max_tokens"] = 500;
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Anonymous(HttpClient http, object messages)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new { model = "deepseek-flash", messages, max_tokens = 200 });

                Task<HttpResponseMessage> Json(HttpClient http)
                    => http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent("""{"model": "deepseek-flash", "max_tokens": 9, "messages": []}"""));

                Task<HttpResponseMessage> OpenRouter(HttpClient http, object messages)
                    => http.PostAsJsonAsync("https://openrouter.ai/api/v1/chat/completions", new { model = "deepseek-flash", messages });

                Task<HttpResponseMessage> Responses(HttpClient http, string q)
                    => http.PostAsJsonAsync("https://api.deepseek.com/responses", new { model = "deepseek-flash", input = q });

                object Message(string q) => new { role = "user", content = q };

                Task<HttpResponseMessage> NoEvidence(HttpClient http, string url, object messages)
                    => http.PostAsJsonAsync(url, new { model = "gpt-4o-mini", messages });

                Task<HttpResponseMessage> ComputedKey(HttpClient http, string key, object messages)
                {
                    var body = new Dictionary<string, object?> { ["model"] = "deepseek-flash", ["messages"] = messages };
                    body[key] = 500;
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                Task<HttpResponseMessage> Helper(HttpClient http, object messages)
                {
                    var body = new Dictionary<string, object?> { ["model"] = "deepseek-flash", ["messages"] = messages };
                    AddLimit(body);
                    return http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", body);
                }

                static void AddLimit(Dictionary<string, object?> body) => body["max_tokens"] = 100;

                Task<HttpResponseMessage> Strings(HttpClient http, string messagesJson)
                    => http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new Dictionary<string, string> { ["model"] = "deepseek-flash", ["messages"] = messagesJson });
            }
            """");

        [Fact]
        public Task Ignores_bodies_sent_through_the_runtime_handler_and_flags_those_sent_without_it()
        {
            const string source = """
                using System.Net.Http;
                using System.Net.Http.Json;
                using System.Threading.Tasks;
                using DeepSeek.Runtime;

                class C
                {
                    private readonly HttpClient _http = new HttpClient(new DeepSeekHttpHandler(new HttpClientHandler()));
                    private readonly HttpClient _plain = new HttpClient();

                    Task<HttpResponseMessage> Ask(object messages)
                        => _http.PostAsJsonAsync("https://api.deepseek.com/chat/completions", new { model = "deepseek-flash", messages });

                    Task<HttpResponseMessage> Plain(object messages)
                        => _plain.PostAsJsonAsync("https://api.deepseek.com/chat/completions", {|#0:new { model = "deepseek-flash", messages }|});
                }
                """;
            var fixedSource = source.Replace("{|#0:new { model = \"deepseek-flash\", messages }|}", "new { model = \"deepseek-flash\", messages, max_tokens = 1024 }");
            return VerifyCS.Test(source, fixedSource, NoLimit(0)).WithRuntime().RunAsync();
        }

        [Fact]
        public Task Flags_bodies_under_scope_all_openai_compatible_without_evidence() => VerifyCS.Test(
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, string url, object messages)
                    => http.PostAsJsonAsync(url, {|#0:new { model = "some-model", messages }|});
            }
            """,
            HttpUsings + """
            class C
            {
                Task<HttpResponseMessage> Ask(HttpClient http, string url, object messages)
                    => http.PostAsJsonAsync(url, new { model = "some-model", messages, max_tokens = 1024 });
            }
            """,
            NoLimit(0)).WithOptions("deepseek_analyzers.scope = all_openai_compatible").RunAsync();
    }
}
