using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What a fix may read at a position: the <c>IConfiguration</c> in scope (a local declared before it, a parameter, a
    /// primary-constructor parameter, a field or property), honouring static contexts, field initialisers (which see only
    /// static members and primary-constructor parameters) and static lambdas.
    /// </summary>
    internal sealed class LookupScope
    {
        private const string ConfigurationTypeName = MetadataNames.Configuration;
        private const string ConfigurationSectionTypeName = MetadataNames.IConfigurationSection;

        private LookupScope(string? configurationName)
        {
            ConfigurationName = configurationName;
        }

        /// <summary>The configuration's name as written in code (escaped when a keyword), or null when none is in reach.</summary>
        public string? ConfigurationName { get; }

        /// <param name="becomesStatic">The expression's declaration turns into a <c>static readonly</c> field (a former <c>const</c>).</param>
        public static LookupScope Create(ExpressionSyntax expression, bool becomesStatic, SemanticModel model, CancellationToken cancellationToken)
        {
            var configuration = model.Compilation.GetTypeByMetadataName(ConfigurationTypeName);
            if (configuration == null)
            {
                return new LookupScope(null);
            }

            var section = model.Compilation.GetTypeByMetadataName(ConfigurationSectionTypeName);
            var isStatic = becomesStatic;
            var isInitializer = false;
            SyntaxNode? staticFunction = null;
            foreach (var ancestor in expression.Ancestors())
            {
                if (staticFunction == null
                    && ((ancestor is AnonymousFunctionExpressionSyntax function && function.Modifiers.Any(SyntaxKind.StaticKeyword))
                        || (ancestor is LocalFunctionStatementSyntax local && local.Modifiers.Any(SyntaxKind.StaticKeyword))))
                {
                    staticFunction = ancestor;
                }

                if (ancestor is ConstructorInitializerSyntax || ancestor is PrimaryConstructorBaseTypeSyntax)
                {
                    isInitializer = true;
                }

                if (ancestor is MemberDeclarationSyntax member)
                {
                    isStatic |= member.Modifiers.Any(SyntaxKind.StaticKeyword) || member.Modifiers.Any(SyntaxKind.ConstKeyword)
                        || member is GlobalStatementSyntax;
                    isInitializer |= member is BaseFieldDeclarationSyntax
                        || (member is PropertyDeclarationSyntax property && property.Initializer != null
                            && property.Initializer.Span.Contains(expression.Span));
                    break;
                }
            }

            ISymbol? best = null;
            var bestRank = int.MaxValue;
            var position = expression.SpanStart;
            foreach (var symbol in model.LookupSymbols(position))
            {
                var rank = Rank(symbol, position, isStatic, isInitializer, staticFunction, cancellationToken, out var type, out var annotation);
                // A 'var' local is always annotated; only a declared 'T?' says the configuration may be missing.
                if (annotation == NullableAnnotation.Annotated && symbol is ILocalSymbol && IsVarLocal(symbol, cancellationToken))
                {
                    annotation = NullableAnnotation.NotAnnotated;
                }

                if (rank < 0 || annotation == NullableAnnotation.Annotated || !IsConfiguration(type, configuration, section))
                {
                    continue;
                }

                if (rank < bestRank || (rank == bestRank && best != null && string.CompareOrdinal(symbol.Name, best.Name) < 0))
                {
                    best = symbol;
                    bestRank = rank;
                }
            }

            if (best == null)
            {
                return new LookupScope(null);
            }

            var name = SyntaxFacts.GetKeywordKind(best.Name) != SyntaxKind.None ? "@" + best.Name : best.Name;
            return new LookupScope(name);
        }

        /// <summary>0 for locals and parameters of the code itself, 1 for members and primary-constructor parameters, -1 when not readable here.</summary>
        private static int Rank(
            ISymbol symbol,
            int position,
            bool isStatic,
            bool isInitializer,
            SyntaxNode? staticFunction,
            CancellationToken cancellationToken,
            out ITypeSymbol? type,
            out NullableAnnotation annotation)
        {
            type = null;
            annotation = NullableAnnotation.None;
            switch (symbol)
            {
                case ILocalSymbol local:
                    type = local.Type;
                    annotation = local.NullableAnnotation;
                    return !isInitializer && IsDeclaredBefore(local, position, staticFunction, cancellationToken) ? 0 : -1;
                case IParameterSymbol parameter:
                    type = parameter.Type;
                    annotation = parameter.NullableAnnotation;
                    if (IsPrimaryConstructorParameter(parameter, cancellationToken))
                    {
                        return isStatic || staticFunction != null ? -1 : 1;
                    }

                    return IsDeclaredBefore(parameter, position, staticFunction, cancellationToken) ? 0 : -1;
                case IFieldSymbol field:
                    type = field.Type;
                    annotation = field.NullableAnnotation;
                    return field.IsStatic || !(isStatic || isInitializer || staticFunction != null) ? 1 : -1;
                case IPropertySymbol property when !property.IsIndexer && property.GetMethod != null:
                    type = property.Type;
                    annotation = property.NullableAnnotation;
                    return property.IsStatic || !(isStatic || isInitializer || staticFunction != null) ? 1 : -1;
                default:
                    return -1;
            }
        }

        private static bool IsDeclaredBefore(ISymbol symbol, int position, SyntaxNode? staticFunction, CancellationToken cancellationToken)
        {
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var span = reference.Span;
                if (span.End <= position && (staticFunction == null || staticFunction.Span.Contains(span)))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsVarLocal(ISymbol local, CancellationToken cancellationToken)
        {
            foreach (var reference in local.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken).Parent is VariableDeclarationSyntax declaration && declaration.Type.IsVar)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsPrimaryConstructorParameter(IParameterSymbol parameter, CancellationToken cancellationToken)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol method) || method.MethodKind != MethodKind.Constructor)
            {
                return false;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A root configuration (not a section: a section's indexer is relative to the section).</summary>
        private static bool IsConfiguration(ITypeSymbol? type, INamedTypeSymbol configuration, INamedTypeSymbol? section)
        {
            if (type == null)
            {
                return false;
            }

            var isConfiguration = SymbolEqualityComparer.Default.Equals(type, configuration);
            foreach (var implemented in type.AllInterfaces)
            {
                if (section != null && SymbolEqualityComparer.Default.Equals(implemented, section))
                {
                    return false;
                }

                isConfiguration |= SymbolEqualityComparer.Default.Equals(implemented, configuration);
            }

            return isConfiguration && !SymbolEqualityComparer.Default.Equals(type, section);
        }
    }
}
