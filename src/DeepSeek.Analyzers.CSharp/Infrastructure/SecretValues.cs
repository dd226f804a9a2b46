using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The string constants written in source that a value is made of: the literal itself, the parts of
    /// <c>"Bearer " + key</c>, and the initialisers of the locals, fields and properties of the same type it reads.
    /// Values read from configuration, parameters or calls are not constants and yield nothing.
    /// </summary>
    internal static class SecretValues
    {
        /// <summary>Each written constant (the syntax to report and its value) that flows into <paramref name="value"/>.</summary>
        public static IEnumerable<(SyntaxNode Node, string Value)> Resolve(
            IOperation value,
            ISymbol containingSymbol,
            SemanticModel? model,
            CancellationToken cancellationToken)
        {
            var results = new List<(SyntaxNode, string)>(1);
            Collect(value, containingSymbol, model, results, depth: 0, cancellationToken);
            return results;
        }

        private static void Collect(
            IOperation operation,
            ISymbol containingSymbol,
            SemanticModel? model,
            List<(SyntaxNode, string)> results,
            int depth,
            CancellationToken cancellationToken)
        {
            while (operation is IConversionOperation conversion)
            {
                operation = conversion.Operand;
            }

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    FromDeclaration(local.Local, model, results, cancellationToken);
                    return;
                case IFieldReferenceOperation field when IsSameType(field.Field.ContainingType, containingSymbol):
                    FromDeclaration(field.Field, model, results, cancellationToken);
                    return;
                case IPropertyReferenceOperation property when IsSameType(property.Property.ContainingType, containingSymbol):
                    FromDeclaration(property.Property, model, results, cancellationToken);
                    return;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && !binary.ConstantValue.HasValue && depth < 4:
                    Collect(binary.LeftOperand, containingSymbol, model, results, depth + 1, cancellationToken);
                    Collect(binary.RightOperand, containingSymbol, model, results, depth + 1, cancellationToken);
                    return;
                case ILiteralOperation _:
                case IBinaryOperation _:
                case IInterpolatedStringOperation _:
                    if (operation.ConstantValue.Value is string text)
                    {
                        results.Add((operation.Syntax, text));
                    }

                    return;
                default:
                    return;
            }
        }

        private static bool IsSameType(INamedTypeSymbol? type, ISymbol containingSymbol)
            => type != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, containingSymbol.ContainingType?.OriginalDefinition);

        /// <summary>The initialiser written at the symbol's declaration: <c>= "…"</c> or <c>=&gt; "…"</c>.</summary>
        private static void FromDeclaration(
            ISymbol symbol,
            SemanticModel? model,
            List<(SyntaxNode, string)> results,
            CancellationToken cancellationToken)
        {
            if (symbol.DeclaringSyntaxReferences.Length != 1)
            {
                return;
            }

            var declaration = symbol.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken);
            ExpressionSyntax? initializer;
            switch (declaration)
            {
                case VariableDeclaratorSyntax variable:
                    initializer = variable.Initializer?.Value;
                    break;
                case PropertyDeclarationSyntax property:
                    initializer = property.Initializer?.Value ?? property.ExpressionBody?.Expression;
                    break;
                default:
                    return;
            }

            while (initializer is ParenthesizedExpressionSyntax parenthesized)
            {
                initializer = parenthesized.Expression;
            }

            if (initializer == null
                || !(initializer is LiteralExpressionSyntax || initializer is BinaryExpressionSyntax || initializer is InterpolatedStringExpressionSyntax))
            {
                return;
            }

            string? value = null;
            if (model != null && initializer.SyntaxTree == model.SyntaxTree)
            {
                value = model.GetConstantValue(initializer, cancellationToken).Value as string;
            }
            else if (symbol is IFieldSymbol field && field.HasConstantValue)
            {
                value = field.ConstantValue as string;
            }
            else if (initializer is LiteralExpressionSyntax literal)
            {
                value = literal.Token.Value as string;
            }

            if (value != null)
            {
                results.Add((initializer, value));
            }
        }
    }
}
