using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Where a string constant counts as a model id for the model-id rules: what is use (arguments, initialisers,
    /// switch arms, tables) and what is not (comparisons, migration tables that map an old id to a current one).
    /// </summary>
    internal static class ModelIdPositions
    {
        /// <summary>
        /// True when the literal is only compared against (<c>==</c>, <c>is</c>, <c>Equals</c>, <c>StartsWith</c>,
        /// a lookup, <c>Replace</c>) or handed to DeepSeek.Runtime's migration helpers: code that detects an id, not code that sends it.
        /// </summary>
        public static bool IsComparisonOrLookup(SyntaxNode literal, SemanticModel model, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var node = literal;
            var parent = node.Parent;
            while (parent is ParenthesizedExpressionSyntax || parent is CastExpressionSyntax)
            {
                node = parent;
                parent = node.Parent;
            }

            switch (parent)
            {
                case BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.EqualsExpression) || binary.IsKind(SyntaxKind.NotEqualsExpression):
                    return true;
                case ConstantPatternSyntax pattern:
                    return IsInIsPattern(pattern);
                case ArgumentSyntax argument when argument.Parent is ArgumentListSyntax list && list.Parent is InvocationExpressionSyntax invocation:
                    var name = GetInvokedName(invocation.Expression);
                    if (name != null && IsComparisonMethod(name))
                    {
                        return true;
                    }

                    if (types.RuntimeModels != null
                        && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                        && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.RuntimeModels))
                    {
                        return true;
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// True when the literal is one alternative of an <c>or</c> pattern in which another alternative names DeepSeek but is
        /// no DeepSeek model id (<c>"deepseek" or "deepseek-openai" or "deepseek-chat" => "DeepSeekOpenAI"</c>): the pattern
        /// classifies provider or configuration names, it does not key a model table.
        /// </summary>
        public static bool IsInProviderNamePattern(SyntaxNode literal, Func<string, bool> isModelId)
        {
            if (!(literal.Parent is ConstantPatternSyntax pattern))
            {
                return false;
            }

            SyntaxNode top = pattern;
            while ((top.Parent is BinaryPatternSyntax or && or.IsKind(SyntaxKind.OrPattern)) || top.Parent is ParenthesizedPatternSyntax)
            {
                top = top.Parent;
            }

            if (top == pattern)
            {
                return false;
            }

            foreach (var node in top.DescendantNodes())
            {
                if (node is ConstantPatternSyntax constant
                    && constant.Expression is LiteralExpressionSyntax other
                    && other.IsKind(SyntaxKind.StringLiteralExpression)
                    && other.Token.ValueText.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0
                    && !isModelId(other.Token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// True when the literal sits beside a current model id in the same table element — a tuple, a
        /// <c>{ key, value }</c> or <c>[key] = value</c> entry, an argument list, a switch arm or a case section: migration code.
        /// </summary>
        public static bool IsInMigrationElement(SyntaxNode literal, SemanticModel model, Func<string, bool> isCurrentModelId, CancellationToken cancellationToken)
        {
            var container = FindElement(literal);
            if (container == null)
            {
                return false;
            }

            foreach (var node in container.DescendantNodes())
            {
                if (node == literal || !(node is ExpressionSyntax expression))
                {
                    continue;
                }

                if (expression is LiteralExpressionSyntax text && text.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    if (isCurrentModelId(text.Token.ValueText))
                    {
                        return true;
                    }
                }
                else if ((expression is IdentifierNameSyntax || expression is MemberAccessExpressionSyntax) && MayBeConstant(expression))
                {
                    var constant = model.GetConstantValue(expression, cancellationToken);
                    if (constant.HasValue && constant.Value is string value && isCurrentModelId(value))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// False for names that never have a constant value of their own, so the model is not asked (asking binds the code
        /// around them again): the member name of <c>a.B</c> (<c>a.B</c> itself was asked first), a called method, an
        /// argument's name, a type.
        /// </summary>
        private static bool MayBeConstant(ExpressionSyntax expression)
        {
            switch (expression.Parent)
            {
                case MemberAccessExpressionSyntax access when access.Name == expression:
                case InvocationExpressionSyntax invocation when invocation.Expression == expression:
                case NameColonSyntax _:
                case MemberBindingExpressionSyntax _:
                    return false;
                default:
                    return !SyntaxFacts.IsInTypeOnlyContext(expression);
            }
        }

        private static SyntaxNode? FindElement(SyntaxNode literal)
        {
            var node = literal.Parent;
            while (node != null)
            {
                switch (node)
                {
                    case ParenthesizedExpressionSyntax _:
                    case CastExpressionSyntax _:
                    case ArgumentSyntax _:
                    case BracketedArgumentListSyntax _:
                    case ImplicitElementAccessSyntax _:
                    case ConstantPatternSyntax _:
                    case BinaryPatternSyntax _:
                    case ParenthesizedPatternSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case CasePatternSwitchLabelSyntax _:
                        node = node.Parent;
                        continue;
                    case TupleExpressionSyntax _:
                    case ArgumentListSyntax _:
                    case SwitchExpressionArmSyntax _:
                    case SwitchSectionSyntax _:
                        return node;
                    case InitializerExpressionSyntax initializer when initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression):
                        return node;
                    case AssignmentExpressionSyntax assignment when assignment.Left is ImplicitElementAccessSyntax:
                        return node;
                    default:
                        return null;
                }
            }

            return null;
        }

        private static bool IsInIsPattern(SyntaxNode pattern)
        {
            var node = pattern.Parent;
            while (node is BinaryPatternSyntax || node is ParenthesizedPatternSyntax || node is UnaryPatternSyntax)
            {
                node = node.Parent;
            }

            return node is IsPatternExpressionSyntax;
        }

        private static string? GetInvokedName(ExpressionSyntax expression)
        {
            switch (expression)
            {
                case MemberAccessExpressionSyntax member:
                    return member.Name.Identifier.ValueText;
                case IdentifierNameSyntax identifier:
                    return identifier.Identifier.ValueText;
                case GenericNameSyntax generic:
                    return generic.Identifier.ValueText;
                case MemberBindingExpressionSyntax binding:
                    return binding.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static bool IsComparisonMethod(string name)
        {
            switch (name)
            {
                case "Equals":
                case "StartsWith":
                case "EndsWith":
                case "Contains":
                case "ContainsKey":
                case "TryGetValue":
                case "IndexOf":
                case "Replace":
                case "Compare":
                case "CompareTo":
                case "CompareOrdinal":
                case "Remove":
                    return true;
                default:
                    return false;
            }
        }
    }
}
