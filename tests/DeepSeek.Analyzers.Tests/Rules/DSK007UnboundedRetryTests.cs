using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK007UnboundedRetryAnalyzer,
    DeepSeek.Analyzers.Rules.DSK007UnboundedRetryCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK007UnboundedRetryTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string subject, int max = 2)
            => VerifyCS.Diagnostic("DSK007").WithLocation(location).WithArguments(subject, max);

        // ---- Polly v7, everywhere ----

        [Fact]
        public Task Flags_polly_v7_forever_policies_and_int_MaxValue_without_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().RetryForever()|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().RetryForeverAsync(ex => Console.WriteLine(ex))|};
                object D() => {|#2:Policy.Handle<HttpRequestException>().WaitAndRetryForever(a => TimeSpan.FromSeconds(a))|};
                object E() => {|#3:Policy.Handle<HttpRequestException>().WaitAndRetryForeverAsync(a => TimeSpan.FromSeconds(a), (ex, t) => { })|};
                object F() => {|#4:Policy.HandleResult<HttpResponseMessage>(r => !r.IsSuccessStatusCode).Retry(int.MaxValue)|};
                object G() => {|#5:Policy.Handle<HttpRequestException>().WaitAndRetryAsync(int.MaxValue, a => TimeSpan.FromSeconds(a))|};
                object H() => {|#6:Policy.Handle<HttpRequestException>().RetryAsync(int.MaxValue)|};
            }
            """,
            Diagnostic(0, "'RetryForever'"),
            Diagnostic(1, "'RetryForeverAsync'"),
            Diagnostic(2, "'WaitAndRetryForever'"),
            Diagnostic(3, "'WaitAndRetryForeverAsync'"),
            Diagnostic(4, "'Retry(int.MaxValue)'"),
            Diagnostic(5, "'WaitAndRetryAsync(int.MaxValue)'"),
            Diagnostic(6, "'RetryAsync(int.MaxValue)'"));

        [Fact]
        public Task Ignores_bounded_polly_v7_policies() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                const int Many = 1000;
                object A() => Policy.Handle<HttpRequestException>().Retry(3);
                object B() => Policy.Handle<HttpRequestException>().WaitAndRetryAsync(Many, a => TimeSpan.FromSeconds(a));
                object D() => Policy.Handle<HttpRequestException>().WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) });
                object E(int n) => Policy.Handle<HttpRequestException>().RetryAsync(n);
                void Retry() { }
                void F() => Retry();
            }
            """);

        [Fact]
        public Task Fixes_RetryForever_to_bounded_exponential() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().RetryForever()|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().RetryForeverAsync()|};
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                object B() => Policy.Handle<HttpRequestException>().WaitAndRetryAsync(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            """,
            Diagnostic(0, "'RetryForever'"),
            Diagnostic(1, "'RetryForeverAsync'"));

        [Fact]
        public Task Fix_adds_using_System_and_keeps_wait_and_retry_callbacks() => VerifyCS.CodeFixAsync(
            """
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<System.Net.Http.HttpRequestException>().WaitAndRetryForeverAsync(a => System.TimeSpan.FromSeconds(a), (ex, delay) => System.Console.WriteLine(delay))|};
                object B() => {|#1:Policy.Handle<System.Net.Http.HttpRequestException>().Retry(int.MaxValue)|};
            }
            """,
            """
            using System;
            using Polly;

            class C
            {
                object A() => Policy.Handle<System.Net.Http.HttpRequestException>().WaitAndRetryAsync(2, a => System.TimeSpan.FromSeconds(a), (ex, delay) => System.Console.WriteLine(delay));
                object B() => Policy.Handle<System.Net.Http.HttpRequestException>().WaitAndRetry(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            """,
            Diagnostic(0, "'WaitAndRetryForeverAsync'"),
            Diagnostic(1, "'Retry(int.MaxValue)'"));

        [Fact]
        public Task No_fix_where_no_bounded_overload_takes_the_callback() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().RetryForever((Exception ex, int count) => Console.WriteLine(count))|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().WaitAndRetryForever(a => TimeSpan.FromSeconds(a), (ex, count, delay) => Console.WriteLine(count))|};
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().RetryForever((Exception ex, int count) => Console.WriteLine(count))|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().WaitAndRetryForever(a => TimeSpan.FromSeconds(a), (ex, count, delay) => Console.WriteLine(count))|};
            }
            """,
            Diagnostic(0, "'RetryForever'"),
            Diagnostic(1, "'WaitAndRetryForever'"));

        [Fact]
        public Task Fix_uses_max_retries_option() => VerifyCS.Test(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().WaitAndRetryForever(a => TimeSpan.FromSeconds(a))|};
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => Policy.Handle<HttpRequestException>().WaitAndRetry(1, a => TimeSpan.FromSeconds(a));
            }
            """,
            Diagnostic(0, "'WaitAndRetryForever'", max: 1))
            .WithOptions("deepseek_analyzers.max_retries = 1")
            .RunAsync();

        // ---- Polly v8, Http.Resilience, System.ClientModel ----

        [Fact]
        public Task Flags_and_fixes_v8_options_created_with_int_MaxValue() => VerifyCS.CodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.Http.Resilience;
            using Polly.Retry;

            class C
            {
                object A() => {|#0:new RetryStrategyOptions { MaxRetryAttempts = int.MaxValue, Delay = TimeSpan.FromSeconds(1) }|};
                object B() => {|#1:new HttpRetryStrategyOptions { MaxRetryAttempts = int.MaxValue, UseJitter = false }|};
            }
            """,
            """
            using System;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;
            using Polly.Retry;

            class C
            {
                object A() => new RetryStrategyOptions { MaxRetryAttempts = 2, Delay = TimeSpan.FromSeconds(1), BackoffType = DelayBackoffType.Exponential, UseJitter = true };
                object B() => new HttpRetryStrategyOptions { MaxRetryAttempts = 2, UseJitter = true, BackoffType = DelayBackoffType.Exponential };
            }
            """,
            Diagnostic(0, "MaxRetryAttempts = int.MaxValue"),
            Diagnostic(1, "MaxRetryAttempts = int.MaxValue"));

        [Fact]
        public Task Flags_int_MaxValue_assigned_later_and_in_resilience_handler_lambdas() => VerifyCS.CodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;
            using Polly.Retry;

            class C
            {
                void A()
                {
                    var options = new RetryStrategyOptions<string>();
                    {|#0:options.MaxRetryAttempts = int.MaxValue|};
                }

                void B(IServiceCollection services)
                {
                    services.AddHttpClient("anything").AddStandardResilienceHandler(o => {|#1:o.Retry.MaxRetryAttempts = int.MaxValue|});
                    services.AddHttpClient("other").AddResilienceHandler("retry", b => b.AddRetry({|#2:new HttpRetryStrategyOptions { MaxRetryAttempts = int.MaxValue }|}));
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;
            using Polly.Retry;

            class C
            {
                void A()
                {
                    var options = new RetryStrategyOptions<string>();
                    options.MaxRetryAttempts = 2;
                }

                void B(IServiceCollection services)
                {
                    services.AddHttpClient("anything").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 2);
                    services.AddHttpClient("other").AddResilienceHandler("retry", b => b.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, BackoffType = DelayBackoffType.Exponential, UseJitter = true }));
                }
            }
            """,
            Diagnostic(0, "MaxRetryAttempts = int.MaxValue"),
            Diagnostic(1, "MaxRetryAttempts = int.MaxValue"),
            Diagnostic(2, "MaxRetryAttempts = int.MaxValue"));

        [Fact]
        public Task Flags_and_fixes_ClientRetryPolicy_int_MaxValue() => VerifyCS.CodeFixAsync(
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { RetryPolicy = {|#0:new ClientRetryPolicy(int.MaxValue)|} };
                ClientRetryPolicy B() => {|#1:new ClientRetryPolicy(maxRetries: int.MaxValue)|};
            }
            """,
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(2) };
                ClientRetryPolicy B() => new ClientRetryPolicy(maxRetries: 2);
            }
            """,
            Diagnostic(0, "'ClientRetryPolicy(int.MaxValue)'"),
            Diagnostic(1, "'ClientRetryPolicy(int.MaxValue)'"));

        [Fact]
        public Task Ignores_finite_and_default_v8_and_ClientRetryPolicy_counts() => VerifyCS.AnalyzerAsync(
            """
            using System.ClientModel.Primitives;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly.Retry;

            class C
            {
                object A() => new RetryStrategyOptions { MaxRetryAttempts = 5 };
                object B() => new HttpRetryStrategyOptions();
                object D() => new ClientRetryPolicy(3);
                object E() => new ClientRetryPolicy();
                void F(IServiceCollection services) => services.AddHttpClient("x").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 4);
            }
            """);


        // ---- Hand-written loops, with DeepSeek evidence ----

        private const string Client = """
            using System;
            using System.ClientModel;
            using System.Net.Http;
            using System.Threading;
            using System.Threading.Tasks;
            using OpenAI;
            using OpenAI.Chat;

            partial class Bot
            {
                readonly ChatClient chat = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                readonly ChatClient other = new ChatClient("gpt-4o", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.openai.com/v1") });
                readonly HttpClient http = new HttpClient();
            }

            """;

        private static Verifiers.DeepSeekTest<Analyzers.Rules.DSK007UnboundedRetryAnalyzer, Analyzers.Rules.DSK007UnboundedRetryCodeFixProvider> Loop(
            string source, string? fixedSource, params Microsoft.CodeAnalysis.Testing.DiagnosticResult[] expected)
        {
            var test = VerifyCS.Test(source, fixedSource, expected);
            test.TestState.Sources.Add(("/0/Client.cs", Client));
            if (fixedSource != null)
            {
                test.FixedState.Sources.Add(("/0/Client.cs", Client));
            }

            return test;
        }

        [Fact]
        public Task Flags_while_true_for_ever_and_do_while_true_retrying_a_deepseek_call() => Loop(
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                    {|#0:while|} (true)
                    {
                        try
                        {
                            return await chat.CompleteChatAsync("hi");
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex.Message);
                            await Task.Delay(1000);
                        }
                    }
                }

                async Task B()
                {
                    {|#1:for|} (;;)
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch { }
                    }
                }

                async Task D()
                {
                    {|#2:do|}
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch (Exception) { await Task.Delay(500); }
                    }
                    while (true);
                }
            }
            """,
            null,
            Diagnostic(0, "This loop"),
            Diagnostic(1, "This loop"),
            Diagnostic(2, "This loop")).RunAsync();

        [Fact]
        public Task Flags_a_flag_loop_and_a_counter_that_is_never_tested() => Loop(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            partial class Bot
            {
                async Task<string> A(string body)
                {
                    var done = false;
                    string result = "";
                    {|#0:while|} (!done)
                    {
                        try
                        {
                            var response = await http.PostAsync("https://api.deepseek.com/chat/completions", new StringContent(body));
                            result = await response.Content.ReadAsStringAsync();
                            done = true;
                        }
                        catch (HttpRequestException) { }
                    }

                    return result;
                }

                async Task B()
                {
                    var attempt = 0;
                    {|#1:while|} (true)
                    {
                        attempt++;
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { Console.WriteLine($"attempt {attempt} failed"); }
                    }
                }
            }
            """,
            null,
            Diagnostic(0, "This loop"),
            Diagnostic(1, "This loop")).RunAsync();

        [Fact]
        public Task Ignores_bounded_loops_rethrowing_catches_and_checked_counters() => Loop(
            """
            using System;
            using System.Threading.Tasks;

            partial class Bot
            {
                async Task A()
                {
                    for (var i = 0; i < 3; i++)
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch { }
                    }
                }

                async Task B()
                {
                    var attempt = 0;
                    while (true)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch when (attempt++ < 3) { }
                    }
                }

                async Task D()
                {
                    var attempt = 0;
                    while (true)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch (Exception)
                        {
                            if (++attempt > 2) throw;
                        }
                    }
                }

                async Task E()
                {
                    var attempt = 0;
                    while (true)
                    {
                        if (attempt++ >= 3) break;
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }

                async Task F()
                {
                    var retries = 3;
                    while (retries-- > 0)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }

                async Task G()
                {
                    var deadline = DateTime.UtcNow.AddMinutes(1);
                    while (DateTime.UtcNow < deadline)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { await Task.Delay(1000); }
                    }
                }
            }
            """,
            null).RunAsync();

        [Fact]
        public Task Ignores_event_loops_repls_and_other_services() => Loop(
            """
            using System;
            using System.Threading;
            using System.Threading.Tasks;

            partial class Bot
            {
                async Task Repl()
                {
                    while (true)
                    {
                        var line = Console.ReadLine();
                        if (line == null) break;
                        try { Console.WriteLine((await chat.CompleteChatAsync(line)).Value.Content[0].Text); }
                        catch (Exception ex) { Console.WriteLine(ex.Message); }
                    }
                }

                async Task Worker(CancellationToken ct)
                {
                    while (!ct.IsCancellationRequested)
                    {
                        try { await chat.CompleteChatAsync("tick"); }
                        catch { }
                        await Task.Delay(60_000, ct);
                    }
                }

                async Task OtherService()
                {
                    while (true)
                    {
                        try { await other.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }

                async Task NotACall()
                {
                    while (true)
                    {
                        try { await Task.Delay(10); return; }
                        catch { }
                    }
                }
            }
            """,
            null).RunAsync();

        [Fact]
        public Task Flags_goto_and_recursive_retries() => Loop(
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                {|#0:again|}:
                    try
                    {
                        return await chat.CompleteChatAsync("hi");
                    }
                    catch (Exception)
                    {
                        await Task.Delay(1000);
                        goto again;
                    }
                }

                async Task<ChatCompletion> B(string prompt)
                {
                    try
                    {
                        return await chat.CompleteChatAsync(prompt);
                    }
                    catch
                    {
                        return await {|#1:B(prompt)|};
                    }
                }

                async Task<ChatCompletion> D(string prompt, int retries)
                {
                    if (retries <= 0) throw new InvalidOperationException();
                    try
                    {
                        return await chat.CompleteChatAsync(prompt);
                    }
                    catch
                    {
                        return await D(prompt, retries - 1);
                    }
                }

                async Task<ChatCompletion> E()
                {
                    var attempt = 0;
                again:
                    if (attempt++ > 2) throw new InvalidOperationException();
                    try
                    {
                        return await chat.CompleteChatAsync("hi");
                    }
                    catch (Exception)
                    {
                        goto again;
                    }
                }
            }
            """,
            null,
            Diagnostic(0, "This goto retry"),
            Diagnostic(1, "This recursive retry")).RunAsync();

        [Fact]
        public Task Scope_all_openai_compatible_flags_a_client_without_evidence() => VerifyCS.Test(
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            class C
            {
                async Task A(ChatClient client)
                {
                    {|#0:while|} (true)
                    {
                        try { await client.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }
            }
            """,
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            class C
            {
                async Task A(ChatClient client)
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        try { await client.CompleteChatAsync("hi"); return; }
                        catch
                        {
                            if (attempt >= 2) throw;
                        }
                    }
                }
            }
            """,
            Diagnostic(0, "This loop"))
            .WithOptions("deepseek_analyzers.scope = all_openai_compatible")
            .RunAsync();

        [Fact]
        public Task Ignores_a_client_without_evidence_by_default() => VerifyCS.AnalyzerAsync(
            """
            using System.Threading.Tasks;
            using OpenAI.Chat;

            class C
            {
                async Task A(ChatClient client)
                {
                    while (true)
                    {
                        try { await client.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }
            }
            """);

        [Fact]
        public Task Fixes_loops_with_an_attempt_counter_that_rethrows_on_the_last_attempt() => Loop(
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                    {|#0:while|} (true)
                    {
                        try
                        {
                            return await chat.CompleteChatAsync("hi");
                        }
                        catch (Exception ex)
                        {
                            Console.WriteLine(ex.Message);
                            await Task.Delay(1000);
                        }
                    }
                }

                async Task B()
                {
                    var done = false;
                    {|#1:while|} (!done)
                    {
                        try { await chat.CompleteChatAsync("hi"); done = true; }
                        catch { continue; }
                    }
                }

                async Task D()
                {
                    {|#2:do|}
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch (Exception) { await Task.Delay(500); }
                    }
                    while (true);
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        try
                        {
                            return await chat.CompleteChatAsync("hi");
                        }
                        catch (Exception ex)
                        {
                            if (attempt >= 2) throw;
                            Console.WriteLine(ex.Message);
                            await Task.Delay(1000);
                        }
                    }
                }

                async Task B()
                {
                    var done = false;
                    for (var attempt = 0; !done; attempt++)
                    {
                        try { await chat.CompleteChatAsync("hi"); done = true; }
                        catch
                        {
                            if (attempt >= 2) throw;
                            continue;
                        }
                    }
                }

                async Task D()
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch (Exception)
                        {
                            if (attempt >= 2) throw;
                            await Task.Delay(500);
                        }
                    }
                }
            }
            """,
            Diagnostic(0, "This loop"),
            Diagnostic(1, "This loop"),
            Diagnostic(2, "This loop")).RunAsync();

        [Fact]
        public Task Fixes_a_loop_around_one_call_to_DeepSeekRetry_with_the_runtime() => Loop(
            """
            using System;
            using System.ClientModel;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ClientResult<ChatCompletion>> A()
                {
                    {|#0:while|} (true)
                    {
                        try
                        {
                            return await chat.CompleteChatAsync("hi");
                        }
                        catch (Exception)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.ClientModel;
            using System.Threading.Tasks;
            using DeepSeek.Runtime;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ClientResult<ChatCompletion>> A()
                {
                    return await DeepSeekRetry.ExecuteAsync(_ => chat.CompleteChatAsync("hi"), new DeepSeekRetryOptions { MaxRetries = 2 });
                }
            }
            """,
            Diagnostic(0, "This loop"))
            .WithRuntime()
            .RunAsync();


        [Fact]
        public Task With_the_runtime_a_loop_returning_an_http_response_keeps_the_counter_rewrite() => Loop(
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            partial class Bot
            {
                async Task<HttpResponseMessage> A(HttpContent body)
                {
                    {|#0:while|} (true)
                    {
                        try
                        {
                            return await http.PostAsync("https://api.deepseek.com/chat/completions", body);
                        }
                        catch (HttpRequestException)
                        {
                            await Task.Delay(1000);
                        }
                    }
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using System.Threading.Tasks;

            partial class Bot
            {
                async Task<HttpResponseMessage> A(HttpContent body)
                {
                    for (var attempt = 0; ; attempt++)
                    {
                        try
                        {
                            return await http.PostAsync("https://api.deepseek.com/chat/completions", body);
                        }
                        catch (HttpRequestException)
                        {
                            if (attempt >= 2) throw;
                            await Task.Delay(1000);
                        }
                    }
                }
            }
            """,
            Diagnostic(0, "This loop"))
            .WithRuntime()
            .RunAsync();

        [Fact]
        public Task No_fix_for_goto_recursion_or_a_loop_that_continues_outside_its_catch() => Loop(
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                {|#0:again|}:
                    try { return await chat.CompleteChatAsync("hi"); }
                    catch (Exception) { goto again; }
                }

                async Task<ChatCompletion> B(string prompt)
                {
                    try { return await chat.CompleteChatAsync(prompt); }
                    catch { return await {|#1:B(prompt)|}; }
                }

                async Task D(bool skip)
                {
                    {|#2:while|} (true)
                    {
                        if (skip) continue;
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }

                async Task E()
                {
                    {|#3:for|} (var i = 0; ; i++)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }
            }
            """,
            """
            using System;
            using System.Threading.Tasks;
            using OpenAI.Chat;

            partial class Bot
            {
                async Task<ChatCompletion> A()
                {
                {|#0:again|}:
                    try { return await chat.CompleteChatAsync("hi"); }
                    catch (Exception) { goto again; }
                }

                async Task<ChatCompletion> B(string prompt)
                {
                    try { return await chat.CompleteChatAsync(prompt); }
                    catch { return await {|#1:B(prompt)|}; }
                }

                async Task D(bool skip)
                {
                    {|#2:while|} (true)
                    {
                        if (skip) continue;
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }

                async Task E()
                {
                    {|#3:for|} (var i = 0; ; i++)
                    {
                        try { await chat.CompleteChatAsync("hi"); return; }
                        catch { }
                    }
                }
            }
            """,
            Diagnostic(0, "This goto retry"),
            Diagnostic(1, "This recursive retry"),
            Diagnostic(2, "This loop"),
            Diagnostic(3, "This loop")).RunAsync();
    }
}
