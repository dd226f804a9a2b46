using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>The one "is this type, or derived from it" test of the rules (generic types compared by definition).</summary>
    internal static class TypeSymbols
    {
        public static bool IsOrDerivesFrom(ITypeSymbol? type, INamedTypeSymbol? baseType)
        {
            if (baseType == null)
            {
                return false;
            }

            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, baseType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
