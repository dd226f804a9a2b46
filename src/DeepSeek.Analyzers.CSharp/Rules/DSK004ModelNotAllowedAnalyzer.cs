using System;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK004: a current catalog model id outside <c>deepseek_analyzers.allowed_models</c> (default: V4 Flash only, so
    /// V4 Pro needs approval). Catalog ids are DeepSeek's own, so no further evidence is needed; a client provably on
    /// another host is left alone. Retired aliases are DSK002's alone.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK004ModelNotAllowedAnalyzer : DeepSeekAnalyzer
    {
        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK004_ModelNotAllowed);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            context.RegisterOperationAction(c => AnalyzeLiteral(c, deepSeek), OperationKind.Literal);
            context.RegisterOperationAction(c => AnalyzeInterpolatedString(c, deepSeek), OperationKind.InterpolatedString);
            if (deepSeek.Types.RuntimeModels != null)
            {
                context.RegisterOperationAction(c => AnalyzeRuntimeConstant(c, deepSeek), OperationKind.FieldReference);
            }
        }

        /// <summary>
        /// <c>DeepSeekModels.V4Pro</c>: the literal lives in DeepSeek.Runtime, so the use is reported at the reference. A
        /// project's own constants are not: their literal is reported where it is declared.
        /// </summary>
        private static void AnalyzeRuntimeConstant(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!(reference.ConstantValue.Value is string value)
                || !SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, deepSeek.Types.RuntimeModels)
                || deepSeek.Catalog.FindModel(value) == null || deepSeek.Catalog.FindAlias(value) != null)
            {
                return;
            }

            var options = deepSeek.Options.Get(reference.Syntax.SyntaxTree);
            var model = reference.SemanticModel;
            if (options.IsAllowedModel(value) || model == null
                || ModelIdPositions.IsComparisonOrLookup(reference.Syntax, model, deepSeek.Types, context.CancellationToken)
                || (deepSeek.Evidence.TryGetModelIdBinding(reference, context.CancellationToken, out var binding)
                    && binding == DeepSeekBinding.OtherHost))
            {
                return;
            }

            Report(context, reference.Syntax, value, options);
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (ILiteralOperation)context.Operation;
            if (!(operation.ConstantValue.Value is string value) || !(operation.Syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            var catalog = deepSeek.Catalog;
            if (catalog.FindModel(value) != null)
            {
                // An id that is both (an alias added by deepseek.catalog.json) is DSK002's.
                if (catalog.FindAlias(value) != null)
                {
                    return;
                }

                var options = deepSeek.Options.Get(literal.SyntaxTree);
                var model = operation.SemanticModel;
                if (options.IsAllowedModel(value) || model == null
                    || ModelIdPositions.IsComparisonOrLookup(literal, model, deepSeek.Types, context.CancellationToken)
                    || (deepSeek.Evidence.TryGetModelIdBinding(operation, context.CancellationToken, out var binding)
                        && binding == DeepSeekBinding.OtherHost))
                {
                    return;
                }

                Report(context, literal, value, options);
                return;
            }

            AnalyzeJson(context, deepSeek, operation, value);
        }

        /// <summary>JSON built with interpolation (<c>$"{{\"model\": \"deepseek-v4-pro\", …}}"</c>): reported at the string.</summary>
        private static void AnalyzeInterpolatedString(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IInterpolatedStringOperation)context.Operation;
            foreach (var part in operation.Parts)
            {
                if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string value
                    && AnalyzeJson(context, deepSeek, operation, value))
                {
                    return;
                }
            }
        }

        /// <summary>JSON text: <c>"model": "deepseek-v4-pro"</c>. True when a diagnostic was reported.</summary>
        private static bool AnalyzeJson(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek, IOperation operation, string value)
        {
            // The cheap tests come first; most strings stop here.
            if (value.IndexOf(':') < 0 || value.IndexOf('"') < 0)
            {
                return false;
            }

            var catalog = deepSeek.Catalog;
            foreach (var current in catalog.Models)
            {
                // Model ids compare exactly: "DeepSeek-V4-Pro" is another host's name.
                var index = JsonModelText.IndexOfModelValue(value, current.Id, "\"");
                if (index >= 0 && string.CompareOrdinal(value, index, current.Id, 0, current.Id.Length) == 0)
                {
                    var options = deepSeek.Options.Get(operation.Syntax.SyntaxTree);
                    if (!options.IsAllowedModel(current.Id) && catalog.FindAlias(current.Id) == null && !JsonModelText.IsResponseBody(value)
                        && deepSeek.Evidence.DestinationOfRequest(operation, context.CancellationToken) != DeepSeekBinding.OtherHost)
                    {
                        Report(context, operation.Syntax, current.Id, options);
                        return true;
                    }
                }
            }

            return false;
        }

        private static void Report(OperationAnalysisContext context, SyntaxNode node, string id, DeepSeekOptions options)
            => context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK004_ModelNotAllowed,
                node.GetLocation(),
                id,
                options.AllowedModels.IsDefaultOrEmpty ? "none" : string.Join(", ", options.AllowedModels)));
    }
}
