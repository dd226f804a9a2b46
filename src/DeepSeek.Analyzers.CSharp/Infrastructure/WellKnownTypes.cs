using System.Threading;
using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// SDK types the rules recognise, looked up by metadata name the first time a rule asks and cached for the compilation.
    /// A null member means the SDK is not referenced.
    /// </summary>
    internal sealed class WellKnownTypes
    {
        // A slot holds the type, Missing once a lookup found nothing, or null before the first lookup.
        private static readonly object Missing = new object();

        private readonly Compilation _compilation;
        private readonly object?[] _slots = new object?[47];

        public WellKnownTypes(Compilation compilation)
        {
            _compilation = compilation;
        }

        public INamedTypeSymbol? OpenAIClient => Get(0, MetadataNames.OpenAIClient);

        public INamedTypeSymbol? OpenAIClientOptions => Get(1, MetadataNames.OpenAIClientOptions);

        public INamedTypeSymbol? ChatClient => Get(2, MetadataNames.ChatClient);

        public INamedTypeSymbol? ChatCompletionOptions => Get(3, MetadataNames.ChatCompletionOptions);

        public INamedTypeSymbol? ApiKeyCredential => Get(4, MetadataNames.ApiKeyCredential);

        public INamedTypeSymbol? ClientRetryPolicy => Get(5, MetadataNames.ClientRetryPolicy);

        public INamedTypeSymbol? MeaiChatClient => Get(6, MetadataNames.MeaiChatClient);

        public INamedTypeSymbol? MeaiChatOptions => Get(7, MetadataNames.MeaiChatOptions);

        public INamedTypeSymbol? SkOpenAIPromptExecutionSettings => Get(8, MetadataNames.SkOpenAIPromptExecutionSettings);

        public INamedTypeSymbol? SkOpenAIChatCompletionService => Get(9, MetadataNames.SkOpenAIChatCompletionService);

        public INamedTypeSymbol? BetalgoOpenAIOptions => Get(10, MetadataNames.BetalgoOpenAIOptions);

        public INamedTypeSymbol? BetalgoChatCompletionCreateRequest => Get(11, MetadataNames.BetalgoChatCompletionCreateRequest);

        public INamedTypeSymbol? HttpClient => Get(12, MetadataNames.HttpClient);

        public INamedTypeSymbol? AuthenticationHeaderValue => Get(13, MetadataNames.AuthenticationHeaderValue);

        public INamedTypeSymbol? HttpHeaders => Get(14, MetadataNames.HttpHeaders);

        public INamedTypeSymbol? Environment => Get(15, MetadataNames.Environment);

        public INamedTypeSymbol? JsonObject => Get(16, MetadataNames.JsonObject);

        public INamedTypeSymbol? Configuration => Get(17, MetadataNames.Configuration);

        /// <summary><c>DeepSeek.Runtime.DeepSeekModels</c>: present when the project references DeepSeek.Runtime.</summary>
        public INamedTypeSymbol? RuntimeModels => Get(18, MetadataNames.RuntimeModels);

        public INamedTypeSymbol? RuntimeApiKey => Get(19, MetadataNames.RuntimeApiKey);

        public INamedTypeSymbol? RuntimePricing => Get(20, MetadataNames.RuntimePricing);

        public bool ReferencesRuntime => RuntimeModels != null;

        // ---- DSK012: prompt messages and per-call values ----
        public INamedTypeSymbol? OpenAISystemChatMessage => Get(21, MetadataNames.OpenAISystemChatMessage);

        public INamedTypeSymbol? OpenAIDeveloperChatMessage => Get(22, MetadataNames.OpenAIDeveloperChatMessage);

        public INamedTypeSymbol? OpenAIChatMessage => Get(23, MetadataNames.OpenAIChatMessage);

        public INamedTypeSymbol? OpenAIChatMessageContentPart => Get(24, MetadataNames.OpenAIChatMessageContentPart);

        public INamedTypeSymbol? MeaiChatMessage => Get(25, MetadataNames.MeaiChatMessage);

        public INamedTypeSymbol? MeaiChatRole => Get(26, MetadataNames.MeaiChatRole);

        public INamedTypeSymbol? MeaiTextContent => Get(27, MetadataNames.MeaiTextContent);

        public INamedTypeSymbol? SkChatHistory => Get(28, MetadataNames.SkChatHistory);

        public INamedTypeSymbol? SkAuthorRole => Get(29, MetadataNames.SkAuthorRole);

        public INamedTypeSymbol? BetalgoChatMessage => Get(30, MetadataNames.BetalgoChatMessage);

        public INamedTypeSymbol? BetalgoChatCompletionRole => Get(31, MetadataNames.BetalgoChatCompletionRole);

        public INamedTypeSymbol? Dictionary => Get(32, MetadataNames.Dictionary);

        public INamedTypeSymbol? StringBuilder => Get(33, MetadataNames.StringBuilder);

        public INamedTypeSymbol? DateTime => Get(34, MetadataNames.DateTime);

        public INamedTypeSymbol? DateTimeOffset => Get(35, MetadataNames.DateTimeOffset);

        public INamedTypeSymbol? DateOnly => Get(36, MetadataNames.DateOnly);

        public INamedTypeSymbol? TimeProvider => Get(37, MetadataNames.TimeProvider);

        public INamedTypeSymbol? Guid => Get(38, MetadataNames.Guid);

        public INamedTypeSymbol? Random => Get(39, MetadataNames.Random);

        public INamedTypeSymbol? Stopwatch => Get(40, MetadataNames.Stopwatch);

        // ---- Retry APIs (DSK007/DSK008) ----
        /// <summary><c>Polly.PolicyBuilder</c>: the receiver of Polly v7's <c>Retry</c>/<c>WaitAndRetry</c>/<c>…Forever</c> extensions.</summary>
        public INamedTypeSymbol? PollyPolicyBuilder => Get(41, MetadataNames.PollyPolicyBuilder);

        public INamedTypeSymbol? PollyPolicyBuilderOfT => Get(42, MetadataNames.PollyPolicyBuilderOfT);

        /// <summary><c>Polly.Retry.RetryStrategyOptions&lt;T&gt;</c>: base of v8 <c>RetryStrategyOptions</c> and Http.Resilience <c>HttpRetryStrategyOptions</c>.</summary>
        public INamedTypeSymbol? PollyRetryStrategyOptions => Get(43, MetadataNames.PollyRetryStrategyOptions);

        public INamedTypeSymbol? PollyDelayBackoffType => Get(44, MetadataNames.PollyDelayBackoffType);

        public INamedTypeSymbol? HttpClientBuilder => Get(45, MetadataNames.HttpClientBuilder);

        public INamedTypeSymbol? RuntimeRetry => Get(46, MetadataNames.RuntimeRetry);

        /// <summary>True when an SDK chat-message type is referenced (raw JSON bodies need none).</summary>
        public bool ReferencesChatMessages
            => OpenAIChatMessage != null || MeaiChatMessage != null || SkChatHistory != null || BetalgoChatMessage != null;

        /// <summary>Polly (v7 or v8), Http.Resilience or System.ClientModel: the libraries whose retry APIs DSK007/DSK008 read.</summary>
        public bool ReferencesRetryLibrary => PollyPolicyBuilder != null || PollyRetryStrategyOptions != null || ClientRetryPolicy != null;

        private INamedTypeSymbol? Get(int slot, string metadataName)
        {
            var value = Volatile.Read(ref _slots[slot]);
            if (value == null)
            {
                // A race looks the same name up twice and stores the same symbol: harmless.
                value = (object?)TypeLookup.Find(_compilation, metadataName) ?? Missing;
                Volatile.Write(ref _slots[slot], value);
            }

            return value as INamedTypeSymbol;
        }
    }
}
