using System.ClientModel;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using DeepSeek.Runtime;
using OpenAI;
using OpenAI.Chat;

// A loopback server that answers like DeepSeek's chat-completions endpoint and records what it receives.
var port = FreePort();
using var listener = new HttpListener();
listener.Prefixes.Add($"http://127.0.0.1:{port}/");
listener.Start();
var bodies = new List<JsonElement>();
var server = Task.Run(async () =>
{
    for (var i = 0; i < 2; i++)
    {
        var context = await listener.GetContextAsync();
        using (var reader = new StreamReader(context.Request.InputStream))
        {
            bodies.Add(JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.Clone());
        }

        var reply = Encoding.UTF8.GetBytes("""
            {"id":"c1","object":"chat.completion","created":1,"model":"deepseek-flash",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Hi"},"finish_reason":"stop"}],
             "usage":{"prompt_tokens":10,"completion_tokens":2,"total_tokens":12,"prompt_cache_hit_tokens":4,"prompt_cache_miss_tokens":6}}
            """);
        context.Response.ContentType = "application/json";
        context.Response.ContentLength64 = reply.Length;
        await context.Response.OutputStream.WriteAsync(reply);
        context.Response.Close();
    }
});

DeepSeekUsage? usage = null;
var options = new OpenAIClientOptions { Endpoint = new Uri($"http://127.0.0.1:{port}") }
    .UseDeepSeek(new DeepSeekRequestOptions { Thinking = DeepSeekThinking.Disabled, OnUsage = u => usage = u }); // the one added line
var client = new ChatClient(DeepSeekModels.Flash, new ApiKeyCredential("not-a-real-key"), options);

await client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hello") }, new ChatCompletionOptions { MaxOutputTokenCount = 50 });
await client.CompleteChatAsync(new ChatMessage[] { new UserChatMessage("Hello") });
await server.WaitAsync(TimeSpan.FromSeconds(30));

var failures = new List<string>();
void Expect(bool condition, string what)
{
    if (!condition)
    {
        failures.Add(what);
    }
}

Expect(bodies.Count == 2, "the server saw two requests");
Expect(bodies[0].TryGetProperty("max_tokens", out var limited) && limited.GetInt32() == 50, "MaxOutputTokenCount = 50 reaches DeepSeek as max_tokens: 50");
Expect(bodies[1].TryGetProperty("max_tokens", out var defaulted) && defaulted.GetInt32() == 1024, "a request without a limit carries the default max_tokens");
foreach (var body in bodies)
{
    Expect(!body.TryGetProperty("max_completion_tokens", out _), "no max_completion_tokens (DeepSeek ignores it)");
    Expect(body.TryGetProperty("thinking", out var thinking) && thinking.GetProperty("type").GetString() == "disabled", "thinking.type is disabled");
    Expect(body.GetProperty("model").GetString() == "deepseek-flash", "the model is deepseek-flash");
}

Expect(usage is { CacheHitTokens: 4, CacheMissTokens: 6, OutputTokens: 2 }, "usage with cache hit/miss reached the callback");

foreach (var failure in failures.Distinct())
{
    Console.Error.WriteLine("FAILED: " + failure);
}

Console.WriteLine(failures.Count == 0 ? "runtime consumer: OK" : "runtime consumer: FAILED");
return failures.Count == 0 ? 0 : 1;

static int FreePort()
{
    var probe = new TcpListener(IPAddress.Loopback, 0);
    probe.Start();
    var port = ((IPEndPoint)probe.LocalEndpoint).Port;
    probe.Stop();
    return port;
}
