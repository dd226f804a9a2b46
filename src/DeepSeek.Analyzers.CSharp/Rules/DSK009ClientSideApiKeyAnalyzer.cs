using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK009: a DeepSeek-bound client created, or a DeepSeek key handed over, in a project that ships to users' devices —
    /// Blazor WebAssembly (<c>build_property.UsingMicrosoftNETSdkBlazorWebAssembly</c>) or an android, ios, maccatalyst or
    /// tizen target (<c>build_property.TargetPlatformIdentifier</c>). Whatever the app holds, its users can read: the key
    /// belongs on a backend. Reported once per client, at its creation (at the key sink when the client is created
    /// elsewhere). Other projects register no action at all.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK009ClientSideApiKeyAnalyzer : DeepSeekAnalyzer
    {
        private static readonly string[] DevicePlatforms = { "android", "ios", "maccatalyst", "tizen" };

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK009_ClientSideApiKey);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var platform = ClientSidePlatform(context.Options.AnalyzerConfigOptionsProvider.GlobalOptions);
            if (platform == null)
            {
                return;
            }

            // One diagnostic per client: a creation can be both a client and the sink of its own key.
            var reported = new ConcurrentDictionary<Location, bool>();
            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file => file.RegisterOperationAction(
                c => Analyze(c, deepSeek, platform, reported),
                OperationKind.ObjectCreation,
                OperationKind.Invocation,
                OperationKind.SimpleAssignment));
        }

        /// <summary>"Blazor WebAssembly" or the device platform, or null for a project that runs on servers and desktops.</summary>
        internal static string? ClientSidePlatform(AnalyzerConfigOptions options)
        {
            if (options.TryGetValue("build_property.UsingMicrosoftNETSdkBlazorWebAssembly", out var blazor)
                && string.Equals(blazor?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
            {
                return "Blazor WebAssembly";
            }

            if (options.TryGetValue("build_property.TargetPlatformIdentifier", out var identifier) && identifier != null)
            {
                foreach (var platform in DevicePlatforms)
                {
                    if (string.Equals(identifier.Trim(), platform, StringComparison.OrdinalIgnoreCase))
                    {
                        return platform;
                    }
                }
            }

            return null;
        }

        private static void Analyze(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            string platform,
            ConcurrentDictionary<Location, bool> reported)
        {
            var operation = context.Operation;
            var options = deepSeek.Options.Get(operation.Syntax.SyntaxTree);
            IOperation? client = null;
            if (operation is IObjectCreationOperation creation && IsClientType(creation.Type, deepSeek)
                && IsDeepSeekBound(creation, deepSeek, options, context))
            {
                client = creation;
            }
            else if (ApiKeySinks.TryGetSink(operation, deepSeek.Types, options.ApiKeyVariable, out var sink))
            {
                var owner = ApiKeySinks.ClientOf(sink);
                if (sink.IsDeepSeekByItself || IsDeepSeekBound(owner, deepSeek, options, context))
                {
                    // The key handed to a client being created (new OpenAIClient(new ApiKeyCredential(key), …)) is that client's.
                    client = EnclosingClientCreation(sink.Owner, deepSeek)
                             ?? (owner is IObjectCreationOperation || owner is IInvocationOperation ? owner : sink.Owner);
                    if (IsLocalCreatedAsClient(owner, deepSeek, context.CancellationToken))
                    {
                        // var http = new HttpClient { BaseAddress = … }; http.DefaultRequestHeaders.Authorization = …: reported at the creation.
                        return;
                    }
                }
            }

            if (client == null)
            {
                return;
            }

            var location = client.Syntax.GetLocation();
            if (reported.TryAdd(location, true))
            {
                context.ReportDiagnostic(Diagnostic.Create(Descriptors.DSK009_ClientSideApiKey, location, platform));
            }
        }

        private static bool IsLocalCreatedAsClient(IOperation owner, DeepSeekCompilationContext deepSeek, System.Threading.CancellationToken cancellationToken)
        {
            if (!(owner is ILocalReferenceOperation local) || owner.SemanticModel == null)
            {
                return false;
            }

            foreach (var reference in local.Local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax declarator
                    && declarator.Initializer != null
                    && declarator.SyntaxTree == owner.Syntax.SyntaxTree
                    && owner.SemanticModel.GetOperation(declarator.Initializer.Value, cancellationToken) is IObjectCreationOperation creation
                    && IsClientType(creation.Type, deepSeek))
                {
                    return true;
                }
            }

            return false;
        }

        private static IOperation? EnclosingClientCreation(IOperation operation, DeepSeekCompilationContext deepSeek)
        {
            for (var current = operation; current != null; current = current.Parent)
            {
                if (current is IObjectCreationOperation creation && IsClientType(creation.Type, deepSeek))
                {
                    return creation;
                }

                if (current is IAnonymousFunctionOperation || current is IBlockOperation)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The one evidence question of this rule (the per-file gate goes here).</summary>
        private static bool IsDeepSeekBound(IOperation client, DeepSeekCompilationContext deepSeek, DeepSeekOptions options, GatedOperationContext context)
            => deepSeek.Evidence.IsDeepSeekBound(client, options, context.CancellationToken);

        private static bool IsClientType(ITypeSymbol? type, DeepSeekCompilationContext deepSeek)
        {
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            var types = deepSeek.Types;
            return Is(named, types.OpenAIClient) || Is(named, types.ChatClient) || Is(named, types.HttpClient)
                   || Is(named, types.SkOpenAIChatCompletionService)
                   // OpenAI-format SDK clients and services, not their options or requests.
                   || ((named.Name.EndsWith("Client", StringComparison.Ordinal) || named.Name.EndsWith("Service", StringComparison.Ordinal))
                       && deepSeek.Evidence.IsOpenAICompatible(named))
                   || IsDeepSeekSdkType(named);
        }

        private static bool IsDeepSeekSdkType(INamedTypeSymbol type)
        {
            for (var ns = type.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    // The runtime helper's own types (DeepSeekRetryOptions, …) are not clients.
                    return type.Name.EndsWith("Client", StringComparison.Ordinal) && !type.ContainingAssembly.Name.StartsWith("DeepSeek.Runtime", StringComparison.Ordinal);
                }
            }

            return false;
        }

        private static bool Is(INamedTypeSymbol type, INamedTypeSymbol? known)
            => known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);
    }
}
