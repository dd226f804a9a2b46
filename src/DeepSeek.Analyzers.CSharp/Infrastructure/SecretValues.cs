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
            operation = operation.WithoutConversions();

            switch (operation)
            {
                case ILocalReferenceOperation local:
                    FromDeclaration(local.Local, model, results, cancellationToken);
                    return;
                case IFieldReferenceOperation field:
                    FromDeclaration(field.Field, model, results, cancellationToken);
                    return;
                case IPropertyReferenceOperation property:
                    FromDeclaration(property.Property, model, results, cancellationToken);
                    return;
                case ICoalesceOperation coalesce when depth < MaxDepth:
                    // Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? "…": the fallback is written here.
                    Collect(coalesce.Value, containingSymbol, model, results, depth + 1, cancellationToken);
                    Collect(coalesce.WhenNull, containingSymbol, model, results, depth + 1, cancellationToken);
                    return;
                case IConditionalOperation conditional when conditional.WhenFalse != null && depth < MaxDepth:
                    Collect(conditional.WhenTrue, containingSymbol, model, results, depth + 1, cancellationToken);
                    Collect(conditional.WhenFalse, containingSymbol, model, results, depth + 1, cancellationToken);
                    return;
                case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Add && !binary.ConstantValue.HasValue && depth < MaxDepth:
                    Collect(binary.LeftOperand, containingSymbol, model, results, depth + 1, cancellationToken);
                    Collect(binary.RightOperand, containingSymbol, model, results, depth + 1, cancellationToken);
                    return;
                case IInterpolatedStringOperation interpolated when !interpolated.ConstantValue.HasValue && depth < MaxDepth:
                    // $"Bearer {apiKey}": the holes carry the key.
                    foreach (var part in interpolated.Parts)
                    {
                        if (part is IInterpolationOperation hole)
                        {
                            Collect(hole.Expression, containingSymbol, model, results, depth + 1, cancellationToken);
                        }
                    }

                    return;
                case ILiteralOperation _:
                case IBinaryOperation _:
                case IInterpolatedStringOperation _:
                    if (operation.ConstantValue.Value is string text)
                    {
                        // "Bearer " + ApiKey, $"Bearer {ApiKey}" with a const ApiKey: the const's declaration holds the key.
                        var carrier = depth < MaxDepth ? ReferencedCarrier(operation, text) : null;
                        if (carrier != null)
                        {
                            Collect(carrier, containingSymbol, model, results, depth + 1, cancellationToken);
                        }
                        else
                        {
                            results.Add((operation.Syntax, text));
                        }
                    }

                    return;
                default:
                    return;
            }
        }

        private const int MaxDepth = 4;

        /// <summary>
        /// The operand of a constant concatenation or interpolated string that is a reference to a named constant and holds
        /// the whole secret (the value after an optional <c>Bearer </c>), or null when the secret is written here.
        /// </summary>
        private static IOperation? ReferencedCarrier(IOperation operation, string text)
        {
            if (operation is ILiteralOperation)
            {
                return null;
            }

            var secret = SecretText.WithoutScheme(text);
            var start = secret.Length == 0 ? -1 : text.IndexOf(secret, System.StringComparison.Ordinal);
            if (start < 0)
            {
                return null;
            }

            var offset = 0;
            var carrier = FindCarrier(operation, start, start + secret.Length, ref offset, out var done);
            return done ? carrier : null;
        }

        /// <summary>Walks the constant parts in order; <paramref name="done"/> once the part covering <c>start</c> is reached.</summary>
        private static IOperation? FindCarrier(IOperation operation, int start, int end, ref int offset, out bool done)
        {
            operation = operation.WithoutConversions();

            done = false;
            if (operation is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && binary.ConstantValue.Value is string)
            {
                var left = FindCarrier(binary.LeftOperand, start, end, ref offset, out done);
                return done ? left : FindCarrier(binary.RightOperand, start, end, ref offset, out done);
            }

            if (operation is IInterpolatedStringOperation interpolated && interpolated.ConstantValue.Value is string)
            {
                foreach (var part in interpolated.Parts)
                {
                    IOperation? value = part is IInterpolatedStringTextOperation textPart ? textPart.Text
                        : part is IInterpolationOperation hole ? hole.Expression
                        : null;
                    if (value == null)
                    {
                        done = true;
                        return null;
                    }

                    var result = FindCarrier(value, start, end, ref offset, out done);
                    if (done)
                    {
                        return result;
                    }
                }

                return null;
            }

            var constant = operation.ConstantValue;
            if (!constant.HasValue || (constant.Value != null && !(constant.Value is string)))
            {
                done = true;
                return null;
            }

            var partStart = offset;
            offset += constant.Value is string piece ? piece.Length : 0;
            if (start >= offset)
            {
                return null;
            }

            done = true;
            var whole = start >= partStart && end <= offset;
            return whole && (operation is IFieldReferenceOperation || operation is ILocalReferenceOperation) ? operation : null;
        }

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
