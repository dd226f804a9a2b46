using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What one value or call says by itself: a string (catalog id, URL, bare host, JSON naming a catalog model), a read of a
    /// DeepSeek secret (environment variable, configuration key or section), a DeepSeek SDK type, an OpenAI-compatible type.
    /// One per compilation; knows no rule, only the settings it is given.
    /// </summary>
    internal sealed class EvidenceSignals
    {
        private readonly Compilation _compilation;
        private readonly WellKnownTypes _types;
        private readonly EffectiveCatalog _catalog;
        private readonly Func<SyntaxTree, EvidenceSettings> _settings;

        public EvidenceSignals(Compilation compilation, WellKnownTypes types, EffectiveCatalog catalog, Func<SyntaxTree, EvidenceSettings> settings)
        {
            _compilation = compilation;
            _types = types;
            _catalog = catalog;
            _settings = settings;
        }

        public WellKnownTypes Types => _types;

        /// <summary>True for a secret name that says DeepSeek (<c>DEEPSEEK_API_KEY</c>, <c>DeepSeek:ApiKey</c>, <c>DeepSeek__ApiKey</c>, …).</summary>
        public static bool IsDeepSeekSecretName(string? name)
            => name != null && name.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0;

        public EffectiveCatalog Catalog => _catalog;

        /// <summary>A type of a DeepSeek-specific SDK (referenced, not this project's own): <c>DeepSeek.Core.DeepSeekClient</c>, DeepSeek.Runtime.</summary>
        public bool IsDeepSeekSdkType(ITypeSymbol? type) => SdkTypes.IsDeepSeekSdkType(type, _compilation.Assembly);


        /// <summary>Evidence a constant string carries where it flows into a client or request.</summary>
        public DeepSeekBinding BindingOfString(string text, bool anyOtherHost)
        {
            if (_catalog.IsCatalogId(text))
            {
                return DeepSeekBinding.Bound;
            }

            var url = DeepSeekUrl.BindingOf(text, anyOtherHost);
            if (url != DeepSeekBinding.Unknown)
            {
                return url;
            }

            if (DeepSeekUrl.IsBareHost(text))
            {
                return DeepSeekBinding.Bound;
            }

            if (text.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf(':') >= 0 && _catalog.HasJsonCatalogId(text))
            {
                return DeepSeekBinding.Bound;
            }

            return DeepSeekBinding.Unknown;
        }


        /// <summary>OpenAI-compatible chat clients and requests: what <c>all_openai_compatible</c> treats as DeepSeek-bound.</summary>
        public bool IsOpenAICompatible(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            if (Is(named, _types.MeaiChatClient) || Is(named, _types.MeaiChatOptions))
            {
                return true;
            }

            foreach (var candidate in named.AllInterfaces)
            {
                if (Is(candidate, _types.MeaiChatClient))
                {
                    return true;
                }
            }

            // The OpenAI SDK, Semantic Kernel's OpenAI connector and Betalgo all live under an "OpenAI" namespace.
            for (var ns = named.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "OpenAI")
                {
                    return true;
                }
            }

            return false;
        }


        private static bool Is(ITypeSymbol type, INamedTypeSymbol? known)
            => known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);


        private bool IsConfiguration(ITypeSymbol? type)
        {
            if (type == null || _types.Configuration == null)
            {
                return false;
            }

            if (Is(type, _types.Configuration))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (Is(candidate, _types.Configuration))
                {
                    return true;
                }
            }

            return false;
        }


        /// <summary>A read of a DeepSeek-named secret: environment variable or configuration key/section.</summary>
        public bool IsSecretRead(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    {
                        var method = invocation.TargetMethod;
                        string? name = null;
                        if (method.Name == "GetEnvironmentVariable" && method.ContainingType?.Name == "Environment"
                            && method.ContainingType.ContainingNamespace?.Name == "System")
                        {
                            name = FirstStringArgument(invocation, skip: 0);
                        }
                        else if (method.Name == "GetValue" || method.Name == "GetSection" || method.Name == "GetRequiredSection"
                                 || method.Name == "GetConnectionString")
                        {
                            if (method.IsExtensionMethod || invocation.Instance == null)
                            {
                                if (invocation.Arguments.Length >= 2 && IsConfiguration(invocation.Arguments[0].Value.Type))
                                {
                                    name = FirstStringArgument(invocation, skip: 1);
                                }
                            }
                            else if (IsConfiguration(invocation.Instance.Type))
                            {
                                name = FirstStringArgument(invocation, skip: 0);
                            }
                        }

                        return IsSecretName(name, invocation);
                    }

                case IPropertyReferenceOperation indexer when indexer.Arguments.Length == 1 && indexer.Instance != null
                                                             && IsConfiguration(indexer.Instance.Type):
                    return IsSecretName(indexer.Arguments[0].Value.ConstantValue.Value as string, indexer);
                default:
                    return false;
            }
        }


        /// <summary>A DeepSeek-named secret, or one of the secret names the settings give (<c>api_key_variable</c>, <c>api_key_configuration_key</c>).</summary>
        private bool IsSecretName(string? name, IOperation read)
        {
            if (name == null)
            {
                return false;
            }

            if (IsDeepSeekSecretName(name))
            {
                return true;
            }

            foreach (var secret in _settings(read.Syntax.SyntaxTree).SecretNames)
            {
                if (string.Equals(name, secret, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }


        private static string? FirstStringArgument(IInvocationOperation invocation, int skip)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && argument.Parameter.Ordinal == skip)
                {
                    return argument.Value.ConstantValue.Value as string;
                }
            }

            return null;
        }
    }
}
