// LegacyDeepSeekApp: DeepSeek code as it was written in 2025, before V4. Every finding below is
// deliberate; `dotnet build samples/LegacyDeepSeekApp` lists them, and each rule's docs page explains the fix.
using System.ClientModel;
using System.Net.Http.Json;
using LegacyDeepSeekApp;
using OpenAI;
using OpenAI.Chat;

var apiKey = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY");
if (string.IsNullOrEmpty(apiKey))
{
    Console.WriteLine("Set DEEPSEEK_API_KEY to run this sample against the API; building it shows the findings.");
    return;
}

// DSK001: a key pasted into source "just for a quick test" (fake random hex, not a credential).
// The fix reads it from configuration or DEEPSEEK_API_KEY instead.
var debugClient = new OpenAIClient(
    new ApiKeyCredential("sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c"),
    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

// DSK010: the SDK appends /chat/completions itself; this endpoint would call it twice (404).
var client = new OpenAIClient(
    new ApiKeyCredential(apiKey),
    new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com/chat/completions") });

// DSK002: the retired alias; Flash without thinking is what it used to mean.
// DSK006: no max_tokens, so nothing bounds the reply (or its thinking); the fix sends one through ChatCompletionOptions.
ChatClient chat = client.GetChatClient("deepseek-chat");
ChatCompletion answer = await chat.CompleteChatAsync(new UserChatMessage("Say hello in one word."));
Console.WriteLine(answer.Content[0].Text);

// DSK002 (JSON body): a raw HttpClient call to the reasoning alias; DSK006: the body has no max_tokens member.
using var http = new HttpClient { BaseAddress = new Uri("https://api.deepseek.com/") };
http.DefaultRequestHeaders.Authorization = new("Bearer", apiKey);
var body = new
{
    model = "deepseek-reasoner",
    messages = new[] { new { role = "user", content = "What is 17 * 23?" } },
};
using var response = await http.PostAsJsonAsync("chat/completions", body);
Console.WriteLine(await response.Content.ReadAsStringAsync());

// DSK003: marketing names and typos are not API model ids; DSK004: Pro is outside the default allowlist.
ChatClient legacy = client.GetChatClient("deepseek-r1");
ChatClient hard = client.GetChatClient("deepseek-v4-pro");
Console.WriteLine($"{legacy.GetType().Name} {hard.GetType().Name}");

// DSK011: the V4 launch guides' model name still answers, but only until DeepSeek closes the compatibility route.
ChatClient launch = client.GetChatClient("deepseek-v4-flash");
ChatClient vision = client.GetChatClient(Models.Vision);
Console.WriteLine($"{launch.GetType().Name} {vision.GetType().Name}");

Console.WriteLine($"Estimated cost of 1M output tokens: {Pricing.OutputCost(Models.Default, 1_000_000):C}");
Console.WriteLine($"Estimated cost of 1M input tokens, half from the cache: {Pricing.InputCost(500_000, 500_000):C}");
