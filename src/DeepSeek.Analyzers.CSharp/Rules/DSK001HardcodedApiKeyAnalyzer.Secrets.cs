using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK001, secrets that are not DeepSeek-shaped: reported where they reach an API-key sink of a DeepSeek-bound client
    /// or sit in a holder whose name says DeepSeek + key. Both need DeepSeek evidence, so files the gate closes are skipped.
    /// </summary>
    public sealed partial class DSK001HardcodedApiKeyAnalyzer
    {
        private static void AnalyzeSink(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            DeepSeekOptions options,
            ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool> reported)
        {
            // Registered only in files that may hold DeepSeek evidence (a secret that is not DeepSeek-shaped needs it), with
            // the file's options.
            if (!ApiKeySinks.TryGetSink(context.Operation, deepSeek.Types, options.ApiKeyVariable, out var sink))
            {
                return;
            }

            // The values first (cheap, and usually none is a secret); the evidence only for a secret.
            bool? bound = null;
            foreach (var (node, value) in SecretValues.Resolve(sink.Value, context.ContainingSymbol, context.Operation.SemanticModel, context.CancellationToken))
            {
                if (SecretText.LooksLikeSecret(value, options.ApiKeyVariable, options.ApiKeyConfigurationKey)
                    && !IsLeftToDeclaration(node, context))
                {
                    bound ??= IsDeepSeekBound(sink, deepSeek, options, context.CancellationToken);
                    if (bound.Value)
                    {
                        ReportSecret(context, deepSeek, reported, node, value, " reaches a DeepSeek API-key sink");
                    }
                }
            }
        }

        private static Dictionary<string, List<IdentifierNameSyntax>> IndexIdentifiers(SyntaxTree tree, System.Threading.CancellationToken cancellationToken)
        {
            var index = new Dictionary<string, List<IdentifierNameSyntax>>(StringComparer.Ordinal);
            foreach (var node in tree.GetRoot(cancellationToken).DescendantNodes())
            {
                if (node is IdentifierNameSyntax identifier)
                {
                    var name = identifier.Identifier.ValueText;
                    if (!index.TryGetValue(name, out var list))
                    {
                        list = new List<IdentifierNameSyntax>();
                        index.Add(name, list);
                    }

                    list.Add(identifier);
                }
            }

            return index;
        }

        /// <summary>
        /// True for a field or property initialiser in this file outside the member being analysed: its declaration reports
        /// it (see <see cref="AnalyzeMemberFlowingToSink"/>), so the diagnostic stays local to the code it points at.
        /// </summary>
        private static bool IsLeftToDeclaration(SyntaxNode node, GatedOperationContext context)
        {
            if (node.SyntaxTree != context.Operation.Syntax.SyntaxTree)
            {
                return false;
            }

            foreach (var reference in context.ContainingSymbol.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree == node.SyntaxTree && reference.Span.Contains(node.Span))
                {
                    return false;
                }
            }

            // Only member initialisers are analysed at their declaration; anything else stays with the sink.
            for (var parent = node.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is EqualsValueClauseSyntax equals)
                {
                    return (equals.Parent is VariableDeclaratorSyntax declarator && declarator.Parent?.Parent is FieldDeclarationSyntax)
                        || equals.Parent is PropertyDeclarationSyntax;
                }

                if (!(parent is ExpressionSyntax))
                {
                    return false;
                }
            }

            return false;
        }

        /// <summary>
        /// The sink's client (or request, or options) has DeepSeek evidence; without any, the code around it (its method,
        /// then its type) must hold DeepSeek evidence only. A key for another host is not ours to judge.
        /// </summary>
        private static bool IsDeepSeekBound(ApiKeySink sink, DeepSeekCompilationContext deepSeek, DeepSeekOptions options, System.Threading.CancellationToken cancellationToken)
        {
            if (sink.IsDeepSeekByItself)
            {
                return true;
            }

            var client = ApiKeySinks.ClientOf(sink);
            switch (deepSeek.Evidence.BindingOf(client, cancellationToken))
            {
                case DeepSeekBinding.Bound:
                    return true;
                case DeepSeekBinding.OtherHost:
                    return false;
            }

            if (deepSeek.Evidence.IsDeepSeekBound(client, options, cancellationToken))
            {
                return true;
            }

            var member = deepSeek.Evidence.BindingOfContainingCode(sink.Owner, cancellationToken);
            return member == DeepSeekBinding.Bound && !IsBesideAnotherDeepSeekClient(client, deepSeek, cancellationToken);
        }

        /// <summary>
        /// True when the type's DeepSeek evidence belongs to another client of the same kind, bound to DeepSeek by itself:
        /// in a class that builds a DeepSeek client and an OpenAI one, the client without an endpoint is the OpenAI one.
        /// Only on the rare path of a non-DeepSeek-shaped secret at a sink without evidence of its own.
        /// </summary>
        private static bool IsBesideAnotherDeepSeekClient(IOperation client, DeepSeekCompilationContext deepSeek, System.Threading.CancellationToken cancellationToken)
        {
            var model = client.SemanticModel;
            var clientType = client.Type;
            if (model == null || clientType == null || !(client is IObjectCreationOperation || client is IInvocationOperation))
            {
                return false;
            }

            var type = model.GetEnclosingSymbol(client.Syntax.SpanStart, cancellationToken)?.ContainingType;
            if (type == null)
            {
                return false;
            }

            foreach (var reference in type.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != model.SyntaxTree)
                {
                    continue;
                }

                foreach (var node in reference.GetSyntax(cancellationToken).DescendantNodes())
                {
                    if (!(node is ObjectCreationExpressionSyntax || node is ImplicitObjectCreationExpressionSyntax || node is InvocationExpressionSyntax)
                        || node == client.Syntax)
                    {
                        continue;
                    }

                    var other = model.GetOperation(node, cancellationToken);
                    if (other != null && other.Type != null && SymbolEqualityComparer.Default.Equals(other.Type, clientType)
                        && deepSeek.Evidence.BindingOf(other, cancellationToken) == DeepSeekBinding.Bound)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private static void AnalyzeNamedHolder(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool> reported,
            ConcurrentDictionary<SyntaxTree, Dictionary<string, List<IdentifierNameSyntax>>> identifiers)
        {
            // Registered only in files that may hold DeepSeek evidence: a holder named DeepSeek + key, or a member read at a
            // DeepSeek-bound sink, exists in no other.
            var value = GetNamedHolderValue(context.Operation, context.ContainingSymbol);
            if (value == null)
            {
                AnalyzeMemberFlowingToSink(context, deepSeek, reported, identifiers);
                return;
            }

            ReportWrittenSecret(context, deepSeek, reported, value, depth: 0);
        }

        /// <summary>
        /// A field or property initialised with a secret and read at a DeepSeek API-key sink elsewhere in the file: reported
        /// here, from the declaration, so the diagnostic is local to the code it points at (and its fix can be applied).
        /// The sink's own action reports only values written inside the member it analyses.
        /// </summary>
        private static void AnalyzeMemberFlowingToSink(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool> reported,
            ConcurrentDictionary<SyntaxTree, Dictionary<string, List<IdentifierNameSyntax>>> identifiers)
        {
            ISymbol? member;
            IOperation value;
            switch (context.Operation)
            {
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    member = field.InitializedFields[0];
                    value = field.Value;
                    break;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    member = property.InitializedProperties[0];
                    value = property.Value;
                    break;
                default:
                    return;
            }

            var model = context.Operation.SemanticModel;
            var options = deepSeek.Options.Get(value.Syntax.SyntaxTree);
            if (model == null
                || !(value.ConstantValue.Value is string text)
                || !SecretText.LooksLikeSecret(text, options.ApiKeyVariable, options.ApiKeyConfigurationKey))
            {
                return;
            }

            // The written constant the sink resolves to: the initialiser itself.
            var written = value.WithoutConversions();

            if (!(written is ILiteralOperation || written is IBinaryOperation || written is IInterpolatedStringOperation))
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            var tree = value.Syntax.SyntaxTree;
            if (!identifiers.GetOrAdd(tree, t => IndexIdentifiers(t, cancellationToken)).TryGetValue(member.Name, out var named))
            {
                return;
            }

            foreach (var identifier in named)
            {

                SyntaxNode reference = identifier.Parent is MemberAccessExpressionSyntax access && access.Name == identifier ? access : identifier;
                if (!SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(reference, cancellationToken).Symbol?.OriginalDefinition, member.OriginalDefinition))
                {
                    continue;
                }

                var operation = model.GetOperation(reference, cancellationToken);
                for (var ancestor = operation?.Parent; ancestor != null; ancestor = ancestor.Parent)
                {
                    if (!ApiKeySinks.TryGetSink(ancestor, deepSeek.Types, options.ApiKeyVariable, out var sink))
                    {
                        continue;
                    }

                    var containing = model.GetEnclosingSymbol(ancestor.Syntax.SpanStart, cancellationToken) ?? context.ContainingSymbol;
                    foreach (var (resolved, _) in SecretValues.Resolve(sink.Value, containing, model, cancellationToken))
                    {
                        if (resolved == written.Syntax && IsDeepSeekBound(sink, deepSeek, options, cancellationToken))
                        {
                            ReportSecret(context, deepSeek, reported, written.Syntax, text, " reaches a DeepSeek API-key sink");
                            return;
                        }
                    }

                    break;
                }
            }
        }

        /// <summary>
        /// Text written into a DeepSeek key holder, also as the fallback of <c>??</c> or a branch of <c>?:</c>
        /// (<c>Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? "…"</c>). A reference to another constant is
        /// reported where that constant is declared.
        /// </summary>
        private static void ReportWrittenSecret(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool> reported,
            IOperation value,
            int depth)
        {
            value = value.WithoutConversions();

            switch (value)
            {
                case ICoalesceOperation coalesce when depth < 4:
                    ReportWrittenSecret(context, deepSeek, reported, coalesce.WhenNull, depth + 1);
                    return;
                case IConditionalOperation conditional when conditional.WhenFalse != null && depth < 4:
                    ReportWrittenSecret(context, deepSeek, reported, conditional.WhenTrue, depth + 1);
                    ReportWrittenSecret(context, deepSeek, reported, conditional.WhenFalse, depth + 1);
                    return;
            }

            if (!(value is ILiteralOperation || value is IBinaryOperation || value is IInterpolatedStringOperation)
                || !(value.ConstantValue.Value is string text))
            {
                return;
            }

            var options = deepSeek.Options.Get(value.Syntax.SyntaxTree);
            if (SecretText.LooksLikeSecret(text, options.ApiKeyVariable, options.ApiKeyConfigurationKey))
            {
                ReportSecret(context, deepSeek, reported, value.Syntax, text, " in a DeepSeek key holder");
            }
        }

        /// <summary>The value written into a field, property, local or parameter whose name says DeepSeek + key.</summary>
        private static IOperation? GetNamedHolderValue(IOperation operation, ISymbol containingSymbol)
        {
            switch (operation)
            {
                case IFieldInitializerOperation field:
                    foreach (var symbol in field.InitializedFields)
                    {
                        if (SecretNames.IsDeepSeekKeyName(symbol.Name))
                        {
                            return field.Value;
                        }
                    }

                    return null;
                case IPropertyInitializerOperation property:
                    foreach (var symbol in property.InitializedProperties)
                    {
                        if (SecretNames.IsDeepSeekKeyName(symbol.Name))
                        {
                            return property.Value;
                        }
                    }

                    return null;
                case IParameterInitializerOperation parameter:
                    return SecretNames.IsDeepSeekKeyName(parameter.Parameter.Name) ? parameter.Value : null;
                case IVariableDeclaratorOperation declarator:
                    return SecretNames.IsDeepSeekKeyName(declarator.Symbol.Name) ? declarator.GetVariableInitializer()?.Value : null;
                case ISimpleAssignmentOperation assignment:
                    return SecretNames.IsDeepSeekKeyName(GetTargetName(assignment.Target)) ? assignment.Value : null;
                case IReturnOperation returned
                    when containingSymbol is IMethodSymbol method
                         && method.MethodKind == MethodKind.PropertyGet
                         && method.AssociatedSymbol is IPropertySymbol getter
                         && SecretNames.IsDeepSeekKeyName(getter.Name):
                    return returned.ReturnedValue;
                default:
                    return null;
            }
        }

        private static string? GetTargetName(IOperation target)
        {
            switch (target)
            {
                case IFieldReferenceOperation field:
                    return field.Field.Name;
                case IPropertyReferenceOperation property:
                    return property.Property.Name;
                case ILocalReferenceOperation local:
                    return local.Local.Name;
                default:
                    return null;
            }
        }

        private static void ReportSecret(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            ConcurrentDictionary<(SyntaxTree Tree, TextSpan Span), bool> reported,
            SyntaxNode node,
            string value,
            string where)
        {
            if (reported.TryAdd((node.SyntaxTree, node.Span), true))
            {
                Report(context.ReportDiagnostic, deepSeek, node, DeepSeekCatalog.MaskKey(SecretText.WithoutScheme(value)), SecretKind, where);
            }
        }
    }
}
