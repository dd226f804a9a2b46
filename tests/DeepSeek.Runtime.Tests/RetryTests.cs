using System;
using System.ClientModel;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>DeepSeekRetry against a real HTTP server, with the waits recorded instead of slept.</summary>
    public sealed class RetryTests : IAsyncLifetime
    {
        private static readonly DateTimeOffset Now = new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

        private readonly List<TimeSpan> delays = new List<TimeSpan>();
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        private DeepSeekRetryOptions Options(int? maxRetries = null)
        {
            var options = new DeepSeekRetryOptions
            {
                Delay = (delay, ct) =>
                {
                    delays.Add(delay);
                    return Task.CompletedTask;
                },
                Clock = () => Now,
                Random = () => 0.5, // the middle of the jitter range: exactly the exponential backoff
            };
            if (maxRetries.HasValue)
            {
                options.MaxRetries = maxRetries.Value;
            }

            return options;
        }

        private Task<HttpResponseMessage> Post(HttpClient http, CancellationToken ct)
            => http.PostAsync(server.ChatCompletionsUri, new StringContent("{\"model\":\"deepseek-flash\",\"messages\":[]}", Encoding.UTF8, "application/json"), ct);

        [Fact]
        public async Task A_429_then_200_is_retried_with_a_growing_delay()
        {
            server.Enqueue(Replies.Status(429), Replies.Status(429));
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), Options());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(3, server.Requests.Count);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2) }, delays);
        }

        [Fact]
        public async Task Jitter_spreads_the_delay_within_its_range()
        {
            server.Enqueue(Replies.Status(503));
            var options = Options();
            options.Random = () => 0.0;
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), options);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(0.8), Assert.Single(delays)); // 1 s − 20 %
        }

        [Fact]
        public async Task The_delay_never_exceeds_MaxDelay()
        {
            server.Enqueue(Replies.Status(500), Replies.Status(502), Replies.Status(504));
            var options = Options(maxRetries: 3);
            options.MaxDelay = TimeSpan.FromSeconds(1.5);
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), options);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(new[] { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(1.5) }, delays);
        }

        [Fact]
        public async Task Retry_After_in_seconds_is_honoured()
        {
            server.Enqueue(Replies.Status(429, retryAfter: "7"));
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), Options());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(7), Assert.Single(delays));
        }

        [Fact]
        public async Task Retry_After_as_an_HTTP_date_is_honoured()
        {
            server.Enqueue(Replies.Status(503, retryAfter: Now.AddSeconds(45).ToString("r")));
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), Options());

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(TimeSpan.FromSeconds(45), Assert.Single(delays));
        }

        [Fact]
        public async Task A_Retry_After_past_the_deadline_ends_the_retries()
        {
            server.Enqueue(Replies.Status(429, retryAfter: "600"));
            var options = Options();
            options.Deadline = TimeSpan.FromMinutes(1);
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), options);

            Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
            Assert.Single(server.Requests);
            Assert.Empty(delays);
        }

        [Theory]
        [InlineData(400)]
        [InlineData(401)]
        [InlineData(402)]
        [InlineData(422)]
        public async Task Client_errors_are_not_retried(int status)
        {
            server.Enqueue(Replies.Status(status));
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), Options());

            Assert.Equal(status, (int)response.StatusCode);
            Assert.Single(server.Requests);
            Assert.Empty(delays);
        }

        [Fact]
        public async Task Retries_stop_at_the_cap_of_two_by_default()
        {
            server.DefaultReply = Replies.Status(503);
            using var http = new HttpClient();

            using var response = await DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), Options());

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            Assert.Equal(3, server.Requests.Count); // 1 attempt + 2 retries
            Assert.Equal(2, delays.Count);
        }

        [Fact]
        public async Task HttpRequestException_from_EnsureSuccessStatusCode_is_retried_by_its_status()
        {
            server.Enqueue(Replies.Status(503), Replies.Status(401));
            using var http = new HttpClient();

            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => DeepSeekRetry.ExecuteAsync(
                async ct =>
                {
                    using var response = await Post(http, ct);
                    response.EnsureSuccessStatusCode();
                    return await response.Content.ReadAsStringAsync(ct);
                },
                Options()));

            Assert.Equal(HttpStatusCode.Unauthorized, ex.StatusCode);
            Assert.Equal(2, server.Requests.Count); // 503 retried, 401 not
        }

        [Fact]
        public async Task A_transport_error_is_retried_up_to_the_cap()
        {
            // A port that was just free: connecting is refused, a transport error with no response.
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            var port = ((IPEndPoint)listener.LocalEndpoint).Port;
            listener.Stop();
            var attempts = 0;
            using var http = new HttpClient();

            var ex = await Assert.ThrowsAsync<HttpRequestException>(() => DeepSeekRetry.ExecuteAsync(
                ct =>
                {
                    attempts++;
                    return http.GetStringAsync($"http://127.0.0.1:{port}/chat/completions", ct);
                },
                Options()));

            Assert.Null(ex.StatusCode);
            Assert.Equal(3, attempts);
            Assert.Equal(2, delays.Count);
        }

        [Fact]
        public async Task A_timeout_is_retried_but_a_callers_cancellation_is_not()
        {
            var attempts = 0;
            await Assert.ThrowsAsync<TaskCanceledException>(() => DeepSeekRetry.ExecuteAsync<int>(
                ct =>
                {
                    attempts++;
                    throw new TaskCanceledException("HttpClient.Timeout elapsed", new TimeoutException());
                },
                Options()));
            Assert.Equal(3, attempts);

            using var cts = new CancellationTokenSource();
            cts.Cancel();
            attempts = 0;
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeepSeekRetry.ExecuteAsync<int>(
                ct =>
                {
                    attempts++;
                    ct.ThrowIfCancellationRequested();
                    return Task.FromResult(1);
                },
                Options(),
                cts.Token));
            Assert.Equal(1, attempts);
        }

        [Fact]
        public async Task Cancellation_during_the_backoff_stops_at_once()
        {
            server.DefaultReply = Replies.Status(503);
            using var cts = new CancellationTokenSource();
            var options = Options();
            options.Delay = (delay, ct) =>
            {
                delays.Add(delay);
                cts.Cancel(); // the caller gives up while the retry waits
                return Task.Delay(TimeSpan.FromSeconds(30), ct);
            };
            using var http = new HttpClient();
            var watch = System.Diagnostics.Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => DeepSeekRetry.ExecuteAsync(ct => Post(http, ct), options, cts.Token));

            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
            Assert.Single(server.Requests);
            Assert.Single(delays);
        }

        [Fact]
        public async Task OpenAI_SDK_429_with_Retry_After_is_retried_once_with_the_SDK_retries_off()
        {
            server.Enqueue(Replies.Status(429, retryAfter: "3"));
            var client = Clients.OpenAI(server, sdkRetries: 0);

            var completion = await DeepSeekRetry.ExecuteAsync(ct => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, cancellationToken: ct), Options());

            Assert.Equal("Hello!", completion.Value.Content[0].Text);
            Assert.Equal(2, server.Requests.Count);
            Assert.Equal(TimeSpan.FromSeconds(3), Assert.Single(delays));
        }

        [Theory]
        [InlineData(401)]
        [InlineData(402)]
        public async Task OpenAI_SDK_auth_and_balance_errors_are_not_retried(int status)
        {
            server.DefaultReply = Replies.Status(status);
            var client = Clients.OpenAI(server, sdkRetries: 0);

            var ex = await Assert.ThrowsAsync<ClientResultException>(() => DeepSeekRetry.ExecuteAsync(
                ct => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, cancellationToken: ct),
                Options()));

            Assert.Equal(status, ex.Status);
            Assert.Single(server.Requests);
            Assert.Empty(delays);
        }

        [Fact]
        public async Task OpenAI_SDK_server_errors_stop_at_the_cap()
        {
            server.DefaultReply = Replies.Status(500);
            var client = Clients.OpenAI(server, sdkRetries: 0);

            var ex = await Assert.ThrowsAsync<ClientResultException>(() => DeepSeekRetry.ExecuteAsync(
                ct => client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hi") }, cancellationToken: ct),
                Options(maxRetries: 1)));

            Assert.Equal(500, ex.Status);
            Assert.Equal(2, server.Requests.Count);
        }

        [Fact]
        public void Retry_After_values_parse_as_seconds_or_HTTP_dates()
        {
            Assert.Equal(TimeSpan.FromSeconds(12), DeepSeekRetry.ParseRetryAfter("12", Now));
            Assert.Equal(TimeSpan.FromSeconds(90), DeepSeekRetry.ParseRetryAfter(Now.AddSeconds(90).ToString("r"), Now));
            Assert.Equal(TimeSpan.Zero, DeepSeekRetry.ParseRetryAfter(Now.AddSeconds(-90).ToString("r"), Now));
            Assert.Null(DeepSeekRetry.ParseRetryAfter("soon", Now));
            Assert.Null(DeepSeekRetry.ParseRetryAfter(null, Now));
        }

        [Fact]
        public void Only_429_and_5xx_gateway_statuses_are_retryable()
        {
            var retryable = Enumerable.Range(100, 500).Where(DeepSeekRetry.IsRetryableStatus).ToArray();

            Assert.Equal(new[] { 429, 500, 502, 503, 504 }, retryable);
        }
    }
}
