using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The metadata the code under test compiles against: net10.0 reference assemblies plus the real SDK assemblies
    /// (OpenAI, Microsoft.Extensions.AI, Semantic Kernel, Polly, Http.Resilience, Betalgo, Configuration) and, on request,
    /// DeepSeek.Runtime. Built once per test run.
    /// </summary>
    internal static class TestReferences
    {
        private static readonly Lazy<ImmutableArray<MetadataReference>> LazyFramework = new(() =>
            Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>().ToImmutableArray());

        private static readonly Lazy<ImmutableArray<MetadataReference>> LazySdks = new(() => Closure(
            typeof(OpenAI.Chat.ChatClient),
            typeof(System.ClientModel.ApiKeyCredential),
            typeof(Microsoft.Extensions.AI.IChatClient),
            typeof(Microsoft.Extensions.AI.ChatClientBuilder),
            typeof(Microsoft.Extensions.AI.OpenAIClientExtensions),
            typeof(Microsoft.SemanticKernel.Kernel),
            typeof(Microsoft.SemanticKernel.OpenAIKernelBuilderExtensions),
            typeof(Microsoft.SemanticKernel.Connectors.OpenAI.OpenAIPromptExecutionSettings),
            typeof(Polly.Policy),
            typeof(Polly.Retry.RetryStrategyOptions),
            typeof(Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions),
            typeof(Microsoft.Extensions.DependencyInjection.ResilienceHttpClientBuilderExtensions),
            typeof(Betalgo.Ranul.OpenAI.OpenAIOptions),
            typeof(Betalgo.Ranul.OpenAI.Managers.OpenAIService),
            typeof(Betalgo.Ranul.OpenAI.ObjectModels.RequestModels.ChatCompletionCreateRequest),
            typeof(Microsoft.Extensions.Configuration.ConfigurationBuilder),
            typeof(Microsoft.Extensions.Configuration.IConfiguration),
            typeof(Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions)));

        private static readonly Lazy<MetadataReference> LazyRuntime = new(() =>
            MetadataReference.CreateFromFile(typeof(DeepSeek.Runtime.DeepSeekModels).Assembly.Location));

        public static ImmutableArray<MetadataReference> Framework => LazyFramework.Value;

        public static ImmutableArray<MetadataReference> Sdks => LazySdks.Value;

        public static MetadataReference Runtime => LazyRuntime.Value;

        /// <summary>What a test compilation built outside the verifier references: the framework, the SDKs, DeepSeek.Runtime.</summary>
        public static ImmutableArray<MetadataReference> All => Framework.AddRange(Sdks).Add(Runtime);

        /// <summary>The given SDK assemblies and every assembly they reference that is not part of the framework.</summary>
        private static ImmutableArray<MetadataReference> Closure(params Type[] roots)
        {
            var frameworkNames = new HashSet<string>(
                LazyFramework.Value.OfType<PortableExecutableReference>()
                    .Select(r => Path.GetFileNameWithoutExtension(r.FilePath ?? r.Display ?? string.Empty)),
                StringComparer.OrdinalIgnoreCase);
            var baseDirectory = AppContext.BaseDirectory;
            var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            var result = ImmutableArray.CreateBuilder<MetadataReference>();
            var queue = new Queue<Assembly>(roots.Select(t => t.Assembly));
            while (queue.Count > 0)
            {
                var assembly = queue.Dequeue();
                var name = assembly.GetName().Name!;
                if (!seen.Add(name) || frameworkNames.Contains(name))
                {
                    continue;
                }

                result.Add(MetadataReference.CreateFromFile(assembly.Location));
                foreach (var reference in assembly.GetReferencedAssemblies())
                {
                    var referenceName = reference.Name!;
                    if (seen.Contains(referenceName) || frameworkNames.Contains(referenceName)
                        || !File.Exists(Path.Combine(baseDirectory, referenceName + ".dll")))
                    {
                        continue;
                    }

                    queue.Enqueue(Assembly.Load(reference));
                }
            }

            return result.ToImmutable();
        }
    }
}
