using System.ClientModel;
using OpenAI;
using OpenAI.Chat;

namespace LegacyDeepSeekApp;

/// <summary>A support bot whose system prompt was "made smarter" with the current time and a request id.</summary>
internal sealed class SupportBot
{
    private const string Policy = "You are Contoso's support assistant. Answer in two sentences at most. Never promise refunds.";

    private readonly ChatClient _chat;

    public SupportBot(string model, string apiKey)
        => _chat = new ChatClient(model, new ApiKeyCredential(apiKey), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });

    public async Task<string> AnswerAsync(string question)
    {
        // DSK012 (twice): the clock and a fresh GUID in the system prompt make every request a full cache miss.
        // DSK006: no max_tokens (here and below); the fix sets it with ChatCompletionOptions.Patch.
        var messages = new List<ChatMessage>
        {
            new SystemChatMessage($"{Policy} Current time: {DateTime.UtcNow:O}. Request id: {Guid.NewGuid()}."),
            new UserChatMessage(question),
        };
        ChatCompletion completion = await _chat.CompleteChatAsync(messages);
        return completion.Content[0].Text;
    }

    public async Task<string> AnswerCachedAsync(string question)
    {
        // Not reported by DSK012: the system prompt changes once a day at most, and the time goes in the last user message.
        var messages = new List<ChatMessage>
        {
            new SystemChatMessage($"{Policy} Today is {DateTime.UtcNow:yyyy-MM-dd}."),
            new UserChatMessage($"Current time: {DateTime.UtcNow:O}\n\n{question}"),
        };
        ChatCompletion completion = await _chat.CompleteChatAsync(messages);
        return completion.Content[0].Text;
    }
}
