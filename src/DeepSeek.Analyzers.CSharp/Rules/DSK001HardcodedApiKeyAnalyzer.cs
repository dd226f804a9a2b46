using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK001: a hard-coded API key. DeepSeek-shaped keys (<c>sk-</c> + 32 hex) are reported wherever a string constant
    /// holds one; other secrets only where they reach an API-key sink of a DeepSeek-bound client or a holder whose name
    /// says DeepSeek + key, since a random-looking string alone is no evidence of a secret.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed partial class DSK001HardcodedApiKeyAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Diagnostic property: <c>deepseek_analyzers.api_key_variable</c> for the fix.</summary>
        public const string ApiKeyVariableProperty = "ApiKeyVariable";

        /// <summary>Diagnostic property: <c>deepseek_analyzers.api_key_configuration_key</c> for the fix.</summary>
        public const string ApiKeyConfigurationKeyProperty = "ApiKeyConfigurationKey";

        /// <summary>Diagnostic property: <see cref="ShapeKind"/> or <see cref="SecretKind"/>.</summary>
        public const string KindProperty = "Kind";

        /// <summary>The string holds DeepSeek-shaped keys; the fix replaces each of them.</summary>
        public const string ShapeKind = "Shape";

        /// <summary>The whole value (after an optional <c>Bearer </c> scheme) is a secret; the fix replaces it.</summary>
        public const string SecretKind = "Secret";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK001_HardcodedApiKey);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            // A secret that is not DeepSeek-shaped needs DeepSeek evidence; a DeepSeek-shaped key is evidence text itself or,
            // built by concatenation, spells the key prefix: files without either are not looked at.
            var reported = new ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool>();
            var identifiers = new ConcurrentDictionary<SyntaxTree, Dictionary<string, List<IdentifierNameSyntax>>>();
            GatedFiles.Register(context, deepSeek.Gate.MayHoldKey, file =>
            {
                file.RegisterOperationAction(c => AnalyzeLiteral(c, deepSeek), OperationKind.Literal);
                file.RegisterOperationAction(c => AnalyzeUtf8String(c, deepSeek), OperationKind.Utf8String);
                file.RegisterOperationAction(c => AnalyzeInterpolatedString(c, deepSeek), OperationKind.InterpolatedString);
                file.RegisterOperationAction(c => AnalyzeConcatenation(c, deepSeek), OperationKind.Binary);

                // A secret that is not DeepSeek-shaped needs DeepSeek evidence, which a file without any cannot give: its
                // sinks and holders are not looked at.
                if (!deepSeek.Gate.MayHoldEvidence(file.Tree, file.CancellationToken))
                {
                    return;
                }

                // A non-DeepSeek-shaped secret can be reached from several sinks and holders: each value is reported once
                // (reported); per file, the identifiers by name are built once, the first time a member initialiser holds a secret.
                var options = deepSeek.Options.Get(file.Tree);
                file.RegisterOperationAction(
                    c => AnalyzeSink(c, deepSeek, options, reported),
                    OperationKind.ObjectCreation,
                    OperationKind.Invocation,
                    OperationKind.SimpleAssignment);
                file.RegisterOperationAction(
                    c => AnalyzeNamedHolder(c, deepSeek, reported, identifiers),
                    OperationKind.FieldInitializer,
                    OperationKind.PropertyInitializer,
                    OperationKind.ParameterInitializer,
                    OperationKind.VariableDeclarator,
                    OperationKind.SimpleAssignment,
                    OperationKind.Return);
            });

            // A project without appsettings files registers nothing for them.
            if (AppSettingsFile.AnyIn(context.Options.AdditionalFiles))
            {
                context.RegisterAdditionalFileAction(c => AnalyzeAppSettings(c, deepSeek));
            }
        }

        private static void AnalyzeLiteral(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (ILiteralOperation)context.Operation;

            // Text parts of interpolated strings are literals too; the interpolated string reports them once. The syntax is
            // asked first: reading ConstantValue boxes a number on every call, and most literals are numbers.
            if (!(operation.Syntax is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression))
            {
                return;
            }

            var value = literal.Token.ValueText;
            if (value.Length < SecretText.KeyLength)
            {
                return;
            }

            var index = SecretText.IndexOfRealKey(value);
            if (index >= 0 && !IsInConstantConcatenation(operation))
            {
                ReportKey(context, deepSeek, literal, value, index);
            }
        }

        private static void AnalyzeUtf8String(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IUtf8StringOperation)context.Operation;
            var value = operation.Value;
            if (value != null && value.Length >= SecretText.KeyLength)
            {
                var index = SecretText.IndexOfRealKey(value);
                if (index >= 0)
                {
                    ReportKey(context, deepSeek, operation.Syntax, value, index);
                }
            }
        }

        private static void AnalyzeInterpolatedString(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IInterpolatedStringOperation)context.Operation;
            if (IsInConstantConcatenation(operation))
            {
                return;
            }

            foreach (var part in operation.Parts)
            {
                if (part is IInterpolatedStringTextOperation text
                    && text.Text.ConstantValue.Value is string value
                    && value.Length >= SecretText.KeyLength)
                {
                    var index = SecretText.IndexOfRealKey(value);
                    if (index >= 0)
                    {
                        ReportKey(context, deepSeek, operation.Syntax, value, index);
                        return;
                    }
                }
            }
        }

        /// <summary>
        /// The outermost constant concatenation (<c>"sk-" + "…"</c>, <c>"Bearer " + Key</c>) is one construct: reported at its
        /// start, once, unless every key in it is carried whole by a referenced constant, which is reported where it is declared.
        /// </summary>
        private static void AnalyzeConcatenation(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IBinaryOperation)context.Operation;
            if (operation.OperatorKind != BinaryOperatorKind.Add
                || operation.Type?.SpecialType != SpecialType.System_String
                || !(operation.ConstantValue.Value is string value)
                || value.Length < SecretText.KeyLength
                || IsInConstantConcatenation(operation))
            {
                return;
            }

            var index = SecretText.IndexOfRealKey(value);
            while (index >= 0)
            {
                if (!IsInsideReferencedConstant(operation, index, index + SecretText.KeyLength))
                {
                    ReportKey(context, deepSeek, operation.Syntax, value, index);
                    return;
                }

                index = SecretText.IndexOfRealKey(value, index + SecretText.KeyLength);
            }
        }

        private static bool IsInConstantConcatenation(IOperation operation)
        {
            var parent = operation.ParentThroughConversions(out _);
            return parent is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && binary.ConstantValue.Value is string;
        }

        /// <summary>True when [start, end) of the concatenation's value lies inside one operand that is not written here (a constant's name).</summary>
        private static bool IsInsideReferencedConstant(IBinaryOperation concatenation, int start, int end)
        {
            var offset = 0;
            return FindCarrier(concatenation, start, end, ref offset) == Carrier.Reference;
        }

        private enum Carrier
        {
            NotYet,
            Literal,
            Reference,
            Unknown,
        }

        private static Carrier FindCarrier(IOperation operation, int start, int end, ref int offset)
        {
            operation = operation.WithoutConversions();

            if (operation is IBinaryOperation binary && binary.OperatorKind == BinaryOperatorKind.Add && binary.ConstantValue.Value is string)
            {
                var left = FindCarrier(binary.LeftOperand, start, end, ref offset);
                return left != Carrier.NotYet ? left : FindCarrier(binary.RightOperand, start, end, ref offset);
            }

            var constant = operation.ConstantValue;
            if (!constant.HasValue || (constant.Value != null && !(constant.Value is string)))
            {
                return Carrier.Unknown;
            }

            var length = constant.Value is string text ? text.Length : 0;
            var partStart = offset;
            offset += length;
            if (start >= offset)
            {
                return Carrier.NotYet;
            }

            var whole = start >= partStart && end <= offset;
            var written = operation is ILiteralOperation || operation is IInterpolatedStringOperation;
            return whole && !written ? Carrier.Reference : Carrier.Literal;
        }

        private static void ReportKey(GatedOperationContext context, DeepSeekCompilationContext deepSeek, SyntaxNode node, string value, int index)
        {
            var masked = DeepSeekCatalog.MaskKey(value.Substring(index, SecretText.KeyLength));
            Report(context.ReportDiagnostic, deepSeek, node, masked, ShapeKind, string.Empty);
        }

        private static void Report(Action<Diagnostic> report, DeepSeekCompilationContext deepSeek, SyntaxNode node, string masked, string kind, string where)
        {
            var options = deepSeek.Options.Get(node.SyntaxTree);
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(KindProperty, kind);
            properties.Add(ApiKeyVariableProperty, options.ApiKeyVariable);
            properties.Add(ApiKeyConfigurationKeyProperty, options.ApiKeyConfigurationKey);
            report(Diagnostic.Create(Descriptors.DSK001_HardcodedApiKey, node.GetLocation(), properties.ToImmutable(), masked, where));
        }
    }
}
