using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK003 fix: the replacement the analyzer chose (the nearest id for a typo, the target model for a retired or
    /// marketing name) — <c>DeepSeekModels.V4Flash</c> / <c>V4Pro</c> with DeepSeek.Runtime — or, inside JSON text, the
    /// id in place.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK003UnknownModelIdCodeFixProvider))]
    [Shared]
    public sealed class DSK003UnknownModelIdCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK003_UseCatalogModel";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnknownModelId);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DSK003UnknownModelIdAnalyzer.ReplacementProperty, out var replacement)
                    || replacement == null
                    || !diagnostic.Properties.TryGetValue(DSK003UnknownModelIdAnalyzer.ModelIdProperty, out var id)
                    || id == null
                    || !IsFixable(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true)))
                {
                    continue;
                }

                if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax keyLiteral
                    && ModelIdFix.WouldDuplicateKey(keyLiteral, replacement))
                {
                    continue;
                }

                var json = diagnostic.Properties.TryGetValue(DSK003UnknownModelIdAnalyzer.ShapeProperty, out var shape)
                    && shape == DSK003UnknownModelIdAnalyzer.JsonShape;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{replacement}'",
                        ct => FixAsync(context.Document, diagnostic.Location.SourceSpan, id, replacement, json, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document> FixAsync(
            Document document,
            TextSpan span,
            string id,
            string replacement,
            bool json,
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
                return document.WithSyntaxRoot(root.ReplaceNode(interpolated, JsonTextFix.FixInterpolated(interpolated, id, replacement, disableThinking: false)));
            }

            if (!(node is LiteralExpressionSyntax literal))
            {
                return document;
            }

            if (json)
            {
                return document.WithSyntaxRoot(root.ReplaceToken(literal.Token, JsonTextFix.FixLiteral(literal.Token, id, replacement, disableThinking: false)));
            }

            var semanticModel = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            var expression = ModelIdFix.CreateModelExpression(semanticModel, literal, replacement).WithTriviaFrom(literal);
            return await ModelIdFix.AddImportsAsync(document.WithSyntaxRoot(root.ReplaceNode(literal, expression)), cancellationToken).ConfigureAwait(false);
        }

        private static bool IsFixable(SyntaxNode node) => node is LiteralExpressionSyntax || node is InterpolatedStringExpressionSyntax;
    }
}
