using System;
using System.ClientModel;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Bounded retries for DeepSeek calls: 429, 500, 502, 503, 504, timeouts and transport errors are retried with
    /// exponential backoff and jitter, honouring <c>Retry-After</c>; 400, 401, 402, 422 and a caller's cancellation never are.
    /// Works with HttpClient (<see cref="HttpRequestException"/>, or the <see cref="HttpResponseMessage"/> overload) and
    /// with System.ClientModel clients such as the OpenAI SDK (<see cref="ClientResultException"/>). Do not stack it on
    /// the OpenAI SDK's own retries: set <c>RetryPolicy = new ClientRetryPolicy(0)</c> on the client options.
    /// </summary>
    public static class DeepSeekRetry
    {
        private const string RetryAfterHeader = "Retry-After";

        private static readonly Random SharedRandom = new Random();

#if !NET5_0_OR_GREATER
        // netstandard2.0 has no HttpRequestException.StatusCode, but .NET 5+ runtimes do: read it where it exists.
        private static readonly PropertyInfo? StatusCodeProperty = typeof(HttpRequestException).GetProperty("StatusCode");
#endif

        /// <summary>Runs <paramref name="operation"/>, retrying transient failures.</summary>
        /// <returns>The first successful result.</returns>
        /// <exception cref="Exception">The last failure, when it is not transient or the retries or deadline are used up.</exception>
        public static async Task<T> ExecuteAsync<T>(
            Func<CancellationToken, Task<T>> operation,
            DeepSeekRetryOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (operation == null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            var run = new RetryRun(options ?? new DeepSeekRetryOptions(), cancellationToken);
            for (var retry = 0; ; retry++)
            {
                TimeSpan? delay = null;
                try
                {
                    return await operation(cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when ((delay = run.DelayAfter(ex, retry)) != null)
                {
                    // Transient and within the cap and deadline: wait below, outside the catch.
                }

                await run.WaitAsync(delay!.Value).ConfigureAwait(false);
            }
        }

        /// <summary>Runs <paramref name="operation"/>, retrying transient failures.</summary>
        /// <exception cref="Exception">The last failure, when it is not transient or the retries or deadline are used up.</exception>
        public static Task ExecuteAsync(
            Func<CancellationToken, Task> operation,
            DeepSeekRetryOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (operation == null)
            {
                throw new ArgumentNullException(nameof(operation));
            }

            return ExecuteAsync<bool>(
                async ct =>
                {
                    await operation(ct).ConfigureAwait(false);
                    return true;
                },
                options,
                cancellationToken);
        }

        /// <summary>
        /// Sends with <paramref name="send"/> (which must create a new request each time), retrying transient failures
        /// and responses with a retryable status. A failed response that is retried is disposed.
        /// </summary>
        /// <returns>The first response that is a success or not retryable, or the last one when retries or the deadline are used up.</returns>
        public static async Task<HttpResponseMessage> ExecuteAsync(
            Func<CancellationToken, Task<HttpResponseMessage>> send,
            DeepSeekRetryOptions? options = null,
            CancellationToken cancellationToken = default)
        {
            if (send == null)
            {
                throw new ArgumentNullException(nameof(send));
            }

            var run = new RetryRun(options ?? new DeepSeekRetryOptions(), cancellationToken);
            for (var retry = 0; ; retry++)
            {
                TimeSpan? delay = null;
                try
                {
                    var response = await send(cancellationToken).ConfigureAwait(false);
                    delay = run.DelayAfter((int)response.StatusCode, RetryAfter(response, run.Now), retry);
                    if (delay == null)
                    {
                        return response;
                    }

                    response.Dispose();
                }
                catch (Exception ex) when ((delay = run.DelayAfter(ex, retry)) != null)
                {
                    // Transient and within the cap and deadline: wait below.
                }

                await run.WaitAsync(delay!.Value).ConfigureAwait(false);
            }
        }

        /// <summary>True for the HTTP statuses worth retrying: 429, 500, 502, 503 and 504.</summary>
        public static bool IsRetryableStatus(int status)
            => status == 429 || status == 500 || status == 502 || status == 503 || status == 504;

        /// <summary>
        /// True when <paramref name="exception"/> is worth retrying: a retryable status, a timeout or a transport error,
        /// and not a cancellation of <paramref name="cancellationToken"/>.
        /// </summary>
        public static bool IsTransient(Exception exception, CancellationToken cancellationToken = default)
            => Classify(exception, cancellationToken, () => DateTimeOffset.UtcNow, out _, out _);

        internal static bool Classify(Exception exception, CancellationToken cancellationToken, Func<DateTimeOffset> clock, out int status, out TimeSpan? retryAfter)
        {
            status = 0;
            retryAfter = null;
            switch (exception)
            {
                case OperationCanceledException _:
                    // The caller's cancellation stops at once; any other cancellation is a timeout (HttpClient.Timeout, NetworkTimeout).
                    return !cancellationToken.IsCancellationRequested;
                case TimeoutException _:
                    return true;
                case ClientResultException clientResult:
                    status = clientResult.Status;
                    if (status == 0)
                    {
                        return true; // no response at all: a transport error
                    }

                    var raw = clientResult.GetRawResponse();
                    if (raw != null && raw.Headers.TryGetValue(RetryAfterHeader, out var header))
                    {
                        retryAfter = ParseRetryAfter(header, clock());
                    }

                    return IsRetryableStatus(status);
                case HttpRequestException httpRequest:
                    var code = StatusCodeOf(httpRequest);
                    if (code.HasValue)
                    {
                        status = code.Value;
                        return IsRetryableStatus(status);
                    }

                    // A transport failure carries its cause (SocketException, IOException). Without a status or a cause it is
                    // EnsureSuccessStatusCode on a runtime that hides the status: possibly a 401, so not retried.
                    return httpRequest.InnerException != null;
                case IOException _:
                    return true; // the connection broke while the response was read
                default:
                    return false;
            }
        }

        internal static TimeSpan? ParseRetryAfter(string? value, DateTimeOffset now)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return null;
            }

            value = value!.Trim();
            if (long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, (long)TimeSpan.MaxValue.TotalSeconds - 1));
            }

            if (DateTimeOffset.TryParseExact(value, "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
                || DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date))
            {
                var wait = date - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static TimeSpan? RetryAfter(HttpResponseMessage response, DateTimeOffset now)
        {
            var header = response.Headers.RetryAfter;
            if (header == null)
            {
                return null;
            }

            if (header.Delta.HasValue)
            {
                return header.Delta.Value;
            }

            if (header.Date.HasValue)
            {
                var wait = header.Date.Value - now;
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }

            return null;
        }

        private static int? StatusCodeOf(HttpRequestException exception)
        {
#if NET5_0_OR_GREATER
            return exception.StatusCode.HasValue ? (int)exception.StatusCode.Value : (int?)null;
#else
            return StatusCodeProperty?.GetValue(exception) is System.Net.HttpStatusCode code ? (int)code : (int?)null;
#endif
        }

        private sealed class RetryRun
        {
            private readonly DeepSeekRetryOptions options;
            private readonly CancellationToken cancellationToken;
            private readonly Func<DateTimeOffset> clock;
            private readonly DateTimeOffset deadline;
            private int retries;
            private int lastStatus;

            public RetryRun(DeepSeekRetryOptions options, CancellationToken cancellationToken)
            {
                this.options = options;
                this.cancellationToken = cancellationToken;
                clock = options.Clock ?? (() => DateTimeOffset.UtcNow);
                deadline = clock() + options.Deadline;
            }

            public DateTimeOffset Now => clock();

            public TimeSpan? DelayAfter(Exception exception, int retry)
                => Classify(exception, cancellationToken, clock, out var status, out var retryAfter)
                    ? DelayAfter(status, retryAfter, retry, transient: true)
                    : null;

            public TimeSpan? DelayAfter(int status, TimeSpan? retryAfter, int retry)
                => DelayAfter(status, retryAfter, retry, IsRetryableStatus(status));

            public Task WaitAsync(TimeSpan delay)
            {
                // Called here rather than where the delay is chosen: that runs in an exception filter, where a throwing
                // callback would be swallowed and silently turn the retry off.
                options.OnRetry?.Invoke(++retries, delay, lastStatus);
                return options.Delay != null ? options.Delay(delay, cancellationToken) : Task.Delay(delay, cancellationToken);
            }

            private TimeSpan? DelayAfter(int status, TimeSpan? retryAfter, int retry, bool transient)
            {
                if (!transient || retry >= options.MaxRetries || cancellationToken.IsCancellationRequested)
                {
                    return null;
                }

                // The server knows when it will have capacity again: its Retry-After replaces the computed backoff.
                var delay = retryAfter ?? Backoff(retry);
                if (clock() + delay > deadline)
                {
                    return null;
                }

                lastStatus = status;
                return delay;
            }

            private TimeSpan Backoff(int retry)
            {
                var exponential = options.InitialDelay.TotalMilliseconds * Math.Pow(2, Math.Min(retry, 30));
                var random = options.Random != null ? options.Random() : NextShared();
                var jittered = exponential * (1 + (options.Jitter * ((2 * random) - 1)));
                return TimeSpan.FromMilliseconds(Math.Max(0, Math.Min(jittered, options.MaxDelay.TotalMilliseconds)));
            }

            private static double NextShared()
            {
                lock (SharedRandom)
                {
                    return SharedRandom.NextDouble();
                }
            }
        }
    }
}
