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
    /// DSK010: a string literal that is a DeepSeek URL over plain http, with a misspelt host, or — given to an OpenAI-format
    /// SDK as its endpoint (OpenAI <c>OpenAIClientOptions.Endpoint</c>, Semantic Kernel <c>endpoint:</c>, Betalgo
    /// <c>BaseDomain</c>) — ending in /chat/completions or pointing at the Anthropic-format path. The host itself is the
    /// evidence. <c>HttpClient.BaseAddress</c> and request URLs are not SDK endpoints: raw calls post to /chat/completions
    /// by right, relative or absolute.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK010MalformedBaseUrlAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Diagnostic property: the corrected URL the fix writes.</summary>
        public const string CorrectedUrlProperty = "CorrectedUrl";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK010_MalformedBaseUrl);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
            // Files that cannot hold a DeepSeek URL, misspelt hosts included, are not looked at.
            => GatedFiles.Register(context, deepSeek.Gate.MayHoldDeepSeekUrl, file => file.RegisterOperationAction(c => AnalyzeLiteral(c, deepSeek), OperationKind.Literal));

        private static void AnalyzeLiteral(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (ILiteralOperation)context.Operation;
            // The cheap tests first: the type (ConstantValue boxes a number on every read), then "http", which almost no literal starts with.
            if (operation.Type?.SpecialType != SpecialType.System_String
                || !(operation.ConstantValue.Value is string value) || value.Length < 10
                || (value[0] != 'h' && value[0] != 'H')
                || string.Compare(value, 0, "http", 0, 4, StringComparison.OrdinalIgnoreCase) != 0
                || !(operation.Syntax is LiteralExpressionSyntax literal))
            {
                return;
            }

            var problem = DeepSeekBaseUrl.Diagnose(value, IsSdkEndpoint(operation, deepSeek.Types), out var corrected);
            if (problem == BaseUrlProblem.None)
            {
                return;
            }

            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK010_MalformedBaseUrl,
                literal.GetLocation(),
                ImmutableDictionary<string, string?>.Empty.Add(CorrectedUrlProperty, corrected),
                value,
                DeepSeekBaseUrl.Describe(problem),
                corrected));
        }

        /// <summary>The literal, directly or through <c>new Uri(…)</c>, is the base URL of an OpenAI-format SDK client.</summary>
        private static bool IsSdkEndpoint(ILiteralOperation literal, WellKnownTypes types)
        {
            IOperation value = literal;
            var parent = literal.ParentThroughConversions(out _);
            if (parent is IArgumentOperation uriArgument && uriArgument.Parent is IObjectCreationOperation creation
                && creation.Type is INamedTypeSymbol { Name: "Uri" } uri
                && uri.ContainingNamespace is { Name: "System" } system && system.ContainingNamespace.IsGlobalNamespace)
            {
                value = creation;
                parent = creation.ParentThroughConversions(out _);
            }

            switch (parent)
            {
                case ISimpleAssignmentOperation assignment:
                    return assignment.Target is IPropertyReferenceOperation target && IsEndpointProperty(target.Property, types);
                case IPropertyInitializerOperation initializer:
                    foreach (var property in initializer.InitializedProperties)
                    {
                        if (IsEndpointProperty(property, types))
                        {
                            return true;
                        }
                    }

                    return false;
                case IArgumentOperation argument:
                    return argument.Parameter != null
                           && string.Equals(argument.Parameter.Name, "endpoint", StringComparison.Ordinal)
                           && IsInNamespace(argument.Parameter.ContainingSymbol?.ContainingType, "Microsoft.SemanticKernel");
                default:
                    return false;
            }
        }

        private static bool IsEndpointProperty(IPropertySymbol property, WellKnownTypes types)
        {
            if (property.Name == "Endpoint")
            {
                return TypeSymbols.IsOrDerivesFrom(property.ContainingType, types.OpenAIClientOptions);
            }

            return property.Name == "BaseDomain" && TypeSymbols.IsOrDerivesFrom(property.ContainingType, types.BetalgoOpenAIOptions);
        }

        private static bool IsInNamespace(INamedTypeSymbol? type, string root)
        {
            var name = type?.ContainingNamespace?.ToDisplayString();
            return name != null && (name == root || name.StartsWith(root + ".", StringComparison.Ordinal));
        }
    }
}
