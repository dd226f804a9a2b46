using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The Semantic Kernel types DSK006 reads to find chat calls and their execution settings, looked up once per compilation
    /// (kept apart from <see cref="WellKnownTypes"/>, whose slots other rules share).
    /// </summary>
    internal sealed class SemanticKernelTypes
    {
        public const string KernelName = "Microsoft.SemanticKernel.Kernel";
        public const string KernelArgumentsName = "Microsoft.SemanticKernel.KernelArguments";
        public const string PromptExecutionSettingsName = "Microsoft.SemanticKernel.PromptExecutionSettings";
        public const string ChatCompletionServiceName = "Microsoft.SemanticKernel.ChatCompletion.IChatCompletionService";

        private SemanticKernelTypes(INamedTypeSymbol kernel, INamedTypeSymbol? arguments, INamedTypeSymbol settings, INamedTypeSymbol? service)
        {
            Kernel = kernel;
            KernelArguments = arguments;
            PromptExecutionSettings = settings;
            ChatCompletionService = service;
        }

        public INamedTypeSymbol Kernel { get; }

        public INamedTypeSymbol? KernelArguments { get; }

        public INamedTypeSymbol PromptExecutionSettings { get; }

        public INamedTypeSymbol? ChatCompletionService { get; }

        /// <summary>Null unless Semantic Kernel and its OpenAI connector are referenced (only that connector is read).</summary>
        public static SemanticKernelTypes? Create(Compilation compilation, WellKnownTypes types)
        {
            if (types.SkOpenAIPromptExecutionSettings == null)
            {
                return null;
            }

            var kernel = TypeLookup.Find(compilation, KernelName);
            var settings = TypeLookup.Find(compilation, PromptExecutionSettingsName);
            return kernel == null || settings == null
                ? null
                : new SemanticKernelTypes(
                    kernel,
                    TypeLookup.Find(compilation, KernelArgumentsName),
                    settings,
                    TypeLookup.Find(compilation, ChatCompletionServiceName));
        }

        public bool IsChatCompletionService(ITypeSymbol? type) => TypeSymbols.IsOrImplements(type, ChatCompletionService);
    }
}
