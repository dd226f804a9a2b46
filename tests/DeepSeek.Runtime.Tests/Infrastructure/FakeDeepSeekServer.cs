using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepSeek.Runtime.Tests.Infrastructure
{
    /// <summary>One request as the server received it.</summary>
    public sealed class RecordedRequest
    {
        public RecordedRequest(string method, string path, string body, IReadOnlyDictionary<string, string> headers)
        {
            Method = method;
            Path = path;
            Body = body;
            Headers = headers;
        }

        public string Method { get; }

        public string Path { get; }

        public string Body { get; }

        public IReadOnlyDictionary<string, string> Headers { get; }

        public JsonObject Json => (JsonObject)JsonNode.Parse(Body)!;
    }

    /// <summary>
    /// Kestrel on 127.0.0.1 imitating DeepSeek's chat-completions endpoint: it records every request body and answers
    /// with scripted replies (status codes, Retry-After, usage JSON, server-sent events), then with the default reply.
    /// </summary>
    public sealed class FakeDeepSeekServer : IAsyncDisposable
    {
        private readonly WebApplication app;
        private readonly ConcurrentQueue<Func<RecordedRequest, HttpResponse, Task>> script = new ConcurrentQueue<Func<RecordedRequest, HttpResponse, Task>>();
        private readonly ConcurrentQueue<RecordedRequest> requests = new ConcurrentQueue<RecordedRequest>();

        private FakeDeepSeekServer(WebApplication app)
        {
            this.app = app;
            app.Run(HandleAsync);
        }

        /// <summary>The base address, like https://api.deepseek.com: the OpenAI SDK's endpoint.</summary>
        public Uri BaseUri { get; private set; } = null!;

        /// <summary>The raw HttpClient URL.</summary>
        public Uri ChatCompletionsUri => new Uri(BaseUri, "chat/completions");

        public IReadOnlyList<RecordedRequest> Requests => requests.ToArray();

        /// <summary>The chat-completions requests received (every request but the balance reads).</summary>
        public IReadOnlyList<RecordedRequest> ChatRequests => requests.Where(r => !IsBalance(r)).ToArray();

        /// <summary>The <c>GET /user/balance</c> requests received.</summary>
        public IReadOnlyList<RecordedRequest> BalanceRequests => requests.Where(IsBalance).ToArray();

        /// <summary>When set, answers <c>/user/balance</c> (instead of the script), e.g. with <see cref="Replies.Balance"/>.</summary>
        public Func<RecordedRequest, HttpResponse, Task>? BalanceReply { get; set; }

        /// <summary>The reply once the script is used up; a completion with <see cref="Replies.DefaultUsage"/>.</summary>
        public Func<RecordedRequest, HttpResponse, Task> DefaultReply { get; set; } = Replies.Completion();

        public static async Task<FakeDeepSeekServer> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.Logging.ClearProviders();
            builder.WebHost.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
            var server = new FakeDeepSeekServer(builder.Build());
            await server.app.StartAsync();
            var address = server.app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
            server.BaseUri = new Uri(address.TrimEnd('/') + "/");
            return server;
        }

        /// <summary>Waits (up to 10 s) until <paramref name="condition"/> holds, e.g. until a request has arrived.</summary>
        public async Task WaitForAsync(Func<bool> condition)
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!condition())
            {
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException("The fake DeepSeek server did not see what the test waited for.");
                }

                await Task.Delay(5);
            }
        }

        /// <summary>Queues replies for the next requests, in order.</summary>
        public void Enqueue(params Func<RecordedRequest, HttpResponse, Task>[] replies)
        {
            foreach (var reply in replies)
            {
                script.Enqueue(reply);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }

        private static bool IsBalance(RecordedRequest request) => request.Path.EndsWith(DeepSeekCatalog.BalancePath, StringComparison.Ordinal);

        private async Task HandleAsync(HttpContext context)
        {
            string body;
            using (var reader = new StreamReader(context.Request.Body))
            {
                body = await reader.ReadToEndAsync();
            }

            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            var request = new RecordedRequest(context.Request.Method, context.Request.Path.Value ?? string.Empty, body, headers);
            requests.Enqueue(request);
            var balanceReply = BalanceReply;
            var reply = balanceReply != null && IsBalance(request) ? balanceReply
                : script.TryDequeue(out var scripted) ? scripted : DefaultReply;
            await reply(request, context.Response);
        }
    }

    /// <summary>Replies the fake server can give.</summary>
    public static class Replies
    {
        public const string Model = "deepseek-flash";

        /// <summary>1000 cache-hit, 2000 cache-miss, 300 output tokens of which 100 reasoning.</summary>
        public static readonly JsonObject DefaultUsage = Usage(1000, 2000, 300, 100);

        public static JsonObject Usage(long hit, long miss, long completion, long reasoning) => new JsonObject
        {
            ["prompt_tokens"] = hit + miss,
            ["completion_tokens"] = completion,
            ["total_tokens"] = hit + miss + completion,
            ["prompt_tokens_details"] = new JsonObject { ["cached_tokens"] = hit },
            ["completion_tokens_details"] = new JsonObject { ["reasoning_tokens"] = reasoning },
            ["prompt_cache_hit_tokens"] = hit,
            ["prompt_cache_miss_tokens"] = miss,
        };

        public static Func<RecordedRequest, HttpResponse, Task> Completion(JsonObject? usage = null, string content = "Hello!", TimeSpan? delay = null)
            => async (request, response) =>
            {
                if (delay.HasValue)
                {
                    await Task.Delay(delay.Value);
                }

                await WriteJson(response, 200, CompletionJson(content, (JsonObject)(usage ?? DefaultUsage).DeepClone()));
            };

        /// <summary>A completion whose usage is computed from the request by <paramref name="usageFor"/>.</summary>
        public static Func<RecordedRequest, HttpResponse, Task> Completion(Func<RecordedRequest, JsonObject> usageFor)
            => (request, response) => WriteJson(response, 200, CompletionJson("ok", usageFor(request)));

        public static Func<RecordedRequest, HttpResponse, Task> Status(int status, string? retryAfter = null)
            => (request, response) =>
            {
                if (retryAfter != null)
                {
                    response.Headers["Retry-After"] = retryAfter;
                }

                var error = new JsonObject { ["error"] = new JsonObject { ["message"] = "scripted " + status, ["type"] = "scripted", ["code"] = status.ToString() } };
                return WriteJson(response, status, error);
            };

        /// <summary>
        /// Server-sent events: one chunk per piece of <paramref name="pieces"/>, then a usage chunk with empty choices, then
        /// [DONE]. After the first chunk it waits (up to 5 s) for <paramref name="afterFirstChunk"/>, so a client that
        /// buffers the whole stream before handing out the first chunk is caught.
        /// </summary>
        public static Func<RecordedRequest, HttpResponse, Task> Stream(
            IReadOnlyList<string> pieces,
            JsonObject? usage = null,
            Task? afterFirstChunk = null,
            Action<bool>? firstChunkSeenInTime = null)
            => async (request, response) =>
            {
                response.StatusCode = 200;
                response.ContentType = "text/event-stream";
                for (var i = 0; i < pieces.Count; i++)
                {
                    var chunk = Chunk(new JsonArray(new JsonObject
                    {
                        ["index"] = 0,
                        ["delta"] = new JsonObject { ["role"] = "assistant", ["content"] = pieces[i] },
                        ["finish_reason"] = i == pieces.Count - 1 ? "stop" : null,
                    }));
                    chunk["usage"] = null;
                    await WriteEvent(response, chunk.ToJsonString());
                    if (i == 0 && afterFirstChunk != null)
                    {
                        var finished = await Task.WhenAny(afterFirstChunk, Task.Delay(TimeSpan.FromSeconds(5)));
                        firstChunkSeenInTime?.Invoke(finished == afterFirstChunk);
                    }
                }

                var last = Chunk(new JsonArray());
                last["usage"] = (JsonObject)(usage ?? DefaultUsage).DeepClone();
                await WriteEvent(response, last.ToJsonString());
                await WriteEvent(response, "[DONE]");
            };

        /// <summary>A <c>/user/balance</c> answer with one currency's amounts as DeepSeek writes them (strings).</summary>
        public static Func<RecordedRequest, HttpResponse, Task> Balance(
            bool isAvailable, string currency, string total, string granted, string toppedUp, TimeSpan? delay = null, Task? release = null)
            => async (request, response) =>
            {
                if (delay.HasValue)
                {
                    await Task.Delay(delay.Value);
                }

                if (release != null)
                {
                    await release.WaitAsync(TimeSpan.FromSeconds(10));
                }

                await WriteJson(response, 200, new JsonObject
                {
                    ["is_available"] = isAvailable,
                    ["balance_infos"] = new JsonArray(new JsonObject
                    {
                        ["currency"] = currency,
                        ["total_balance"] = total,
                        ["granted_balance"] = granted,
                        ["topped_up_balance"] = toppedUp,
                    }),
                });
            };

        public static JsonObject CompletionJson(string content, JsonObject usage) => new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion",
            ["created"] = 1_780_000_000,
            ["model"] = Model,
            ["choices"] = new JsonArray(new JsonObject
            {
                ["index"] = 0,
                ["message"] = new JsonObject { ["role"] = "assistant", ["content"] = content },
                ["finish_reason"] = "stop",
            }),
            ["usage"] = usage,
        };

        private static JsonObject Chunk(JsonArray choices) => new JsonObject
        {
            ["id"] = "chatcmpl-test",
            ["object"] = "chat.completion.chunk",
            ["created"] = 1_780_000_000,
            ["model"] = Model,
            ["choices"] = choices,
        };

        private static async Task WriteEvent(HttpResponse response, string data)
        {
            await response.WriteAsync("data: " + data + "\n\n");
            await response.Body.FlushAsync();
        }

        private static Task WriteJson(HttpResponse response, int status, JsonObject body)
        {
            response.StatusCode = status;
            response.ContentType = "application/json";
            return response.WriteAsync(body.ToJsonString());
        }
    }
}
