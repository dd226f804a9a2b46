using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK008ExcessiveRetryAnalyzer,
    DeepSeek.Analyzers.Rules.DSK008ExcessiveRetryCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK008ExcessiveRetryTests
    {
        private const string AboveCap = "{0} retries exceed the cap of {1} (deepseek_analyzers.max_retries): every retry of a DeepSeek call is billed; retry at most {1} times";
        private const string Constant = "A constant delay retries at a fixed pace into the rate limit or outage that failed the call; back off exponentially";

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Above(int location, int count, int cap = 2)
            => VerifyCS.Diagnostic("DSK008").WithLocation(location).WithArguments(string.Format(AboveCap, count, cap));

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult NoDelay(int location, string name)
            => VerifyCS.Diagnostic("DSK008").WithLocation(location)
                .WithArguments("'" + name + "' retries at once, without a delay, into the rate limit or outage that failed the call; back off exponentially");

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult ConstantDelay(int location)
            => VerifyCS.Diagnostic("DSK008").WithLocation(location).WithArguments(Constant);

        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Stacked(int location, int? count = null)
            => VerifyCS.Diagnostic("DSK008").WithLocation(location).WithArguments(count == null
                ? "This retry is stacked on the OpenAI SDK's own 3 retries, so every attempt can be 4 calls; set RetryPolicy = new ClientRetryPolicy(0) on the client's options, or drop this retry"
                : $"This retry is stacked on the OpenAI SDK's own 3 retries: {count + 1} attempts x 4 calls = {(count + 1) * 4} calls; set RetryPolicy = new ClientRetryPolicy(0) on the client's options, or drop this retry");

        [Fact]
        public Task Flags_and_fixes_counts_above_the_cap_in_a_deepseek_http_client_registration() => VerifyCS.CodeFixAsync(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;

            class Startup
            {
                void A(IServiceCollection services)
                {
                    services.AddHttpClient("deepseek", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler(o => {|#0:o.Retry.MaxRetryAttempts = 5|});
                }

                void B(IServiceCollection services)
                {
                    services.AddHttpClient("chat", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddResilienceHandler("retry", b => b.AddRetry({|#1:new HttpRetryStrategyOptions { MaxRetryAttempts = 6 }|}));
                }

                void D(IServiceCollection services)
                {
                    var http = services.AddHttpClient("DeepSeek");
                    http.AddStandardResilienceHandler(o =>
                    {
                        {|#2:o.Retry.MaxRetryAttempts = 4|};
                    });
                }
            }
            """,
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;

            class Startup
            {
                void A(IServiceCollection services)
                {
                    services.AddHttpClient("deepseek", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 2);
                }

                void B(IServiceCollection services)
                {
                    services.AddHttpClient("chat", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddResilienceHandler("retry", b => b.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 2, BackoffType = DelayBackoffType.Exponential, UseJitter = true }));
                }

                void D(IServiceCollection services)
                {
                    var http = services.AddHttpClient("DeepSeek");
                    http.AddStandardResilienceHandler(o =>
                    {
                        o.Retry.MaxRetryAttempts = 2;
                    });
                }
            }
            """,
            Above(0, 5),
            Above(1, 6),
            Above(2, 4));

        [Fact]
        public Task Ignores_other_hosts_and_registrations_without_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using Microsoft.Extensions.DependencyInjection;
            using Microsoft.Extensions.Http.Resilience;
            using Polly;

            class Startup
            {
                void A(IServiceCollection services)
                {
                    services.AddHttpClient("openai", c => c.BaseAddress = new Uri("https://api.openai.com/v1"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 5);
                    services.AddHttpClient("weather")
                        .AddResilienceHandler("retry", b => b.AddRetry(new HttpRetryStrategyOptions { MaxRetryAttempts = 6, BackoffType = DelayBackoffType.Constant }));
                }

                void B(IServiceCollection services)
                {
                    // The registration decides: a DeepSeek client beside it does not make the weather client's retries DeepSeek's.
                    services.AddHttpClient("weather").AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 5);
                    services.AddHttpClient("deepseek", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 2);
                    services.AddHttpClient("deepseek-default", c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler();
                }
            }
            """);

        [Fact]
        public Task Flags_polly_v7_without_delay_above_the_cap_and_with_a_constant_delay() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class DeepSeekCaller
            {
                const string Endpoint = "https://api.deepseek.com/chat/completions";
                object A() => {|#0:Policy.Handle<HttpRequestException>().Retry(2)|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().RetryAsync()|};
                object D() => {|#2:Policy.Handle<HttpRequestException>().WaitAndRetryAsync(5, a => TimeSpan.FromSeconds(Math.Pow(2, a)))|};
                object E() => {|#3:Policy.Handle<HttpRequestException>().WaitAndRetry(2, _ => TimeSpan.FromSeconds(3))|};
                object F() => {|#4:Policy.Handle<HttpRequestException>().Retry(10)|};
                object G() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, a => TimeSpan.FromSeconds(Math.Pow(2, a)));
                object H() => {|#5:Policy.Handle<HttpRequestException>().WaitAndRetryAsync(1, _ => TimeSpan.Zero)|};
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Polly;

            class DeepSeekCaller
            {
                const string Endpoint = "https://api.deepseek.com/chat/completions";
                object A() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                object B() => Policy.Handle<HttpRequestException>().WaitAndRetryAsync(1, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                object D() => Policy.Handle<HttpRequestException>().WaitAndRetryAsync(2, a => TimeSpan.FromSeconds(Math.Pow(2, a)));
                object E() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                object F() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
                object G() => Policy.Handle<HttpRequestException>().WaitAndRetry(2, a => TimeSpan.FromSeconds(Math.Pow(2, a)));
                object H() => Policy.Handle<HttpRequestException>().WaitAndRetryAsync(1, attempt => TimeSpan.FromSeconds(Math.Pow(2, attempt)));
            }
            """,
            NoDelay(0, "Retry(2)"),
            NoDelay(1, "RetryAsync(1)"),
            Above(2, 5),
            ConstantDelay(3),
            Above(4, 10),
            ConstantDelay(5));

        [Fact]
        public Task Flags_and_fixes_constant_backoff_and_ClientRetryPolicy_above_the_cap() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.ClientModel;
            using System.ClientModel.Primitives;
            using OpenAI;
            using OpenAI.Chat;
            using Polly;
            using Polly.Retry;

            class DeepSeekChat
            {
                ChatClient Create(string key) => new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions
                {
                    Endpoint = new Uri("https://api.deepseek.com"),
                    RetryPolicy = {|#0:new ClientRetryPolicy(5)|},
                });

                RetryStrategyOptions Options() => {|#1:new RetryStrategyOptions { MaxRetryAttempts = 2, BackoffType = DelayBackoffType.Constant }|};

                void Later(RetryStrategyOptions options)
                {
                    {|#2:options.BackoffType = DelayBackoffType.Constant|};
                }
            }
            """,
            """
            using System;
            using System.ClientModel;
            using System.ClientModel.Primitives;
            using OpenAI;
            using OpenAI.Chat;
            using Polly;
            using Polly.Retry;

            class DeepSeekChat
            {
                ChatClient Create(string key) => new ChatClient("deepseek-flash", new ApiKeyCredential(key), new OpenAIClientOptions
                {
                    Endpoint = new Uri("https://api.deepseek.com"),
                    RetryPolicy = new ClientRetryPolicy(2),
                });

                RetryStrategyOptions Options() => new RetryStrategyOptions { MaxRetryAttempts = 2, BackoffType = DelayBackoffType.Exponential, UseJitter = true };

                void Later(RetryStrategyOptions options)
                {
                    options.BackoffType = DelayBackoffType.Exponential;
                }
            }
            """,
            Above(0, 5),
            ConstantDelay(1),
            ConstantDelay(2));

        [Fact]
        public Task Max_retries_option_sets_the_cap() => VerifyCS.Test(
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { Endpoint = new System.Uri("https://api.deepseek.com"), RetryPolicy = {|#0:new ClientRetryPolicy(2)|} };
                OpenAIClientOptions B() => new OpenAIClientOptions { Endpoint = new System.Uri("https://api.deepseek.com"), RetryPolicy = new ClientRetryPolicy(1) };
            }
            """,
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { Endpoint = new System.Uri("https://api.deepseek.com"), RetryPolicy = new ClientRetryPolicy(1) };
                OpenAIClientOptions B() => new OpenAIClientOptions { Endpoint = new System.Uri("https://api.deepseek.com"), RetryPolicy = new ClientRetryPolicy(1) };
            }
            """,
            Above(0, 2, cap: 1))
            .WithOptions("deepseek_analyzers.max_retries = 1")
            .RunAsync();

        [Fact]
        public Task Unbounded_constructs_are_DSK007s_alone() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel.Primitives;
            using System.Net.Http;
            using OpenAI;
            using Polly;
            using Polly.Retry;

            class DeepSeekCaller
            {
                const string Endpoint = "https://api.deepseek.com/chat/completions";
                object A() => Policy.Handle<HttpRequestException>().RetryForever();
                object B() => new RetryStrategyOptions { MaxRetryAttempts = int.MaxValue, BackoffType = DelayBackoffType.Constant };
                object D() => new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com"), RetryPolicy = new ClientRetryPolicy(int.MaxValue) };
            }
            """);

        [Fact]
        public Task Ignores_other_services_and_code_without_evidence() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel.Primitives;
            using System.Net.Http;
            using OpenAI;
            using Polly;

            class Weather
            {
                object A() => Policy.Handle<HttpRequestException>().Retry(10);
                object B() => new OpenAIClientOptions { Endpoint = new Uri("https://openrouter.ai/api/v1"), RetryPolicy = new ClientRetryPolicy(10) };
            }
            """);

        [Fact]
        public Task Scope_all_openai_compatible_flags_options_of_an_openai_client_without_evidence() => VerifyCS.Test(
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { RetryPolicy = {|#0:new ClientRetryPolicy(5)|} };
            }
            """,
            """
            using System.ClientModel.Primitives;
            using OpenAI;

            class C
            {
                OpenAIClientOptions A() => new OpenAIClientOptions { RetryPolicy = new ClientRetryPolicy(2) };
            }
            """,
            Above(0, 5))
            .WithOptions("deepseek_analyzers.scope = all_openai_compatible")
            .RunAsync();

        [Fact]
        public Task Flags_a_retry_stacked_on_the_sdks_own_retries() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.ClientModel;
            using System.ClientModel.Primitives;
            using System.Threading.Tasks;
            using OpenAI;
            using OpenAI.Chat;
            using Polly;

            class Bot
            {
                readonly ChatClient chat = new ChatClient("deepseek-flash", new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
                readonly ChatClient quiet = new OpenAIClient(new ApiKeyCredential("k"), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com"), RetryPolicy = new ClientRetryPolicy(0) }).GetChatClient("deepseek-flash");

                async Task A()
                {
                    {|#0:for|} (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { await chat.CompleteChatAsync("hi"); break; }
                        catch (ClientResultException) { await Task.Delay(1000 << attempt); }
                    }
                }

                Task<ClientResult<ChatCompletion>> B()
                    => {|#1:Policy.Handle<ClientResultException>().WaitAndRetryAsync(2, a => TimeSpan.FromSeconds(Math.Pow(2, a)))|}
                        .ExecuteAsync(() => chat.CompleteChatAsync("hi"));

                async Task D()
                {
                    for (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { await quiet.CompleteChatAsync("hi"); break; }
                        catch (ClientResultException) { await Task.Delay(1000 << attempt); }
                    }
                }

                async Task E()
                {
                    var policy = Policy.Handle<ClientResultException>().WaitAndRetryAsync(2, a => TimeSpan.FromSeconds(Math.Pow(2, a)));
                    await policy.ExecuteAsync(() => quiet.CompleteChatAsync("hi"));
                }

                async Task<string> F()
                {
                    {|#2:for|} (var attempt = 0; attempt < 3; attempt++)
                    {
                        try { return (await chat.CompleteChatAsync("hi")).Value.Content[0].Text; }
                        catch (ClientResultException) when (attempt < 2) { }
                    }

                    return "";
                }

                async Task G()
                {
                    var policy = {|#3:Policy.Handle<ClientResultException>().WaitAndRetryAsync(1, a => TimeSpan.FromSeconds(Math.Pow(2, a)))|};
                    await policy.ExecuteAsync(() => chat.CompleteChatAsync("hi"));
                }
            }
            """,
            Stacked(0),
            Stacked(1, 2),
            Stacked(2),
            Stacked(3, 1));


        [Fact]
        public Task Follows_ConfigureHttpClient_and_a_typed_client_named_for_DeepSeek() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            class DeepSeekApi { public DeepSeekApi(HttpClient http) { } }

            class Startup
            {
                void A(IServiceCollection services)
                {
                    services.AddHttpClient("chat")
                        .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler(o => {|#0:o.Retry.MaxRetryAttempts = 3|});
                    services.AddHttpClient<DeepSeekApi>().AddStandardResilienceHandler(o => {|#1:o.Retry.MaxRetryAttempts = 3|});
                    services.AddHttpClient("chat2")
                        .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://openrouter.ai/api/v1"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 3);
                }
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Microsoft.Extensions.DependencyInjection;

            class DeepSeekApi { public DeepSeekApi(HttpClient http) { } }

            class Startup
            {
                void A(IServiceCollection services)
                {
                    services.AddHttpClient("chat")
                        .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://api.deepseek.com"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 2);
                    services.AddHttpClient<DeepSeekApi>().AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 2);
                    services.AddHttpClient("chat2")
                        .ConfigureHttpClient(c => c.BaseAddress = new Uri("https://openrouter.ai/api/v1"))
                        .AddStandardResilienceHandler(o => o.Retry.MaxRetryAttempts = 3);
                }
            }
            """,
            Above(0, 3),
            Above(1, 3));

        [Fact]
        public Task No_fix_for_a_stacked_retry_or_a_retry_callback_no_wait_overload_takes() => VerifyCS.CodeFixAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class DeepSeekCaller
            {
                const string Endpoint = "https://api.deepseek.com/chat/completions";
                object A() => {|#0:Policy.Handle<HttpRequestException>().Retry(5, (Exception ex, int count) => Console.WriteLine(count))|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) })|};
            }
            """,
            """
            using System;
            using System.Net.Http;
            using Polly;

            class DeepSeekCaller
            {
                const string Endpoint = "https://api.deepseek.com/chat/completions";
                object A() => {|#0:Policy.Handle<HttpRequestException>().Retry(5, (Exception ex, int count) => Console.WriteLine(count))|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().WaitAndRetry(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(4) })|};
            }
            """,
            Above(0, 5),
            Above(1, 3));
    }
}
