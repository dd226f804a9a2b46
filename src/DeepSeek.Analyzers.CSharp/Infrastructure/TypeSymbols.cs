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

        /// <summary>True when <paramref name="type"/> is the interface <paramref name="interfaceType"/> or implements it.</summary>
        public static bool IsOrImplements(ITypeSymbol? type, INamedTypeSymbol? interfaceType)
        {
            if (type == null || interfaceType == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, interfaceType.OriginalDefinition))
            {
                return true;
            }

            foreach (var implemented in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(implemented.OriginalDefinition, interfaceType.OriginalDefinition))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
