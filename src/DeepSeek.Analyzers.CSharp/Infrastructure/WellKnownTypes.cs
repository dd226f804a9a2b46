using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>SDK types the rules recognise, resolved once per compilation. A null member means the SDK is not referenced.</summary>
    internal sealed class WellKnownTypes
    {
        public WellKnownTypes(Compilation compilation)
        {
            OpenAIClient = compilation.GetTypeByMetadataName("OpenAI.OpenAIClient");
            OpenAIClientOptions = compilation.GetTypeByMetadataName("OpenAI.OpenAIClientOptions");
            ChatClient = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatClient");
            ChatCompletionOptions = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatCompletionOptions");
            ApiKeyCredential = compilation.GetTypeByMetadataName("System.ClientModel.ApiKeyCredential");
            ClientRetryPolicy = compilation.GetTypeByMetadataName("System.ClientModel.Primitives.ClientRetryPolicy");
            MeaiChatClient = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.IChatClient");
            MeaiChatOptions = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatOptions");
            SkOpenAIPromptExecutionSettings = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings");
            SkOpenAIChatCompletionService = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIChatCompletionService");
            BetalgoOpenAIOptions = compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.OpenAIOptions");
            BetalgoChatCompletionCreateRequest = compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest");
            HttpClient = compilation.GetTypeByMetadataName("System.Net.Http.HttpClient");
            AuthenticationHeaderValue = compilation.GetTypeByMetadataName("System.Net.Http.Headers.AuthenticationHeaderValue");
            HttpHeaders = compilation.GetTypeByMetadataName("System.Net.Http.Headers.HttpHeaders");
            Environment = compilation.GetTypeByMetadataName("System.Environment");
            JsonObject = compilation.GetTypeByMetadataName("System.Text.Json.Nodes.JsonObject");
            Configuration = compilation.GetTypeByMetadataName("Microsoft.Extensions.Configuration.IConfiguration");
            RuntimeModels = compilation.GetTypeByMetadataName("DeepSeek.Runtime.DeepSeekModels");
            RuntimeApiKey = compilation.GetTypeByMetadataName("DeepSeek.Runtime.DeepSeekApiKey");
            RuntimePricing = compilation.GetTypeByMetadataName("DeepSeek.Runtime.DeepSeekPricing");

            // ---- DSK012: prompt messages and per-call values -----------------------------------------------
            OpenAISystemChatMessage = compilation.GetTypeByMetadataName("OpenAI.Chat.SystemChatMessage");
            OpenAIDeveloperChatMessage = compilation.GetTypeByMetadataName("OpenAI.Chat.DeveloperChatMessage");
            OpenAIChatMessage = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatMessage");
            OpenAIChatMessageContentPart = compilation.GetTypeByMetadataName("OpenAI.Chat.ChatMessageContentPart");
            MeaiChatMessage = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatMessage");
            MeaiChatRole = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.ChatRole");
            MeaiTextContent = compilation.GetTypeByMetadataName("Microsoft.Extensions.AI.TextContent");
            SkChatHistory = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.ChatCompletion.ChatHistory");
            SkAuthorRole = compilation.GetTypeByMetadataName("Microsoft.SemanticKernel.ChatCompletion.AuthorRole");
            BetalgoChatMessage = compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatMessage");
            BetalgoChatCompletionRole = compilation.GetTypeByMetadataName("Betalgo.Ranul.OpenAI.Contracts.Enums.ChatCompletionRole");
            Dictionary = compilation.GetTypeByMetadataName("System.Collections.Generic.Dictionary`2");
            StringBuilder = compilation.GetTypeByMetadataName("System.Text.StringBuilder");
            DateTime = compilation.GetTypeByMetadataName("System.DateTime");
            DateTimeOffset = compilation.GetTypeByMetadataName("System.DateTimeOffset");
            DateOnly = compilation.GetTypeByMetadataName("System.DateOnly");
            TimeProvider = compilation.GetTypeByMetadataName("System.TimeProvider");
            Guid = compilation.GetTypeByMetadataName("System.Guid");
            Random = compilation.GetTypeByMetadataName("System.Random");
            Stopwatch = compilation.GetTypeByMetadataName("System.Diagnostics.Stopwatch");
            // ---- Retry APIs (DSK007/DSK008) ----
            PollyPolicyBuilder = compilation.GetTypeByMetadataName("Polly.PolicyBuilder");
            PollyPolicyBuilderOfT = compilation.GetTypeByMetadataName("Polly.PolicyBuilder`1");
            PollyRetryStrategyOptions = compilation.GetTypeByMetadataName("Polly.Retry.RetryStrategyOptions`1");
            PollyDelayBackoffType = compilation.GetTypeByMetadataName("Polly.DelayBackoffType");
            HttpClientBuilder = compilation.GetTypeByMetadataName("Microsoft.Extensions.DependencyInjection.IHttpClientBuilder");
            RuntimeRetry = compilation.GetTypeByMetadataName("DeepSeek.Runtime.DeepSeekRetry");
        }

        public INamedTypeSymbol? OpenAIClient { get; }

        public INamedTypeSymbol? OpenAIClientOptions { get; }

        public INamedTypeSymbol? ChatClient { get; }

        public INamedTypeSymbol? ChatCompletionOptions { get; }

        public INamedTypeSymbol? ApiKeyCredential { get; }

        public INamedTypeSymbol? ClientRetryPolicy { get; }

        public INamedTypeSymbol? MeaiChatClient { get; }

        public INamedTypeSymbol? MeaiChatOptions { get; }

        public INamedTypeSymbol? SkOpenAIPromptExecutionSettings { get; }

        public INamedTypeSymbol? SkOpenAIChatCompletionService { get; }

        public INamedTypeSymbol? BetalgoOpenAIOptions { get; }

        public INamedTypeSymbol? BetalgoChatCompletionCreateRequest { get; }

        public INamedTypeSymbol? HttpClient { get; }

        public INamedTypeSymbol? AuthenticationHeaderValue { get; }

        public INamedTypeSymbol? HttpHeaders { get; }

        public INamedTypeSymbol? Environment { get; }

        public INamedTypeSymbol? JsonObject { get; }

        public INamedTypeSymbol? Configuration { get; }

        /// <summary><c>DeepSeek.Runtime.DeepSeekModels</c>: present when the project references DeepSeek.Runtime.</summary>
        public INamedTypeSymbol? RuntimeModels { get; }

        public INamedTypeSymbol? RuntimeApiKey { get; }

        public INamedTypeSymbol? RuntimePricing { get; }

        public bool ReferencesRuntime => RuntimeModels != null;

        // ---- DSK012: prompt messages and per-call values ---------------------------------------------------

        public INamedTypeSymbol? OpenAISystemChatMessage { get; }

        public INamedTypeSymbol? OpenAIDeveloperChatMessage { get; }

        public INamedTypeSymbol? OpenAIChatMessage { get; }

        public INamedTypeSymbol? OpenAIChatMessageContentPart { get; }

        public INamedTypeSymbol? MeaiChatMessage { get; }

        public INamedTypeSymbol? MeaiChatRole { get; }

        public INamedTypeSymbol? MeaiTextContent { get; }

        public INamedTypeSymbol? SkChatHistory { get; }

        public INamedTypeSymbol? SkAuthorRole { get; }

        public INamedTypeSymbol? BetalgoChatMessage { get; }

        public INamedTypeSymbol? BetalgoChatCompletionRole { get; }

        public INamedTypeSymbol? Dictionary { get; }

        public INamedTypeSymbol? StringBuilder { get; }

        public INamedTypeSymbol? DateTime { get; }

        public INamedTypeSymbol? DateTimeOffset { get; }

        public INamedTypeSymbol? DateOnly { get; }

        public INamedTypeSymbol? TimeProvider { get; }

        public INamedTypeSymbol? Guid { get; }

        public INamedTypeSymbol? Random { get; }

        public INamedTypeSymbol? Stopwatch { get; }

        /// <summary>True when an SDK chat-message type is referenced (raw JSON bodies need none).</summary>
        public bool ReferencesChatMessages
            => OpenAIChatMessage != null || MeaiChatMessage != null || SkChatHistory != null || BetalgoChatMessage != null;
        // ---- Retry APIs (DSK007/DSK008) ----

        /// <summary><c>Polly.PolicyBuilder</c>: the receiver of Polly v7's <c>Retry</c>/<c>WaitAndRetry</c>/<c>…Forever</c> extensions.</summary>
        public INamedTypeSymbol? PollyPolicyBuilder { get; }

        public INamedTypeSymbol? PollyPolicyBuilderOfT { get; }

        /// <summary><c>Polly.Retry.RetryStrategyOptions&lt;T&gt;</c>: base of v8 <c>RetryStrategyOptions</c> and Http.Resilience <c>HttpRetryStrategyOptions</c>.</summary>
        public INamedTypeSymbol? PollyRetryStrategyOptions { get; }

        public INamedTypeSymbol? PollyDelayBackoffType { get; }

        public INamedTypeSymbol? HttpClientBuilder { get; }

        public INamedTypeSymbol? RuntimeRetry { get; }

        /// <summary>Polly (v7 or v8), Http.Resilience or System.ClientModel: the libraries whose retry APIs DSK007/DSK008 read.</summary>
        public bool ReferencesRetryLibrary => PollyPolicyBuilder != null || PollyRetryStrategyOptions != null || ClientRetryPolicy != null;
    }
}
