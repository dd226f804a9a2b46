using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK005 fix: today's peak price of the same role and unit (of deepseek-v4-pro for the V4 Pro prices, of Flash for every
    /// other one), written as a literal of the same type and format — or, with DeepSeek.Runtime, the <c>DeepSeekPricing</c>
    /// member that holds it (<c>DeepSeekPricing.Flash.Peak.CacheMissInput</c>, divided into the literal's unit and converted to
    /// its type). Peak, because a name or a comment cannot say which tier the code meant and peak is the safe bound of a
    /// budget; the tier is named in the code. Where C# needs a constant (<c>const</c>, a parameter default, an attribute) the
    /// value is written even with the runtime: its prices are not constants.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK005LegacyPricingConstantCodeFixProvider))]
    [Shared]
    public sealed class DSK005LegacyPricingConstantCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK005_UseCurrentPeakPrice";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.LegacyPricingConstant);

        /// <summary>
        /// Fix All rewrites each document once, adding the <c>using</c> once: the batch fixer merges per-diagnostic edits and
        /// drops them as conflicting when three fixes add the same import.
        /// </summary>
        public override FixAllProvider GetFixAllProvider()
            => FixAllProvider.Create(async (context, document, diagnostics) => await FixAsync(document, diagnostics, context.CancellationToken).ConfigureAwait(false));

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return;
            }

            SemanticModel? model = null;
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryGetLiteral(root, diagnostic, out var literal, out var role, out var unit, out var value, out var modelId, out var runtimeMatches))
                {
                    continue;
                }

                model ??= await context.Document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                var replacement = CreateReplacement(literal!, model, role, unit, value, modelId, runtimeMatches);
                context.RegisterCodeFix(
                    CodeAction.Create(
                        "Use today's peak price: " + replacement.ToString().Replace("global::DeepSeek.Runtime.", string.Empty),
                        ct => FixAsync(context.Document, ImmutableArray.Create(diagnostic), ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static bool TryGetLiteral(
            SyntaxNode root,
            Diagnostic diagnostic,
            out LiteralExpressionSyntax? literal,
            out PriceRole role,
            out PriceUnit unit,
            out decimal value,
            out string modelId,
            out bool runtimeMatches)
        {
            literal = null;
            if (!LegacyPriceDiagnostic.TryRead(diagnostic.Properties, out role, out unit, out value, out modelId, out runtimeMatches)
                || diagnostic.Location.SourceTree != root.SyntaxTree)
            {
                return false;
            }

            literal = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) as LiteralExpressionSyntax;
            return literal != null && literal.IsKind(SyntaxKind.NumericLiteralExpression);
        }

        private static async Task<Document> FixAsync(Document document, ImmutableArray<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null)
            {
                return document;
            }

            var replacements = new Dictionary<SyntaxNode, ExpressionSyntax>();
            foreach (var diagnostic in diagnostics)
            {
                if (TryGetLiteral(root, diagnostic, out var literal, out var role, out var unit, out var value, out var modelId, out var runtimeMatches))
                {
                    replacements[literal!] = Grouped(literal!, CreateReplacement(literal!, model, role, unit, value, modelId, runtimeMatches));
                }
            }

            if (replacements.Count == 0)
            {
                return document;
            }

            var updated = document.WithSyntaxRoot(root.ReplaceNodes(replacements.Keys, (original, _) => replacements[original].WithTriviaFrom(original)));
            foreach (var replacement in replacements.Values)
            {
                if (!(replacement is LiteralExpressionSyntax))
                {
                    return await ModelIdFix.AddImportsAsync(updated, cancellationToken).ConfigureAwait(false);
                }
            }

            return updated;
        }

        /// <summary>An operand of a larger expression (<c>0.27 / 1_000_000</c>) keeps its grouping; the simplifier drops needless parentheses.</summary>
        private static ExpressionSyntax Grouped(LiteralExpressionSyntax literal, ExpressionSyntax replacement)
            => replacement is LiteralExpressionSyntax || replacement is MemberAccessExpressionSyntax
               || !(literal.Parent is ExpressionSyntax) || literal.Parent is ParenthesizedExpressionSyntax
                ? replacement
                : SyntaxFactory.ParenthesizedExpression(replacement).WithAdditionalAnnotations(Simplifier.Annotation);

        private static ExpressionSyntax CreateReplacement(
            LiteralExpressionSyntax literal, SemanticModel? model, PriceRole role, PriceUnit unit, decimal value, string modelId, bool runtimeMatches)
        {
            var text = literal.Token.Text;
            var member = runtimeMatches && model != null && !ConstantContexts.IsConstantRequired(literal) ? RuntimeMember(model.Compilation, modelId) : null;
            if (member == null)
            {
                return SyntaxFactory.ParseExpression(FormatLiteral(value, text));
            }

            var price = "global::DeepSeek.Runtime.DeepSeekPricing." + member + ".Peak." + role;
            switch (unit)
            {
                case PriceUnit.PerThousandTokens:
                    price = "(" + price + " / 1000m)";
                    break;
                case PriceUnit.PerToken:
                    price = "(" + price + " / 1_000_000m)";
                    break;
            }

            switch (Suffix(text))
            {
                case 'm':
                    break;
                case 'f':
                    price = "(float)" + price;
                    break;
                default:
                    price = "(double)" + price;
                    break;
            }

            var expression = SyntaxFactory.ParseExpression(price);
            if (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            return expression.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
        }

        /// <summary>
        /// The <c>DeepSeekPricing</c> member for a model: named like the <c>DeepSeekModels</c> constant whose value is the
        /// model id (<c>Flash</c>, <c>V4Pro</c>), when the referenced runtime has both.
        /// </summary>
        private static string? RuntimeMember(Compilation compilation, string modelId)
        {
            var pricing = compilation.GetTypeByMetadataName(MetadataNames.RuntimePricing);
            var models = compilation.GetTypeByMetadataName(MetadataNames.RuntimeModels);
            if (pricing == null || models == null)
            {
                return null;
            }

            foreach (var constant in models.GetMembers())
            {
                if (constant is IFieldSymbol field && field.IsConst && field.ConstantValue is string id && string.Equals(id, modelId, StringComparison.Ordinal))
                {
                    foreach (var candidate in pricing.GetMembers(field.Name))
                    {
                        if (candidate.IsStatic && candidate.DeclaredAccessibility == Accessibility.Public
                            && (candidate is IFieldSymbol || candidate is IPropertySymbol))
                        {
                            return field.Name;
                        }
                    }
                }
            }

            return null;
        }

        /// <summary>'m', 'f', 'd' or '\0': the literal's type suffix, lower-cased.</summary>
        private static char Suffix(string text)
        {
            var last = text.Length == 0 ? '\0' : char.ToLowerInvariant(text[text.Length - 1]);
            return last == 'm' || last == 'f' || last == 'd' ? last : '\0';
        }

        /// <summary>
        /// <paramref name="value"/> written like <paramref name="original"/>: the same suffix (case kept) and up to two of its
        /// decimal places (<c>1.10m</c> → <c>1.20m</c>), always with a point so a <c>double</c> stays a <c>double</c>.
        /// </summary>
        internal static string FormatLiteral(decimal value, string original)
        {
            var suffix = Suffix(original) == '\0' ? string.Empty : original.Substring(original.Length - 1);
            var body = original.Substring(0, original.Length - suffix.Length);
            var places = 0;
            var point = body.IndexOf('.');
            if (point >= 0 && body.IndexOfAny(new[] { 'e', 'E' }) < 0)
            {
                for (var i = point + 1; i < body.Length; i++)
                {
                    if (body[i] >= '0' && body[i] <= '9')
                    {
                        places++;
                    }
                }
            }

            // Cents stay cents (1.10m → 1.20m); a point is always written, so a double stays a double.
            var wanted = Math.Max(Math.Min(places, 2), 1);
            var text = value.ToString("0.############################", CultureInfo.InvariantCulture);
            var current = text.IndexOf('.') < 0 ? 0 : text.Length - text.IndexOf('.') - 1;
            if (current < wanted)
            {
                text += (current == 0 ? "." : string.Empty) + new string('0', wanted - current);
            }

            return text + suffix;
        }
    }
}
