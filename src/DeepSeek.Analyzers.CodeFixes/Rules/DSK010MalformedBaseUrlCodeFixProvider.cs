using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>DSK010 fix: the URL literal becomes the corrected URL the analyzer computed (the rest of the URL kept).</summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK010MalformedBaseUrlCodeFixProvider))]
    [Shared]
    public sealed class DSK010MalformedBaseUrlCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK010_CorrectBaseUrl";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MalformedBaseUrl);

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
                if (!diagnostic.Properties.TryGetValue(DSK010MalformedBaseUrlAnalyzer.CorrectedUrlProperty, out var corrected)
                    || corrected == null
                    || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is LiteralExpressionSyntax literal)
                    || !literal.IsKind(SyntaxKind.StringLiteralExpression))
                {
                    continue;
                }

                var replacement = SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(corrected))
                    .WithTriviaFrom(literal);
                var document = context.Document;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Use '{corrected}'",
                        _ => Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(literal, replacement))),
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
