// Retries as they are often written: each finding below is deliberate (see docs/rules/DSK007.md and DSK008.md).
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace LegacyDeepSeekApp;

internal static class Retries
{
    private static readonly Uri Endpoint = new("https://api.deepseek.com");

    // DSK008: five SDK retries where two are the cap; the fix lowers it to deepseek_analyzers.max_retries.
    public static ChatClient CreateClient(string apiKey) => new(
        "deepseek-flash",
        new ApiKeyCredential(apiKey),
        new OpenAIClientOptions { Endpoint = Endpoint, RetryPolicy = new ClientRetryPolicy(5) });

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

    // DSK008: an application retry around a client that still retries 3 times by itself (3 attempts x 4 = 12 calls).
    public static async Task<string> AskWithRetriesAsync(string apiKey, string question)
    {
        var chat = new ChatClient("deepseek-flash", new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = Endpoint });
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                ChatCompletion completion = await chat.CompleteChatAsync(new UserChatMessage(question));
                return completion.Content[0].Text;
            }
            catch (ClientResultException) when (attempt < 2)
            {
                await Task.Delay(1000 << attempt);
            }
        }

        return string.Empty;
    }
}
