namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Metadata names of the SDK types the rules and fixes recognise, spelt once (the fixes assembly sees them too).
    /// Named as <see cref="WellKnownTypes"/> names its properties.
    /// </summary>
    internal static class MetadataNames
    {
        public const string OpenAIClient = "OpenAI.OpenAIClient";

        public const string OpenAIClientOptions = "OpenAI.OpenAIClientOptions";

        public const string ChatClient = "OpenAI.Chat.ChatClient";

        public const string ChatCompletionOptions = "OpenAI.Chat.ChatCompletionOptions";

        public const string ApiKeyCredential = "System.ClientModel.ApiKeyCredential";

        public const string ClientRetryPolicy = "System.ClientModel.Primitives.ClientRetryPolicy";

        public const string MeaiChatClient = "Microsoft.Extensions.AI.IChatClient";

        public const string MeaiChatOptions = "Microsoft.Extensions.AI.ChatOptions";

        public const string SkOpenAIPromptExecutionSettings = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings";

        public const string SkOpenAIChatCompletionService = "Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService";

        public const string BetalgoOpenAIOptions = "Betalgo.Ranul.OpenAI.OpenAIOptions";

        public const string BetalgoChatCompletionCreateRequest = "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest";

        public const string HttpClient = "System.Net.Http.HttpClient";

        public const string AuthenticationHeaderValue = "System.Net.Http.Headers.AuthenticationHeaderValue";

        public const string HttpHeaders = "System.Net.Http.Headers.HttpHeaders";

        public const string Environment = "System.Environment";

        public const string JsonObject = "System.Text.Json.Nodes.JsonObject";

        public const string Configuration = "Microsoft.Extensions.Configuration.IConfiguration";

        public const string RuntimeModels = "DeepSeek.Runtime.DeepSeekModels";

        public const string RuntimeApiKey = "DeepSeek.Runtime.DeepSeekApiKey";

        public const string RuntimePricing = "DeepSeek.Runtime.DeepSeekPricing";

        public const string IConfigurationSection = "Microsoft.Extensions.Configuration.IConfigurationSection";

        // ---- DSK012: prompt messages and per-call values ----

        public const string OpenAISystemChatMessage = "OpenAI.Chat.SystemChatMessage";

        public const string OpenAIDeveloperChatMessage = "OpenAI.Chat.DeveloperChatMessage";

        public const string OpenAIChatMessage = "OpenAI.Chat.ChatMessage";

        public const string OpenAIChatMessageContentPart = "OpenAI.Chat.ChatMessageContentPart";

        public const string MeaiChatMessage = "Microsoft.Extensions.AI.ChatMessage";

        public const string MeaiChatRole = "Microsoft.Extensions.AI.ChatRole";

        public const string MeaiTextContent = "Microsoft.Extensions.AI.TextContent";

        public const string SkChatHistory = "Microsoft.SemanticKernel.ChatCompletion.ChatHistory";

        public const string SkAuthorRole = "Microsoft.SemanticKernel.ChatCompletion.AuthorRole";

        public const string BetalgoChatMessage = "Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatMessage";

        public const string BetalgoChatCompletionRole = "Betalgo.Ranul.OpenAI.Contracts.Enums.ChatCompletionRole";

        public const string Dictionary = "System.Collections.Generic.Dictionary`2";

        public const string StringBuilder = "System.Text.StringBuilder";

        public const string DateTime = "System.DateTime";

        public const string DateTimeOffset = "System.DateTimeOffset";

        public const string DateOnly = "System.DateOnly";

        public const string TimeProvider = "System.TimeProvider";

        public const string Guid = "System.Guid";

        public const string Random = "System.Random";

        public const string Stopwatch = "System.Diagnostics.Stopwatch";

        // ---- Retry APIs (DSK007/DSK008) ----

        public const string PollyPolicyBuilder = "Polly.PolicyBuilder";

        public const string PollyPolicyBuilderOfT = "Polly.PolicyBuilder`1";

        public const string PollyRetryStrategyOptions = "Polly.Retry.RetryStrategyOptions`1";

        public const string PollyDelayBackoffType = "Polly.DelayBackoffType";

        public const string HttpClientBuilder = "Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";

        public const string RuntimeRetry = "DeepSeek.Runtime.DeepSeekRetry";
    }
}
