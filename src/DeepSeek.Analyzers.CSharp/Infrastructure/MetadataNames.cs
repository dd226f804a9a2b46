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
    }
}
