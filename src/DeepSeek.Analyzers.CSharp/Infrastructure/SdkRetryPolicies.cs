using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Whether an OpenAI SDK client still retries by itself: System.ClientModel's <c>ClientRetryPolicy</c> retries 3 times by
    /// default unless the client's options set <c>RetryPolicy</c>. Says yes only when the client's creation is in reach
    /// (same file) and its options provably leave <c>RetryPolicy</c> alone; otherwise no.
    /// </summary>
    internal static class SdkRetryPolicies
    {
        private const int MaxDepth = 6;
        private const string RetryPolicy = "RetryPolicy";

        /// <summary>The receiver of the first call in <paramref name="body"/> on an OpenAI SDK client that still retries by itself.</summary>
        public static IOperation? FindSelfRetryingClient(IOperation body, WellKnownTypes types, CancellationToken cancellationToken)
        {
            if (types.OpenAIClientOptions == null)
            {
                return null;
            }

            foreach (var operation in body.DescendantsAndSelf())
            {
                if (operation is IInvocationOperation invocation && invocation.Instance != null && IsSdkClient(invocation.Instance.Type)
                    && StillRetries(invocation.Instance, types, 0, cancellationToken))
                {
                    return invocation.Instance;
                }
            }

            return null;
        }

        private static bool StillRetries(IOperation client, WellKnownTypes types, int depth, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (depth > MaxDepth)
            {
                return false;
            }

            while (client is IConversionOperation conversion)
            {
                client = conversion.Operand;
            }

            switch (client)
            {
                case IObjectCreationOperation creation when IsSdkClient(creation.Type):
                    foreach (var argument in creation.Arguments)
                    {
                        if (argument.Parameter != null && IsClientOptions(argument.Parameter.Type, types))
                        {
                            return argument.ArgumentKind == ArgumentKind.DefaultValue
                                   || argument.Value.ConstantValue.HasValue
                                   || LeavesRetryPolicy(argument.Value, types, depth + 1, cancellationToken);
                        }
                    }

                    // A constructor without options (new ChatClient(model, key)) uses the defaults.
                    return true;
                case IInvocationOperation call when call.Instance != null && IsSdkClient(call.Instance.Type):
                    // openAIClient.GetChatClient(model): the sub-client shares its parent's pipeline.
                    return StillRetries(call.Instance, types, depth + 1, cancellationToken);
                case ILocalReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return EveryValue(client, value => StillRetries(value, types, depth + 1, cancellationToken), cancellationToken);

                default:
                    return false;
            }
        }

        /// <summary>Options provably without a <c>RetryPolicy</c>: created here (or in a local) and never given one.</summary>
        private static bool LeavesRetryPolicy(IOperation options, WellKnownTypes types, int depth, CancellationToken cancellationToken)
        {
            while (options is IConversionOperation conversion)
            {
                options = conversion.Operand;
            }

            switch (options)
            {
                case IObjectCreationOperation creation:
                    if (creation.Initializer != null)
                    {
                        foreach (var element in creation.Initializer.Initializers)
                        {
                            if (element is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property
                                && property.Property.Name == RetryPolicy)
                            {
                                return false;
                            }
                        }
                    }

                    return true;
                case ILocalReferenceOperation _:
                case IFieldReferenceOperation _:
                case IPropertyReferenceOperation _:
                    return depth <= MaxDepth
                           && EveryValue(options, value => LeavesRetryPolicy(value, types, depth + 1, cancellationToken), cancellationToken);

                default:
                    return false;
            }
        }

        /// <summary>
        /// True when every value the variable is given passes <paramref name="test"/>, there is at least one, and none is an
        /// <c>x.RetryPolicy = …</c> member set.
        /// </summary>
        private static bool EveryValue(IOperation reference, System.Func<IOperation, bool> test, CancellationToken cancellationToken)
        {
            var values = ValuesOf(reference, cancellationToken);
            if (values.Count == 0)
            {
                return false;
            }

            foreach (var value in values)
            {
                if (value is ISimpleAssignmentOperation || !test(value))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>
        /// What a local, or a field or property declared in this file, is given: its initializer and assignments, plus
        /// <c>x.RetryPolicy = …</c> member sets (returned as the assignment). Empty when any of it is out of reach.
        /// </summary>
        private static List<IOperation> ValuesOf(IOperation reference, CancellationToken cancellationToken)
        {
            var values = new List<IOperation>();
            var model = reference.SemanticModel;
            ISymbol? symbol = reference is ILocalReferenceOperation local ? local.Local
                : reference is IFieldReferenceOperation field ? field.Field
                : reference is IPropertyReferenceOperation property && property.Arguments.IsEmpty ? property.Property
                : null;
            if (symbol == null || model == null || symbol.DeclaringSyntaxReferences.IsEmpty)
            {
                return values;
            }

            foreach (var declaration in symbol.DeclaringSyntaxReferences)
            {
                if (declaration.SyntaxTree != model.SyntaxTree)
                {
                    values.Clear();
                    return values;
                }

                var syntax = declaration.GetSyntax(cancellationToken);
                var initializer = syntax is VariableDeclaratorSyntax declarator ? declarator.Initializer
                    : syntax is PropertyDeclarationSyntax propertySyntax ? propertySyntax.Initializer
                    : null;
                if (initializer != null && model.GetOperation(initializer.Value, cancellationToken) is IOperation value)
                {
                    values.Add(value);
                }

                // A local lives in its member; a field or property is set anywhere in its type.
                SyntaxNode? scope = symbol is ILocalSymbol
                    ? syntax.FirstAncestorOrSelf<SyntaxNode>(n => n is BaseMethodDeclarationSyntax || n is AccessorDeclarationSyntax
                                                                  || n is LocalFunctionStatementSyntax || n is CompilationUnitSyntax)
                    : syntax.FirstAncestorOrSelf<TypeDeclarationSyntax>();
                if (scope == null)
                {
                    continue;
                }

                foreach (var node in scope.DescendantNodes())
                {
                    if (!(node is AssignmentExpressionSyntax assignmentSyntax) || !(model.GetOperation(assignmentSyntax, cancellationToken) is IAssignmentOperation assignment))
                    {
                        continue;
                    }

                    var target = assignment.Target;
                    if (IsReferenceTo(target, symbol))
                    {
                        if (!(assignment is ISimpleAssignmentOperation))
                        {
                            values.Clear();
                            return values;
                        }

                        values.Add(assignment.Value);
                    }
                    else if (target is IPropertyReferenceOperation member && member.Property.Name == RetryPolicy && member.Instance != null
                             && IsReferenceTo(member.Instance, symbol))
                    {
                        values.Add(assignment);
                    }
                }
            }

            return values;
        }

        private static bool IsReferenceTo(IOperation operation, ISymbol symbol)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return SymbolEqualityComparer.Default.Equals(local.Local, symbol);
                case IFieldReferenceOperation field:
                    return SymbolEqualityComparer.Default.Equals(field.Field, symbol);
                case IPropertyReferenceOperation property:
                    return SymbolEqualityComparer.Default.Equals(property.Property, symbol);
                default:
                    return false;
            }
        }

        /// <summary>A client of the OpenAI SDK (<c>OpenAIClient</c>, <c>ChatClient</c>, …): its pipeline has the SDK's retry policy.</summary>
        private static bool IsSdkClient(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || !named.Name.EndsWith("Client", System.StringComparison.Ordinal))
            {
                return false;
            }

            var ns = named.ContainingNamespace;
            while (ns != null && !ns.IsGlobalNamespace && !(ns.ContainingNamespace?.IsGlobalNamespace ?? true))
            {
                ns = ns.ContainingNamespace;
            }

            return ns != null && ns.Name == "OpenAI" && named.DeclaringSyntaxReferences.IsEmpty;
        }

        private static bool IsClientOptions(ITypeSymbol type, WellKnownTypes types)
        {
            for (var current = type; current != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, types.OpenAIClientOptions))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
