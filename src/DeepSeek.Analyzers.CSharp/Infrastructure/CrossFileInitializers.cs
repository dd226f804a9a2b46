using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using static DeepSeek.Analyzers.Infrastructure.DeepSeekBindings;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The initialiser of a field or property declared in another file (<c>Settings.Endpoint</c>), read from syntax because an
    /// analyzer has no semantic model for other trees (RS1030). Only literal shapes count, so nothing is guessed.
    /// </summary>
    internal static class CrossFileInitializers
    {
        /// <summary>
        /// A field or property declared in another file (<c>Settings.Endpoint</c>): its initializer, read from syntax
        /// because an analyzer has no semantic model for other trees (RS1030). Only literal shapes count —
        /// strings, concatenations, <c>new Uri("…")</c>, object initialisers — so nothing is guessed.
        /// </summary>
        public static DeepSeekBinding BindingOf(ISymbol symbol, EvidenceSignals signals, int depth, CancellationToken cancellationToken)
        {
            if (!(symbol is IFieldSymbol) && !(symbol is IPropertySymbol))
            {
                return DeepSeekBinding.Unknown;
            }

            var result = DeepSeekBinding.Unknown;
            foreach (var reference in symbol.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                ExpressionSyntax? initializer = syntax is VariableDeclaratorSyntax declarator ? declarator.Initializer?.Value
                    : syntax is PropertyDeclarationSyntax property ? property.Initializer?.Value ?? property.ExpressionBody?.Expression
                    : null;
                result = Combine(result, EvalSyntax(initializer, signals, depth + 1));
            }

            return result;
        }

        private static DeepSeekBinding EvalSyntax(ExpressionSyntax? expression, EvidenceSignals signals, int depth)
        {
            if (expression == null || depth > EvidenceQuery.MaxDepth)
            {
                return DeepSeekBinding.Unknown;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                    return signals.BindingOfString(text, anyOtherHost: true);
                case ParenthesizedExpressionSyntax parenthesized:
                    return EvalSyntax(parenthesized.Expression, signals, depth + 1);
                case BinaryExpressionSyntax binary:
                    {
                        // "https://" + "api.deepseek.com" is one URL, not two fragments.
                        var folded = FoldStrings(binary, 0);
                        return folded != null
                            ? signals.BindingOfString(folded, anyOtherHost: true)
                            : Combine(EvalSyntax(binary.Left, signals, depth + 1), EvalSyntax(binary.Right, signals, depth + 1));
                    }
                case InterpolatedStringExpressionSyntax interpolated:
                    {
                        var result = DeepSeekBinding.Unknown;
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax text)
                            {
                                result = Combine(result, signals.BindingOfString(text.TextToken.ValueText, anyOtherHost: true));
                            }
                        }

                        return result;
                    }

                case BaseObjectCreationExpressionSyntax creation:
                    {
                        var result = DeepSeekBinding.Unknown;
                        if (creation.ArgumentList != null)
                        {
                            foreach (var argument in creation.ArgumentList.Arguments)
                            {
                                result = Combine(result, EvalSyntax(argument.Expression, signals, depth + 1));
                            }
                        }

                        if (creation.Initializer != null)
                        {
                            foreach (var element in creation.Initializer.Expressions)
                            {
                                result = Combine(result, EvalSyntax(element is AssignmentExpressionSyntax assignment ? assignment.Right : element, signals, depth + 1));
                            }
                        }

                        return result;
                    }

                default:
                    return DeepSeekBinding.Unknown;
            }
        }

        private static string? FoldStrings(ExpressionSyntax expression, int depth)
        {
            if (depth > EvidenceQuery.MaxDepth)
            {
                return null;
            }

            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                    return text;
                case ParenthesizedExpressionSyntax parenthesized:
                    return FoldStrings(parenthesized.Expression, depth + 1);
                case BinaryExpressionSyntax binary when binary.OperatorToken.Text == "+":
                    var left = FoldStrings(binary.Left, depth + 1);
                    var right = left == null ? null : FoldStrings(binary.Right, depth + 1);
                    return right == null ? null : left + right;
                default:
                    return null;
            }
        }
    }
}
