using System;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What the model-id fixes (DSK002, DSK003, DSK011) write in place of a literal.</summary>
    internal static class ModelIdFix
    {
        private static readonly ConditionalWeakTable<Project, EffectiveCatalog> Catalogs = new ConditionalWeakTable<Project, EffectiveCatalog>();

        /// <summary>
        /// The catalog the project's analyzers saw: the built-in one plus its <c>deepseek.catalog.json</c>, so a fix never
        /// disagrees with the rule that offered it. Read once per project snapshot; a file with an error is ignored, as by DSK000.
        /// </summary>
        public static EffectiveCatalog CatalogOf(Project project)
            => Catalogs.GetValue(project, p => CatalogFile.Load(p.AnalyzerOptions.AdditionalFiles, CancellationToken.None, out _));

        /// <summary>
        /// Adds the <c>using</c> for what <see cref="CreateModelExpression"/> wrote. The simplifier alone only shortens the
        /// name to what is already imported, so the import is added here before it runs.
        /// </summary>
        public static Task<Document> AddImportsAsync(Document document, CancellationToken cancellationToken)
            => ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken);

        /// <summary>
        /// <c>DeepSeekModels.Flash</c> / <c>V4Pro</c> where DeepSeek.Runtime is referenced and the target is one of its
        /// constants (the using is added by the simplifier); otherwise a string literal (UTF-8 stays UTF-8).
        /// </summary>
        public static ExpressionSyntax CreateModelExpression(SemanticModel? model, LiteralExpressionSyntax literal, string target)
        {
            var runtimeModels = model?.Compilation.GetTypeByMetadataName(MetadataNames.RuntimeModels);
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

        /// <summary>
        /// Another key of the same switch or table that a model-id fix may rewrite too: an alias (retired or legacy) or an unknown
        /// lowercase <c>deepseek-…</c> id (not a current catalog id). Values (<c>=&gt; 1.10m</c>) are not keys but are not
        /// strings either; a string value equal to such an id is rare enough to cost only a withheld fix.
        /// </summary>
        private static bool IsOtherKeyToRewrite(string text, string own, EffectiveCatalog catalog)
        {
            if (string.Equals(text, own, StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }

            // A file's aliases need not start with "deepseek-".
            if (catalog.FindAlias(text) != null)
            {
                return true;
            }

            if (!text.StartsWith(DeepSeek.Catalog.DeepSeekCatalog.ModelPrefix, StringComparison.OrdinalIgnoreCase)
                || catalog.FindModel(text) != null)
            {
                return false;
            }

            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) || c == '/' || c == ':' || char.IsUpper(c))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// True when the literal is a case label, switch-arm pattern or dictionary key and its switch or initializer already
        /// has the target, or another key a model-id fix would also rewrite to it (a second retired or unknown
        /// <c>deepseek-…</c> id: Fix All renames both at once): renaming would not compile (duplicate case, subsumed arm)
        /// or would throw at run time (duplicate Add). An indexer entry (<c>[key] = value</c>) may repeat a key: it compiles and runs.
        /// </summary>
        public static bool WouldDuplicateKey(LiteralExpressionSyntax literal, string target, EffectiveCatalog catalog)
        {
            SyntaxNode? scope = null;
            var node = literal.Parent;
            while (node is ParenthesizedPatternSyntax || node is BinaryPatternSyntax || node is ConstantPatternSyntax)
            {
                node = node.Parent;
            }

            switch (node)
            {
                case CaseSwitchLabelSyntax label:
                    scope = label.Parent?.Parent;
                    break;
                case CasePatternSwitchLabelSyntax patternLabel:
                    scope = patternLabel.Parent?.Parent;
                    break;
                case SwitchExpressionArmSyntax arm when arm.Expression != literal:
                    scope = arm.Parent;
                    break;
                case InitializerExpressionSyntax pair when pair.IsKind(SyntaxKind.ComplexElementInitializerExpression)
                                                       && pair.Expressions.Count > 0 && pair.Expressions[0] == literal:
                    scope = pair.Parent;
                    break;
            }

            if (scope == null)
            {
                return false;
            }

            foreach (var other in scope.DescendantNodes().OfType<LiteralExpressionSyntax>())
            {
                if (other == literal || !other.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var text = other.Token.ValueText;
                if (string.Equals(text, target, StringComparison.OrdinalIgnoreCase) || IsOtherKeyToRewrite(text, literal.Token.ValueText, catalog))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
