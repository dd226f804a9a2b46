using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What the model-id fixes (DSK002, DSK003) write in place of a literal.</summary>
    internal static class ModelIdFix
    {
        /// <summary>
        /// Adds the <c>using</c> for what <see cref="CreateModelExpression"/> wrote. The simplifier alone only shortens the
        /// name to what is already imported, so the import is added here before it runs.
        /// </summary>
        public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken)
            => ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

        /// <summary>
        /// <c>DeepSeekModels.V4Flash</c> / <c>V4Pro</c> where DeepSeek.Runtime is referenced and the target is one of its
        /// constants (the using is added by the simplifier); otherwise a string literal (UTF-8 stays UTF-8).
        /// </summary>
        public static ExpressionSyntax CreateModelExpression(SemanticModel? model, LiteralExpressionSyntax literal, string target)
        {
            var runtimeModels = model?.Compilation.GetTypeByMetadataName("DeepSeek.Runtime.DeepSeekModels");
            if (runtimeModels != null && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                foreach (var member in runtimeModels.GetMembers())
                {
                    if (member is IFieldSymbol field && field.IsConst && field.ConstantValue is string constant
                        && string.Equals(constant, target, StringComparison.Ordinal))
                    {
                        return SyntaxFactory.ParseExpression("global::DeepSeek.Runtime.DeepSeekModels." + field.Name)
                            .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
                    }
                }
            }

            if (literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                // Keep the ReadOnlySpan<byte> type the surrounding code expects.
                return SyntaxFactory.ParseExpression(SyntaxFactory.Literal(target).Text + "u8");
            }

            return SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(target));
        }
    }
}
