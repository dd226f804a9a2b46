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
            if (operation.ConstantValue.Value is string value)
            {
                AnalyzeString(context, deepSeek, operation.Syntax, value);
            }
        }

        private static void AnalyzeUtf8String(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IUtf8StringOperation)context.Operation;
            if (operation.Value != null)
            {
                AnalyzeString(context, deepSeek, operation.Syntax, operation.Value);
            }
        }

        private static void AnalyzeString(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek, SyntaxNode syntax, string value)
        {
            var catalog = deepSeek.Catalog;

            // The shortest alias is a cheap filter: anything shorter cannot be (or contain) one. Aliases added by
            // deepseek.catalog.json need not start with "deepseek-", so the prefix is not a filter.
            if (value.Length < catalog.MinAliasLength || !(syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            var alias = catalog.FindAlias(value);
            if (alias != null)
            {
                AnalyzeWholeValue(context, deepSeek, literal, value, alias);
                return;
            }

            var json = FindJsonAlias(catalog, value);
            if (json != null && !JsonModelText.IsResponseBody(value) && !IsForAnotherHost(context, deepSeek))
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
                    id => ModelIdPositions.IsCurrentModelId(id, deepSeek.Catalog, options.TargetModel),
                    context.CancellationToken))
            {
                return;
            }

            // A gateway on another host (a local proxy, OpenRouter, Azure) may still serve the old name: api.deepseek.com
            // rules do not apply to a client whose endpoint is provably elsewhere.
            if (deepSeek.Evidence.TryGetModelIdBinding(context.Operation, context.CancellationToken, out var binding)
                && binding == DeepSeekBinding.OtherHost)
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
                    && value.Length >= deepSeek.Catalog.MinAliasLength)
                {
                    var alias = FindJsonAlias(deepSeek.Catalog, value);
                    if (alias != null)
                    {
                        if (!JsonModelText.IsResponseBody(value) && !IsForAnotherHost(context, deepSeek))
                        {
                            Report(context, deepSeek, operation.Syntax, alias.Alias, alias, JsonShape);
                        }

                        return;
                    }
                }
            }
        }

        /// <summary>A JSON body posted to a gateway on another host (as for a client there, api.deepseek.com rules do not apply).</summary>
        private static bool IsForAnotherHost(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
            => deepSeek.Evidence.DestinationOfRequest(context.Operation, context.CancellationToken) == DeepSeekBinding.OtherHost;

        private static CatalogAlias? FindJsonAlias(EffectiveCatalog catalog, string value)
        {
            // Cheap test first: JSON text holds a quote and a colon.
            if (value.IndexOf(':') < 0 || value.IndexOf('"') < 0)
            {
                return null;
            }

            foreach (var alias in catalog.Aliases)
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
