// Retries as they are often written: the findings below are deliberate (see docs/rules/DSK007.md, DSK006.md for the call
// without max_tokens; DSK008.md shows the retries above the cap, without backoff or stacked on the SDK's own that DSK008
// reports).
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace LegacyDeepSeekApp;

internal static class Retries
{
    private static readonly Uri Endpoint = new("https://api.deepseek.com");

    // The SDK's own retries are off: the application retries below (two layers would multiply the calls, DSK008).
    public static ChatClient CreateClient(string apiKey) => new(
        "deepseek-flash",
        new ApiKeyCredential(apiKey),
        new OpenAIClientOptions { Endpoint = Endpoint, RetryPolicy = new ClientRetryPolicy(0) });

    // DSK007: retries for ever, paying for every attempt; the fix bounds it with an attempt counter.
    public static async Task<ChatCompletion> AskUntilItWorksAsync(string apiKey, string question)
    {
        var chat = CreateClient(apiKey);
        while (true)
        {
            try
            {
                return await chat.CompleteChatAsync(new UserChatMessage(question));
            }
            catch (ClientResultException ex)
            {
                Console.WriteLine($"Retrying after {ex.Status}");
                await Task.Delay(1000);
            }
        }
    }
}
