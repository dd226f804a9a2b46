using System;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK002: <c>deepseek-chat</c> / <c>deepseek-reasoner</c> used as a model id. The aliases are DeepSeek-specific, so no
    /// further evidence is needed; comparisons and migration tables (alias beside a current id) are not use.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK002RetiredModelAliasAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Diagnostic property: the alias as written.</summary>
        public const string AliasProperty = "Alias";

        /// <summary>Diagnostic property: the model the fix writes (<c>deepseek_analyzers.target_model</c>).</summary>
        public const string TargetModelProperty = "TargetModel";

        /// <summary>Diagnostic property: "true" when the alias ran without thinking, so the fix disables it where it can.</summary>
        public const string DisableThinkingProperty = "DisableThinking";

        /// <summary>Diagnostic property: "Json" when the alias is a model value inside JSON text.</summary>
        public const string ShapeProperty = "Shape";

        public const string JsonShape = "Json";

        // The shortest alias; anything shorter cannot be (or contain) one.
        private static readonly int MinLength = Math.Min(DeepSeekCatalog.ChatAlias.Length, DeepSeekCatalog.ReasonerAlias.Length);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK002_RetiredModelAlias);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            context.RegisterOperationAction(c => AnalyzeLiteral(c, deepSeek), OperationKind.Literal);
            context.RegisterOperationAction(c => AnalyzeInterpolatedString(c, deepSeek), OperationKind.InterpolatedString);
            context.RegisterOperationAction(c => AnalyzeUtf8String(c, deepSeek), OperationKind.Utf8String);
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (ILiteralOperation)context.Operation;
            if (!(operation.ConstantValue.Value is string value) || value.Length < MinLength
                || value.IndexOf(DeepSeekCatalog.ModelPrefix, StringComparison.OrdinalIgnoreCase) < 0
                || !(operation.Syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            var alias = DeepSeekCatalog.FindAlias(value);
            if (alias != null)
            {
                AnalyzeWholeValue(context, deepSeek, literal, value, alias);
                return;
            }

            var json = FindJsonAlias(value);
            if (json != null)
            {
                Report(context, deepSeek, literal, json.Alias, json, JsonShape);
            }
        }

        private static void AnalyzeUtf8String(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IUtf8StringOperation)context.Operation;
            var value = operation.Value;
            if (value == null || value.Length < MinLength
                || value.IndexOf(DeepSeekCatalog.ModelPrefix, StringComparison.OrdinalIgnoreCase) < 0
                || !(operation.Syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            var alias = DeepSeekCatalog.FindAlias(value);
            if (alias != null)
            {
                AnalyzeWholeValue(context, deepSeek, literal, value, alias);
                return;
            }

            var json = FindJsonAlias(value);
            if (json != null)
            {
                Report(context, deepSeek, literal, json.Alias, json, JsonShape);
            }
        }

        private static void AnalyzeWholeValue(
            OperationAnalysisContext context,
            DeepSeekCompilationContext deepSeek,
            LiteralExpressionSyntax literal,
            string value,
            CatalogAlias alias)
        {
            var model = context.Operation.SemanticModel;
            if (model == null
                || ModelIdPositions.IsComparisonOrLookup(literal, model, deepSeek.Types, context.CancellationToken))
            {
                return;
            }

            var options = deepSeek.Options.Get(literal.SyntaxTree);
            if (ModelIdPositions.IsInMigrationElement(
                    literal,
                    model,
                    id => ModelIdPositions.IsCurrentModelId(id, options.TargetModel),
                    context.CancellationToken))
            {
                return;
            }

            Report(context, deepSeek, literal, value, alias, shape: null);
        }

        private static void AnalyzeInterpolatedString(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IInterpolatedStringOperation)context.Operation;
            foreach (var part in operation.Parts)
            {
                if (part is IInterpolatedStringTextOperation text
                    && text.Text.ConstantValue.Value is string value
                    && value.Length >= MinLength)
                {
                    var alias = FindJsonAlias(value);
                    if (alias != null)
                    {
                        Report(context, deepSeek, operation.Syntax, alias.Alias, alias, JsonShape);
                        return;
                    }
                }
            }
        }

        private static CatalogAlias? FindJsonAlias(string value)
        {
            foreach (var alias in DeepSeekCatalog.Aliases)
            {
                if (JsonModelText.IndexOfModelValue(value, alias.Alias, "\"") >= 0)
                {
                    return alias;
                }
            }

            return null;
        }

        private static void Report(
            OperationAnalysisContext context,
            DeepSeekCompilationContext deepSeek,
            SyntaxNode node,
            string written,
            CatalogAlias alias,
            string? shape)
        {
            var options = deepSeek.Options.Get(node.SyntaxTree);
            var disableThinking = !alias.Thinking;
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(AliasProperty, alias.Alias);
            properties.Add(TargetModelProperty, options.TargetModel);
            properties.Add(DisableThinkingProperty, disableThinking ? "true" : "false");
            if (shape != null)
            {
                properties.Add(ShapeProperty, shape);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK002_RetiredModelAlias,
                node.GetLocation(),
                properties.ToImmutable(),
                written,
                options.TargetModel,
                disableThinking ? " with thinking disabled (V4 thinks by default)" : string.Empty));
        }
    }
}
