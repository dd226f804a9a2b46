using System;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK003: a <c>deepseek-…</c> model id the catalog does not know (<c>deepseek-coder</c>, <c>deepseek-v3</c>,
    /// <c>deepseek-r1</c>, typos) sent to a DeepSeek-bound client or request. Unlike the retired aliases these names
    /// are valid on other hosts, so the rule needs DeepSeek evidence; other hosts' spellings (<c>deepseek/…</c>,
    /// <c>DeepSeek-R1</c>, <c>…:7b</c>) are never candidates.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK003UnknownModelIdAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Diagnostic property: the id as written.</summary>
        public const string ModelIdProperty = "ModelId";

        /// <summary>Diagnostic property: the id the fix writes.</summary>
        public const string ReplacementProperty = "Replacement";

        /// <summary>Diagnostic property: "Json" when the id is a model value inside JSON text.</summary>
        public const string ShapeProperty = "Shape";

        public const string JsonShape = "Json";

        /// <summary>Edit distance up to which an unknown id is taken for a typo of the nearest current id.</summary>
        internal const int TypoDistance = 2;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK003_UnknownModelId);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            context.RegisterOperationAction(c => AnalyzeLiteral(c, deepSeek), OperationKind.Literal);
            context.RegisterOperationAction(c => AnalyzeInterpolatedString(c, deepSeek), OperationKind.InterpolatedString);
        }

        /// <summary>JSON built with interpolation (<c>$"{{\"model\": \"deepseek-v3\", \"messages\": {json}}}"</c>): reported at the string.</summary>
        private static void AnalyzeInterpolatedString(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IInterpolatedStringOperation)context.Operation;
            foreach (var part in operation.Parts)
            {
                if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string value
                    && value.IndexOf(DeepSeekCatalog.ModelPrefix, StringComparison.Ordinal) > 0 && value.IndexOf(':') > 0)
                {
                    if (AnalyzeJson(context, deepSeek, operation, value))
                    {
                        return;
                    }
                }
            }
        }

        private static void AnalyzeLiteral(OperationAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (ILiteralOperation)context.Operation;
            if (!(operation.ConstantValue.Value is string value) || value.Length <= DeepSeekCatalog.ModelPrefix.Length
                || !(operation.Syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            if (value.StartsWith(DeepSeekCatalog.ModelPrefix, StringComparison.Ordinal))
            {
                AnalyzeWholeValue(context, deepSeek, operation, literal, value);
            }
            else if (value.IndexOf(DeepSeekCatalog.ModelPrefix, StringComparison.Ordinal) > 0 && value.IndexOf(':') > 0)
            {
                AnalyzeJson(context, deepSeek, operation, value);
            }
        }

        private static void AnalyzeWholeValue(
            OperationAnalysisContext context,
            DeepSeekCompilationContext deepSeek,
            ILiteralOperation operation,
            LiteralExpressionSyntax literal,
            string value)
        {
            var options = deepSeek.Options.Get(literal.SyntaxTree);
            if (!IsUnknownId(value, 0, value.Length, deepSeek.Catalog, options))
            {
                return;
            }

            var model = operation.SemanticModel;
            if (model == null
                || ModelIdPositions.IsComparisonOrLookup(literal, model, deepSeek.Types, context.CancellationToken)
                || ModelIdPositions.IsInMigrationElement(
                    literal,
                    model,
                    id => ModelIdPositions.IsCurrentModelId(id, deepSeek.Catalog, options.TargetModel),
                    context.CancellationToken)
                || !deepSeek.Evidence.IsDeepSeekModelId(operation, options, context.CancellationToken))
            {
                return;
            }

            Report(context, deepSeek, options, literal, value, shape: null);
        }

        /// <summary>Reports the first unknown JSON model value of <paramref name="value"/>; true when the text had a candidate.</summary>
        private static bool AnalyzeJson(
            OperationAnalysisContext context,
            DeepSeekCompilationContext deepSeek,
            IOperation operation,
            string value)
        {
            var options = deepSeek.Options.Get(operation.Syntax.SyntaxTree);
            var index = 0;
            while (true)
            {
                index = JsonModelText.IndexOfModelValueWithPrefix(value, DeepSeekCatalog.ModelPrefix, "\"", index, out var length);
                if (index < 0)
                {
                    return false;
                }

                if (IsUnknownId(value, index, length, deepSeek.Catalog, options))
                {
                    // A JSON body is a request: its binding is where it is sent (or its method's / type's evidence).
                    if (!JsonModelText.IsResponseBody(value) && deepSeek.Evidence.IsDeepSeekRequest(operation, options, context.CancellationToken))
                    {
                        Report(context, deepSeek, options, operation.Syntax, value.Substring(index, length), JsonShape);
                    }

                    return true;
                }

                index += length;
            }
        }

        /// <summary>
        /// A candidate: <c>deepseek-</c> + lowercase id characters (so <c>deepseek-r1:7b</c>, <c>deepseek/…</c> and prose are
        /// not), and neither a catalog id or alias nor a model the options name (target, allowlist).
        /// </summary>
        private static bool IsUnknownId(string text, int start, int length, EffectiveCatalog catalog, DeepSeekOptions options)
        {
            if (length <= DeepSeekCatalog.ModelPrefix.Length || length > 64)
            {
                return false;
            }

            for (var i = start + DeepSeekCatalog.ModelPrefix.Length; i < start + length; i++)
            {
                var c = text[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            var id = start == 0 && length == text.Length ? text : text.Substring(start, length);
            return !catalog.IsCatalogId(id)
                   && !string.Equals(id, options.TargetModel, StringComparison.Ordinal)
                   && !options.IsAllowedModel(id);
        }

        private static void Report(
            OperationAnalysisContext context,
            DeepSeekCompilationContext deepSeek,
            DeepSeekOptions options,
            SyntaxNode node,
            string id,
            string? shape)
        {
            var replacement = ChooseReplacement(id, deepSeek.Catalog, options.TargetModel, out var reason);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(ModelIdProperty, id);
            properties.Add(ReplacementProperty, replacement);
            if (shape != null)
            {
                properties.Add(ShapeProperty, shape);
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK003_UnknownModelId,
                node.GetLocation(),
                properties.ToImmutable(),
                id,
                reason,
                replacement));
        }

        /// <summary>
        /// A typo gets the nearest current id (edit distance ≤ <see cref="TypoDistance"/>); a retired or marketing name
        /// gets the target model — the nearest id by spelling (deepseek-r1 → deepseek-v4-pro) would pick a model
        /// by its letters, not by what the code needs.
        /// </summary>
        internal static string ChooseReplacement(string id, EffectiveCatalog catalog, string targetModel, out string reason)
        {
            foreach (var family in DeepSeekCatalog.NonApiModelFamilies)
            {
                if (id.StartsWith(family.Prefix, StringComparison.Ordinal))
                {
                    reason = family.Reason;
                    return targetModel;
                }
            }

            string? closest = null;
            var best = int.MaxValue;
            foreach (var model in catalog.Models)
            {
                var distance = EditDistance(id, model.Id);
                if (distance < best)
                {
                    best = distance;
                    closest = model.Id;
                }
            }

            if (closest != null && best <= TypoDistance)
            {
                reason = "a likely typo";
                return closest;
            }

            reason = "not in the model catalog";
            return targetModel;
        }

        /// <summary>Levenshtein distance; runs only when a diagnostic is reported.</summary>
        internal static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
