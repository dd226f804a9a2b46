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
        private readonly object?[] _slots = new object?[21];

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

        private INamedTypeSymbol? Get(int slot, string metadataName)
        {
            var value = Volatile.Read(ref _slots[slot]);
            if (value == null)
            {
                // A race looks the same name up twice and stores the same symbol: harmless.
                value = (object?)_compilation.GetTypeByMetadataName(metadataName) ?? Missing;
                Volatile.Write(ref _slots[slot], value);
            }

            return value as INamedTypeSymbol;
        }
    }
}
