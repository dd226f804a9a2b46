using System;
using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>Types of DeepSeek-specific SDKs: evidence by themselves, and their <c>apiKey</c> parameters are DeepSeek keys.</summary>
    internal static class SdkTypes
    {
        /// <summary>
        /// A referenced (not this project's own) type whose name or namespace says DeepSeek: <c>DeepSeek.Core.DeepSeekClient</c>,
        /// DeepSeek.Runtime. A project's own <c>DeepSeekService</c> says nothing about where it sends requests.
        /// </summary>
        public static bool IsDeepSeekSdkType(ITypeSymbol? type, IAssemblySymbol? compilationAssembly)
        {
            if (!(type is INamedTypeSymbol named) || compilationAssembly == null
                || SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, compilationAssembly))
            {
                return false;
            }

            if (named.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            for (var ns = named.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
