using System;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>The DeepSeek API endpoint, from the shared catalog.</summary>
    public static class DeepSeekEndpoints
    {
        /// <summary>
        /// The OpenAI-compatible base URL, <c>https://api.deepseek.com</c>: use it as the OpenAI SDK's endpoint
        /// (the SDK appends <c>/chat/completions</c> itself).
        /// </summary>
        public const string BaseUrl = DeepSeekCatalog.BaseUrl;

        /// <summary>The chat-completions URL, for a raw <c>HttpClient</c> POST (never an SDK endpoint).</summary>
        public const string ChatCompletionsUrl = DeepSeekCatalog.BaseUrl + DeepSeekCatalog.ChatCompletionsPath;

        /// <summary>The account balance URL (<c>GET</c>), read by <see cref="DeepSeekBalanceClient"/>.</summary>
        public const string BalanceUrl = DeepSeekCatalog.BaseUrl + DeepSeekCatalog.BalancePath;

        /// <summary><see cref="BaseUrl"/> as a <see cref="Uri"/>, e.g. for <c>OpenAIClientOptions.Endpoint</c>.</summary>
        public static readonly Uri BaseUri = new Uri(BaseUrl);

        /// <summary><see cref="ChatCompletionsUrl"/> as a <see cref="Uri"/>.</summary>
        public static readonly Uri ChatCompletionsUri = new Uri(ChatCompletionsUrl);
    }
}
