using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK001 fix "Read the key from configuration": the key becomes a secret lookup — an <c>IConfiguration</c> in scope,
    /// else the environment variable — that fails fast when unset; DeepSeek.Runtime's <c>DeepSeekApiKey</c> when referenced
    /// and the names are its defaults. A <c>const</c> holding the key becomes <c>static readonly</c>; no fix where C#
    /// requires a constant (attribute arguments, case labels, patterns, optional-parameter defaults, constants used as such).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK001HardcodedApiKeyCodeFixProvider))]
    [Shared]
    public sealed partial class DSK001HardcodedApiKeyCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK001_ReadKeyFromConfiguration";

        public const string Title = "Read the key from configuration";

        private const string RuntimeApiKeyTypeName = MetadataNames.RuntimeApiKey;

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.HardcodedApiKey);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (await KeyVariableStatementRemoval.TryRegisterAsync(context, diagnostic).ConfigureAwait(false))
                {
                    continue;
                }

                var edit = await ComputeEditAsync(context.Document, diagnostic, context.CancellationToken).ConfigureAwait(false);
                if (edit == null)
                {
                    continue;
                }

                var document = context.Document;
                var (root, oldNode, newNode) = edit.Value;
                context.RegisterCodeFix(
                    CodeAction.Create(
                        Title,
                        ct => CleanUpAsync(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)), ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        /// <summary>
        /// Adds the usings the lookup needs and shortens its <c>global::</c> names where they bind the same. Done here
        /// because the workspace's own clean-up adds imports only for symbol annotations, not for qualified syntax.
        /// </summary>
        private static async Task<Document> CleanUpAsync(Document document, CancellationToken cancellationToken)
        {
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        private static async Task<(SyntaxNode Root, SyntaxNode Old, SyntaxNode New)?> ComputeEditAsync(
            Document document,
            Diagnostic diagnostic,
            CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null
                || !diagnostic.Properties.TryGetValue(DSK001HardcodedApiKeyAnalyzer.KindProperty, out var kind)
                || !diagnostic.Properties.TryGetValue(DSK001HardcodedApiKeyAnalyzer.ApiKeyVariableProperty, out var variable)
                || !diagnostic.Properties.TryGetValue(DSK001HardcodedApiKeyAnalyzer.ApiKeyConfigurationKeyProperty, out var configurationKey)
                || kind == null || variable == null || configurationKey == null)
            {
                return null;
            }

            var node = root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            if (!(node is ExpressionSyntax expression)
                || !(node is LiteralExpressionSyntax || node is InterpolatedStringExpressionSyntax || node is BinaryExpressionSyntax))
            {
                return null;
            }

            // Setting the key's own variable from the key: the line must go (set the variable outside the process), not read itself.
            if (IsSettingTheKeyVariable(expression, model, cancellationToken))
            {
                return null;
            }

            var constDeclaration = FindConstDeclaration(expression);
            if (constDeclaration == null && ConstantContexts.IsConstantRequired(expression))
            {
                return null;
            }

            if (constDeclaration != null
                && await ConstantContexts.IsUsedAsConstantAsync(constDeclaration, model, document, cancellationToken).ConfigureAwait(false))
            {
                return null;
            }

            // A const field becomes static readonly, whose initialiser sees only static members; a local const stays where it is.
            var scope = LookupScope.Create(expression, constDeclaration is FieldDeclarationSyntax, model, cancellationToken);
            var lookup = CreateLookup(model, scope, variable, configurationKey);
            var replacement = ReplaceFallback(expression, kind, model, cancellationToken)
                ?? ReplaceSecrets(expression, kind, lookup, model, cancellationToken);
            if (replacement == null)
            {
                return null;
            }

            // A using would not make a shadowed name bind (a member called Environment or DeepSeekApiKey): keep it qualified then.
            replacement = replacement.WithTriviaFrom(expression).WithAdditionalAnnotations(Simplifier.Annotation);
            if (!IsAnyNameShadowed(model, expression.SpanStart))
            {
                replacement = replacement.WithAdditionalAnnotations(Simplifier.AddImportsAnnotation);
            }

            if (constDeclaration == null)
            {
                return (root, expression, replacement);
            }

            var updated = constDeclaration.ReplaceNode(expression, replacement);
            return (root, constDeclaration, RemoveConst(updated));
        }

        /// <summary>The types the lookups name, by simple name and namespace.</summary>
        private static readonly (string Name, string Namespace)[] LookupTypes =
        {
            ("DeepSeekApiKey", "DeepSeek.Runtime"),
            ("Environment", "System"),
            ("InvalidOperationException", "System"),
            ("Encoding", "System.Text"),
        };

        private static bool IsAnyNameShadowed(SemanticModel model, int position)
        {
            foreach (var (name, ns) in LookupTypes)
            {
                foreach (var symbol in model.LookupNamespacesAndTypes(position, name: name))
                {
                    if (!(symbol is INamedTypeSymbol type) || type.ContainingNamespace?.ToDisplayString() != ns)
                    {
                        return true;
                    }
                }

                foreach (var symbol in model.LookupSymbols(position, name: name))
                {
                    if (!(symbol is INamedTypeSymbol))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static bool IsSettingTheKeyVariable(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
            => expression.Parent is ArgumentSyntax argument
               && argument.Parent?.Parent is InvocationExpressionSyntax invocation
               && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
               && method.Name == nameof(Environment.SetEnvironmentVariable)
               && method.ContainingType?.ToDisplayString() == MetadataNames.Environment;

        /// <summary>
        /// <c>Environment.GetEnvironmentVariable("X") ?? "sk-…"</c> / <c>configuration["K"] ?? "sk-…"</c>: the secret is
        /// already read; the hard-coded fallback becomes a fail-fast <c>throw</c> naming that secret, not a second lookup.
        /// </summary>
        private static ExpressionSyntax? ReplaceFallback(ExpressionSyntax expression, string kind, SemanticModel model, CancellationToken cancellationToken)
        {
            if (!(expression is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.StringLiteralExpression)
                || !(expression.Parent is BinaryExpressionSyntax coalesce) || !coalesce.IsKind(SyntaxKind.CoalesceExpression)
                || coalesce.Right != expression)
            {
                return null;
            }

            // Only a value that is the secret itself; "Bearer sk-…" keeps its scheme through the ordinary lookup.
            var value = literal.Token.ValueText;
            var secrets = FindSecrets(value, kind);
            if (secrets.Count != 1 || secrets[0].Start != 0 || secrets[0].Length != value.Length)
            {
                return null;
            }

            var left = coalesce.Left;
            while (left is ParenthesizedExpressionSyntax parenthesized)
            {
                left = parenthesized.Expression;
            }

            string? message = null;
            switch (left)
            {
                case InvocationExpressionSyntax invocation
                    when invocation.ArgumentList.Arguments.Count >= 1
                         && model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method
                         && method.Name == nameof(Environment.GetEnvironmentVariable)
                         && method.ContainingType?.ToDisplayString() == MetadataNames.Environment
                         && model.GetConstantValue(invocation.ArgumentList.Arguments[0].Expression, cancellationToken).Value is string name:
                    message = "The DeepSeek API key is not set: set the environment variable " + name + ".";
                    break;
                case ElementAccessExpressionSyntax access
                    when access.ArgumentList.Arguments.Count == 1
                         && model.GetSymbolInfo(access, cancellationToken).Symbol is IPropertySymbol indexer
                         && IsConfigurationIndexer(indexer)
                         && model.GetConstantValue(access.ArgumentList.Arguments[0].Expression, cancellationToken).Value is string key:
                    message = "The DeepSeek API key is not set: set configuration key '" + key
                        + "' (user secrets in development, the environment or a vault in production).";
                    break;
            }

            return message == null
                ? null
                : SyntaxFactory.ParseExpression("throw new global::System.InvalidOperationException(" + Quote(message) + ")");
        }

        private static bool IsConfigurationIndexer(IPropertySymbol indexer)
        {
            const string Configuration = MetadataNames.Configuration;
            var type = indexer.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (type.ToDisplayString() == Configuration)
            {
                return true;
            }

            foreach (var contract in type.AllInterfaces)
            {
                if (contract.ToDisplayString() == Configuration)
                {
                    return true;
                }
            }

            return false;
        }

        // ---- The lookup ---------------------------------------------------------------------------------------

        /// <summary>A secret lookup, as source text: needs parentheses when it is an operand (it may be a <c>??</c> expression).</summary>
        private sealed class Lookup
        {
            public Lookup(string text, bool isCoalesce)
            {
                Text = text;
                IsCoalesce = isCoalesce;
            }

            public string Text { get; }

            public bool IsCoalesce { get; }

            public string AsOperand => IsCoalesce ? "(" + Text + ")" : Text;
        }

        private static Lookup CreateLookup(SemanticModel model, LookupScope scope, string variable, string configurationKey)
        {
            // The runtime helper reads only its default names; configured names need the BCL form to be honoured.
            var runtime = model.Compilation.GetTypeByMetadataName(RuntimeApiKeyTypeName) != null
                && string.Equals(variable, DeepSeekCatalog.ApiKeyEnvironmentVariable, StringComparison.Ordinal)
                && string.Equals(configurationKey, DeepSeekCatalog.ApiKeyConfigurationKey, StringComparison.Ordinal);
            var configuration = scope.ConfigurationName;
            if (configuration != null)
            {
                if (runtime)
                {
                    return new Lookup("global::" + RuntimeApiKeyTypeName + ".FromConfiguration(" + configuration + ")", isCoalesce: false);
                }

                var message = "The DeepSeek API key is not set: set configuration key '" + configurationKey
                    + "' (user secrets in development, the environment or a vault in production).";
                return new Lookup(
                    configuration + "[" + Quote(configurationKey) + "] ?? throw new global::System.InvalidOperationException(" + Quote(message) + ")",
                    isCoalesce: true);
            }

            if (runtime)
            {
                return new Lookup("global::" + RuntimeApiKeyTypeName + ".FromEnvironment()", isCoalesce: false);
            }

            var envMessage = "The DeepSeek API key is not set: set the environment variable " + variable + ".";
            return new Lookup(
                "global::System.Environment.GetEnvironmentVariable(" + Quote(variable) + ") ?? throw new global::System.InvalidOperationException(" + Quote(envMessage) + ")",
                isCoalesce: true);
        }

        private static string Quote(string text) => SymbolDisplay.FormatLiteral(text, quote: true);
    }
}
