using System.Collections.Immutable;
using System.Globalization;
using System.IO;
using System.Threading;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK005: a numeric literal equal to a price DeepSeek no longer bills, for its role (cache-hit input, cache-miss input,
    /// output), where the declaration names a price and the code is DeepSeek's. Reported at the literal (for
    /// <c>0.27 / 1_000_000</c>, at <c>0.27</c>); the diagnostic carries the current peak price that replaces it.
    /// </summary>
    /// <remarks>
    /// Numeric literals are everywhere, so the order is the point: the literal's text against the legacy values of the
    /// catalog (no allocation, no semantic model), then the names around the few that match, then the per-file gate, and
    /// only then DeepSeek evidence.
    /// </remarks>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK005LegacyPricingConstantAnalyzer : DeepSeekAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK005_LegacyPricingConstant);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var values = LegacyPriceValues.For(deepSeek.Catalog);
            if (values.Count == 0)
            {
                return;
            }

            // A literal-operation action, not a syntax-node one: the driver hands over the literals of the operation trees
            // it builds anyway, where a syntax-node action makes it walk every node of every declaration for this rule.
            // Only in files that may hold DeepSeek evidence: a price counts only in DeepSeek code, whose names or evidence
            // are text the gate finds.
            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file => file.RegisterOperationAction(c => Analyze(c, deepSeek, values), OperationKind.Literal));
        }

        private static void Analyze(GatedOperationContext context, DeepSeekCompilationContext deepSeek, LegacyPriceValues values)
        {
            var syntax = context.Operation.Syntax;
            if (syntax.RawKind != (int)SyntaxKind.NumericLiteralExpression)
            {
                return;
            }

            var literal = (LiteralExpressionSyntax)syntax;
            var match = values.Match(literal.Token.Text);
            if (match == null || context.Operation.SemanticModel is not { } model)
            {
                return;
            }

            var slot = PriceSlots.Read(literal, model, context.CancellationToken);
            if (!slot.IsPrice || !match.IsLegacyFor(slot.Role, out var legacy, out var unit, out var fixable)
                || !IsDeepSeekCode(literal, context.Operation, slot, deepSeek, context.CancellationToken))
            {
                return;
            }

            var role = slot.Role ?? legacy!.Role;
            var properties = ImmutableDictionary<string, string?>.Empty;
            var replacement = string.Empty;
            var current = fixable ? deepSeek.Catalog.FindPrice(legacy!.ReplacedBy) : null;
            if (current != null)
            {
                var currentModel = deepSeek.Catalog.CurrentIdFor(legacy!.ReplacedBy);
                var value = LegacyPriceValues.InUnit(current.Peak.For(role), unit);
                properties = LegacyPriceDiagnostic.Create(role, unit, value, currentModel, current.Peak.For(role) == EffectiveCatalog.Base.FindPrice(currentModel)?.Peak.For(role));
                replacement = string.Format(
                    CultureInfo.InvariantCulture,
                    "; today's {0} {1} price is {2} at peak hours (off-peak is half)",
                    currentModel,
                    LegacyPriceDiagnostic.RoleText(role),
                    value.ToString(CultureInfo.InvariantCulture));
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK005_LegacyPricingConstant,
                literal.GetLocation(),
                properties,
                literal.Token.Text,
                legacy!.Generation,
                slot.Role.HasValue || fixable ? LegacyPriceDiagnostic.RoleText(role) : "legacy",
                LegacyPriceDiagnostic.UnitText(unit),
                replacement));
        }

        /// <summary>
        /// A DeepSeek name on the way to the declaration, around it (types, member, namespace) or in the file name; else the
        /// evidence of the member and type around the literal, or of any code in its file.
        /// </summary>
        private static bool IsDeepSeekCode(
            LiteralExpressionSyntax literal, IOperation operation, PriceSlot slot, DeepSeekCompilationContext deepSeek, CancellationToken cancellationToken)
        {
            if (slot.SaysDeepSeek || PriceNames.SaysDeepSeek(Path.GetFileName(literal.SyntaxTree.FilePath)))
            {
                return true;
            }

            foreach (var node in literal.Ancestors())
            {
                var name = node switch
                {
                    BaseTypeDeclarationSyntax type => type.Identifier.ValueText,
                    MethodDeclarationSyntax method => method.Identifier.ValueText,
                    PropertyDeclarationSyntax property => property.Identifier.ValueText,
                    LocalFunctionStatementSyntax function => function.Identifier.ValueText,
                    BaseNamespaceDeclarationSyntax ns => ns.Name.ToString(),
                    _ => null,
                };
                if (name != null && PriceNames.SaysDeepSeek(name))
                {
                    return true;
                }
            }

            return deepSeek.Evidence.BindingOfContainingCode(operation, cancellationToken) == DeepSeekBinding.Bound
                   || deepSeek.Evidence.FileHasEvidence(operation, cancellationToken);
        }
    }
}
