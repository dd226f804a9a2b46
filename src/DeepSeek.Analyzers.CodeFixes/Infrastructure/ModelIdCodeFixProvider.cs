using System;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The skeleton every model-id fix shares (DSK002, DSK003, DSK011): the analyzer chose the replacement (diagnostic
    /// properties of <see cref="ModelIdDiagnostic"/>); the fix writes it in place of the literal — <c>DeepSeekModels.Flash</c>
    /// where DeepSeek.Runtime has a constant for it — or inside the JSON text, and disables thinking where asked and possible.
    /// A key of a switch or table is left alone when renaming it would collide with another key.
    /// </summary>
    public abstract class ModelIdCodeFixProvider : CodeFixProvider
    {
        /// <summary>The fixer's equivalence key (each fixer also exposes it as a constant).</summary>
        private protected abstract string Key { get; }

        /// <summary>The batch fixer for code, plus the appsettings findings in project and solution scope.</summary>
        public sealed override FixAllProvider GetFixAllProvider() => ModelIdFixAllProvider.Instance;

        public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            // The fixers are exported for additional documents too (appsettings*.json), where Document would throw.
            if (!(context.TextDocument is Document document))
            {
                RegisterAppSettingsFixes(context);
                return;
            }

            var root = await document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            var catalog = ModelIdFix.CatalogOf(document.Project);
            foreach (var diagnostic in context.Diagnostics)
            {
                var properties = diagnostic.Properties;
                if (!properties.TryGetValue(ModelIdDiagnostic.ReplacementProperty, out var replacement) || replacement == null
                    || !properties.TryGetValue(ModelIdDiagnostic.ModelIdProperty, out var id) || id == null)
                {
                    continue;
                }

                var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
                if (!(node is LiteralExpressionSyntax) && !(node is InterpolatedStringExpressionSyntax))
                {
                    continue;
                }

                if (node is LiteralExpressionSyntax keyLiteral && ModelIdFix.WouldDuplicateKey(keyLiteral, replacement, catalog))
                {
                    continue;
                }

                var json = properties.TryGetValue(ModelIdDiagnostic.ShapeProperty, out var shape) && shape == ModelIdDiagnostic.JsonShape;
                var disableThinking = properties.TryGetValue(ModelIdDiagnostic.DisableThinkingProperty, out var flag) && flag == "true";
                var title = disableThinking && ThinkingFix.CanDisableThinking(node, id)
                    ? $"Use '{replacement}' with thinking disabled"
                    : $"Use '{replacement}'";
                context.RegisterCodeFix(
                    CodeAction.Create(
                        title,
                        ct => FixAsync(document, diagnostic.Location.SourceSpan, id, replacement, json, disableThinking, ct),
                        Key),
                    diagnostic);
            }
        }

        /// <summary>The JSON value becomes the replacement; thinking stays as the code that sends the request sets it.</summary>
        private void RegisterAppSettingsFixes(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (AppSettingsFix.IsAppSettingsFinding(diagnostic))
                {
                    var replacement = diagnostic.Properties[ModelIdDiagnostic.ReplacementProperty];
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Use '{replacement}'",
                            ct => AppSettingsFix.FixAsync(context.TextDocument, new[] { diagnostic }, ct),
                            Key),
                        diagnostic);
                }
            }
        }

        private static async Task<Document> FixAsync(
            Document document,
            TextSpan span,
            string id,
            string replacement,
            bool json,
            bool disableThinking,
            CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(span, getInnermostNodeForTie: true);
            if (root == null || node == null)
            {
                return document;
            }

            if (node is InterpolatedStringExpressionSyntax interpolated)
            {
                // Re-parsed: a hand-built text token would carry the escaped text as its value, unlike the compiler's.
                return document.WithSyntaxRoot(root.ReplaceNode(interpolated, JsonTextFix.FixInterpolated(interpolated, id, replacement, disableThinking)));
            }

            if (!(node is LiteralExpressionSyntax literal))
            {
                return document;
            }

            if (json || !string.Equals(literal.Token.ValueText, id, StringComparison.OrdinalIgnoreCase))
            {
                return document.WithSyntaxRoot(root.ReplaceToken(literal.Token, JsonTextFix.FixLiteral(literal.Token, id, replacement, disableThinking)));
            }

            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var expression = ModelIdFix.CreateModelExpression(semanticModel, literal, replacement).WithTriviaFrom(literal);
            if (disableThinking)
            {
                var edited = ThinkingFix.TryAddThinkingMember(literal, expression, semanticModel, cancellationToken);
                if (edited.HasValue)
                {
                    return await ModelIdFix.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(edited.Value.Old, edited.Value.New)), cancellationToken).ConfigureAwait(false);
                }
            }

            return await ModelIdFix.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(literal, expression)), cancellationToken).ConfigureAwait(false);
        }
    }
}
