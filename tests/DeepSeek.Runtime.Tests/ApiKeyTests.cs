using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Collections.Generic;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using OpenAI;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>Key lookup, and that the key never shows in an exception or a log line. The only tests touching DEEPSEEK_API_KEY.</summary>
    public sealed class ApiKeyTests : IAsyncLifetime, IDisposable
    {
        private readonly string? savedVariable = Environment.GetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable);
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        public void Dispose() => Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, savedVariable);

        private static IConfiguration Configuration(string? key)
            => new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [DeepSeekApiKey.ConfigurationKey] = key }).Build();

        [Fact]
        public void The_conventional_names_are_exposed()
        {
            Assert.Equal("DEEPSEEK_API_KEY", DeepSeekApiKey.EnvironmentVariable);
            Assert.Equal("DeepSeek:ApiKey", DeepSeekApiKey.ConfigurationKey);
        }

        [Fact]
        public void A_missing_or_blank_variable_throws_saying_where_to_set_it()
        {
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, null);
            var missing = Assert.Throws<InvalidOperationException>(() => DeepSeekApiKey.FromEnvironment());
            Assert.Contains("DEEPSEEK_API_KEY", missing.Message);

            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, "   ");
            Assert.Throws<InvalidOperationException>(() => DeepSeekApiKey.FromEnvironment());
        }

        [Fact]
        public void The_variable_is_read_and_trimmed()
        {
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, " " + Clients.TestKey + " ");

            Assert.Equal(Clients.TestKey, DeepSeekApiKey.FromEnvironment());
        }

        [Fact]
        public void Configuration_comes_first_then_the_variable()
        {
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, "sk-from-environment");

            Assert.Equal(Clients.TestKey, DeepSeekApiKey.FromConfiguration(Configuration(Clients.TestKey)));
            Assert.Equal("sk-from-environment", DeepSeekApiKey.FromConfiguration(Configuration(null)));
            Assert.Equal("sk-from-environment", DeepSeekApiKey.FromConfiguration(Configuration(" ")));
        }

        [Fact]
        public void Neither_set_throws_naming_both_places()
        {
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, null);

            var ex = Assert.Throws<InvalidOperationException>(() => DeepSeekApiKey.FromConfiguration(Configuration(null)));

            Assert.Contains("DeepSeek:ApiKey", ex.Message);
            Assert.Contains("DEEPSEEK_API_KEY", ex.Message);
            Assert.Throws<ArgumentNullException>(() => DeepSeekApiKey.FromConfiguration(null!));
        }

        [Fact]
        public async Task The_key_appears_in_no_exception_and_no_log_line_of_a_failing_guarded_retried_call()
        {
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, Clients.TestKey);
            var lines = new List<string>();
            using var loggerFactory = LoggerFactory.Create(builder => builder.SetMinimumLevel(LogLevel.Trace).AddProvider(new ListLoggerProvider(lines)));
            var guard = new DeepSeekSpendGuard(0.01m); // fits one call of 1024 output tokens at peak (0.0012 USD), not one of 100K
            var options = new OpenAIClientOptions
            {
                Endpoint = server.BaseUri,
                RetryPolicy = new ClientRetryPolicy(0),
                ClientLoggingOptions = new ClientLoggingOptions
                {
                    LoggerFactory = loggerFactory,
                    EnableLogging = true,
                    EnableMessageLogging = true,
                    EnableMessageContentLogging = true,
                },
            }.UseDeepSeek(new DeepSeekRequestOptions { SpendGuard = guard, OnUsage = usage => lines.Add("usage: " + usage) });
            var client = new ChatClient(DeepSeekModels.Flash, new ApiKeyCredential(DeepSeekApiKey.FromEnvironment()), options);
            var retry = new DeepSeekRetryOptions
            {
                Delay = (delay, ct) => Task.CompletedTask,
                OnRetry = (attempt, delay, status) => lines.Add($"retry {attempt} after {delay} (HTTP {status})"),
            };
            server.Enqueue(Replies.Status(429, retryAfter: "1"), Replies.Status(401));
            var exceptions = new List<Exception>();

            exceptions.Add(await Assert.ThrowsAsync<ClientResultException>(
                () => DeepSeekRetry.ExecuteAsync(ct => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, cancellationToken: ct), retry)));
            exceptions.Add(await Assert.ThrowsAsync<DeepSeekBudgetExceededException>(
                () => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, new ChatCompletionOptions { MaxOutputTokenCount = 100_000 })));
            Environment.SetEnvironmentVariable(DeepSeekApiKey.EnvironmentVariable, null);
            exceptions.Add(Assert.Throws<InvalidOperationException>(() => DeepSeekApiKey.FromConfiguration(Configuration(null))));

            Assert.Equal(2, server.Requests.Count);
            Assert.Equal("Bearer " + Clients.TestKey, server.Requests[0].Headers["Authorization"]); // the key was really in play
            Assert.Contains(lines, line => line.StartsWith("retry 1 after 00:00:01 (HTTP 429)", StringComparison.Ordinal));
            Assert.Contains(lines, line => line.Contains("chat/completions", StringComparison.Ordinal)); // the SDK did log the requests
            foreach (var text in lines)
            {
                Assert.DoesNotContain(Clients.TestKey, text);
            }

            foreach (var exception in exceptions)
            {
                Assert.DoesNotContain(Clients.TestKey, exception.ToString());
            }
        }

        private sealed class ListLoggerProvider : ILoggerProvider
        {
            private readonly List<string> lines;

            public ListLoggerProvider(List<string> lines) => this.lines = lines;

            public ILogger CreateLogger(string categoryName) => new ListLogger(lines);

            public void Dispose()
            {
            }

            private sealed class ListLogger : ILogger
            {
                private readonly List<string> lines;

                public ListLogger(List<string> lines) => this.lines = lines;

                public IDisposable? BeginScope<TState>(TState state)
                    where TState : notnull
                    => null;

                public bool IsEnabled(LogLevel logLevel) => true;

                public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
                {
                    lock (lines)
                    {
                        lines.Add(formatter(state, exception) + (exception != null ? " " + exception : string.Empty));
                    }
                }
            }
        }
    }
}
