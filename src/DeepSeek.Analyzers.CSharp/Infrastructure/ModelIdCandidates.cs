using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The strings of a file that may hold a model id, found once per file for all four model-id rules (DSK002, DSK003,
    /// DSK004, DSK011): string literals (UTF-8 too) that are a catalog id or alias or start with <c>deepseek-</c>, literals
    /// and interpolated strings whose text has a JSON <c>"model"</c> value, and references to DeepSeek.Runtime's model
    /// constants. Every rule's own candidate test (<see cref="ModelIdAnalyzer"/>) implies <see cref="MayBeModelId"/>, so
    /// the selection never hides a candidate from a rule; each rule then classifies only these few operations.
    /// </summary>
    internal sealed class ModelIdCandidates : OperationSelection
    {
        private const string JsonQuote = "\"";

        internal static readonly OperationKind[] CandidateKinds =
        {
            OperationKind.Literal, OperationKind.Utf8String, OperationKind.InterpolatedString, OperationKind.FieldReference,
        };

        private readonly EffectiveCatalog _catalog;
        private readonly WellKnownTypes _types;

        public ModelIdCandidates(EffectiveCatalog catalog, WellKnownTypes types)
        {
            _catalog = catalog;
            _types = types;
        }

        /// <summary>The union of the model-id rules' candidate tests: a catalog id or alias (any case), or <c>deepseek-…</c>.</summary>
        public static bool MayBeModelId(string value, EffectiveCatalog catalog)
            => value.StartsWith(Catalog.DeepSeekCatalog.ModelPrefix, StringComparison.Ordinal) || catalog.IsCatalogId(value);

        /// <summary>Text with a JSON <c>"model": "…"</c> value (a quote and a colon first: most strings stop there).</summary>
        public static bool MayHoldJsonModel(string value)
            => value.IndexOf(':') >= 0 && value.IndexOf('"') >= 0 && JsonModelText.NextModelValue(value, JsonQuote, 0, out _) >= 0;

        protected override IReadOnlyList<OperationKind> Kinds => CandidateKinds;

        /// <summary>
        /// The text of a string literal or a UTF-8 literal as written (not a text part of an interpolated string), or null.
        /// </summary>
        public static string? LiteralText(IOperation operation)
        {
            if (!(operation.Syntax is LiteralExpressionSyntax))
            {
                return null;
            }

            switch (operation)
            {
                // The type first: reading ConstantValue boxes a number on every call, and most literals are numbers.
                case ILiteralOperation literal when literal.Type?.SpecialType == SpecialType.System_String:
                    return literal.ConstantValue.Value as string;
                case IUtf8StringOperation utf8:
                    return utf8.Value;
                default:
                    return null;
            }
        }

        protected override bool Selects(CodeBlock block, int index)
        {
            switch ((OperationKind)block.Kinds[index])
            {
                case OperationKind.Literal:
                case OperationKind.Utf8String:
                    return LiteralText(block.Operations[index]) is { } value
                        && (MayBeModelId(value, _catalog) || MayHoldJsonModel(value));
                case OperationKind.InterpolatedString:
                    foreach (var part in ((IInterpolatedStringOperation)block.Operations[index]).Parts)
                    {
                        if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string textValue
                            && MayHoldJsonModel(textValue))
                        {
                            return true;
                        }
                    }

                    return false;
                case OperationKind.FieldReference:
                    return block.Operations[index] is IFieldReferenceOperation reference && _types.RuntimeModels is { } runtimeModels
                        && SymbolEqualityComparer.Default.Equals(reference.Field.ContainingType, runtimeModels)
                        && reference.ConstantValue.Value is string;
                default:
                    return false;
            }
        }
    }
}
