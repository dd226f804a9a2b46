using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Where a retry goes: the evidence of the code a retry construct or loop retries, built on the engine's public API.
    /// Adds one flow the engine does not follow: from a resilience or policy handler back along its
    /// <c>IHttpClientBuilder</c> chain to the <c>AddHttpClient</c> call, whose name, typed client and configuration
    /// lambda (<c>c =&gt; c.BaseAddress = new Uri("https://api.deepseek.com")</c>) say which service the handler retries.
    /// </summary>
    internal static class RetrySites
    {
        private const int MaxChain = 16;

        /// <summary>
        /// The binding of a retry construct: its <c>AddHttpClient</c> registration when it configures one, else the options
        /// object it is set on (<c>OpenAIClientOptions.RetryPolicy</c>), else the code around it.
        /// </summary>
        public static DeepSeekBinding BindingOfConstruct(IOperation construct, DeepSeekEvidence evidence, WellKnownTypes types, CancellationToken cancellationToken)
        {
            // A handler of a registration belongs to that client alone: a Startup that also registers a DeepSeek client
            // does not make the weather client's retries DeepSeek's.
            var registration = BindingOfRegistration(construct, evidence, types, cancellationToken, out var registered);
            if (registered)
            {
                return registration;
            }

            var owner = OwnerOfSetting(construct);
            if (owner != null)
            {
                var binding = evidence.BindingOfRequest(owner, cancellationToken);
                if (binding != DeepSeekBinding.Unknown)
                {
                    return binding;
                }
            }

            return evidence.BindingOfContainingCode(construct, cancellationToken);
        }

        /// <summary>
        /// With <c>scope = all_openai_compatible</c>: a construct with no evidence either way counts when it is set on an
        /// OpenAI-compatible client's options, or the member around it calls an OpenAI-compatible client.
        /// </summary>
        public static bool IsOpenAICompatibleSite(IOperation construct, DeepSeekEvidence evidence, WellKnownTypes types, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (options.Scope != DeepSeekScope.AllOpenAICompatible)
            {
                return false;
            }

            var owner = OwnerOfSetting(construct);
            if (owner != null && evidence.IsOpenAICompatible(owner.Type))
            {
                return true;
            }

            var root = construct;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return CallsDeepSeek(root, evidence, types, options, cancellationToken);
        }

        /// <summary>
        /// True when <paramref name="body"/> calls a DeepSeek-bound client (OpenAI SDK, Microsoft.Extensions.AI, Semantic
        /// Kernel, Betalgo, a DeepSeek SDK) or sends an <c>HttpClient</c> request to the DeepSeek endpoint.
        /// </summary>
        public static bool CallsDeepSeek(IOperation body, DeepSeekEvidence evidence, WellKnownTypes types, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            foreach (var operation in body.DescendantsAndSelf())
            {
                if (!(operation is IInvocationOperation invocation) || invocation.Instance == null)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var instance = invocation.Instance.WithoutConversions();
                var type = instance.Type;
                if (type == null || type.IsValueType || type.SpecialType == SpecialType.System_String)
                {
                    continue;
                }

                if (evidence.IsDeepSeekBound(instance, options, cancellationToken))
                {
                    // A bound string or model-id holder is not a client: only client-like receivers count.
                    if (IsClientType(type, evidence, types))
                    {
                        return true;
                    }

                    continue;
                }

                if (IsHttpClient(type, types) && evidence.BindingOf(instance, cancellationToken) != DeepSeekBinding.OtherHost)
                {
                    foreach (var argument in invocation.Arguments)
                    {
                        if (argument.ArgumentKind == ArgumentKind.Explicit
                            && evidence.BindingOf(argument.Value, cancellationToken) == DeepSeekBinding.Bound)
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary>
        /// The <c>Execute</c>/<c>ExecuteAsync</c> calls of a policy: chained on it, or on the local it initialises (same member).
        /// </summary>
        public static IEnumerable<IInvocationOperation> ExecutionsOf(IOperation policy, CancellationToken cancellationToken)
        {
            var node = policy;
            var parent = policy.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation)
            {
                node = parent;
                parent = parent.Parent;
            }

            if (parent is IInvocationOperation chained && chained.Instance == node && IsExecute(chained.TargetMethod))
            {
                yield return chained;
                yield break;
            }

            ILocalSymbol? local = null;
            if (parent is IVariableInitializerOperation initializer && initializer.Parent is IVariableDeclaratorOperation declarator)
            {
                local = declarator.Symbol;
            }
            else if (parent is ISimpleAssignmentOperation assignment && assignment.Value == node && assignment.Target is ILocalReferenceOperation target)
            {
                local = target.Local;
            }

            if (local == null)
            {
                yield break;
            }

            var root = policy;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var operation in root.Descendants())
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (operation is IInvocationOperation call && call.Instance is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local) && IsExecute(call.TargetMethod))
                {
                    yield return call;
                }
            }
        }

        private static bool IsExecute(IMethodSymbol method) => method.Name.StartsWith("Execute", StringComparison.Ordinal);

        /// <summary>The evidence of the <c>AddHttpClient</c> registration a handler (or an operation inside its lambdas) configures.</summary>
        public static DeepSeekBinding BindingOfRegistration(IOperation operation, DeepSeekEvidence evidence, WellKnownTypes types, CancellationToken cancellationToken, out bool registered)
        {
            registered = false;
            if (types.HttpClientBuilder == null)
            {
                return DeepSeekBinding.Unknown;
            }

            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                // AddStandardResilienceHandler(o => …) returns a pipeline builder: its receiver is the client builder.
                if (parent is IInvocationOperation invocation
                    && (invocation.Instance ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null)) is IOperation receiver
                    && IsHttpClientBuilder(receiver.Type, types))
                {
                    registered = true;
                    var binding = BindingOfChain(receiver, evidence, types, cancellationToken);
                    if (binding != DeepSeekBinding.Unknown)
                    {
                        return binding;
                    }
                }
            }

            return DeepSeekBinding.Unknown;
        }

        /// <summary>Walks <c>services.AddHttpClient(…).ConfigureHttpClient(…).AddStandardResilienceHandler(…)</c> back to its start.</summary>
        private static DeepSeekBinding BindingOfChain(IOperation invocation, DeepSeekEvidence evidence, WellKnownTypes types, CancellationToken cancellationToken)
        {
            var result = DeepSeekBinding.Unknown;
            IOperation? current = invocation;
            for (var step = 0; step < MaxChain && current != null; step++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                current = current.WithoutConversions();
                if (current is ILocalReferenceOperation local)
                {
                    // var http = services.AddHttpClient(…); http.AddStandardResilienceHandler();
                    current = InitializerOf(local.Local, current.SemanticModel, cancellationToken);
                    continue;
                }

                if (!(current is IInvocationOperation call) || !IsHttpClientBuilder(call.Type, types))
                {
                    break;
                }

                var method = call.TargetMethod;
                if (method.Name == "AddHttpClient" || method.Name == "ConfigureHttpClient")
                {
                    result = DeepSeekBindings.Combine(result, BindingOfClientConfiguration(call, evidence, cancellationToken));
                    if (result == DeepSeekBinding.OtherHost || method.Name == "AddHttpClient")
                    {
                        return result;
                    }
                }

                current = call.Instance ?? (method.IsExtensionMethod && call.Arguments.Length > 0 ? call.Arguments[0].Value : null);
            }

            return result;
        }

        /// <summary>The client's name (<c>"deepseek"</c>), a typed client named for DeepSeek, and <c>BaseAddress</c> set in a configuration lambda.</summary>
        private static DeepSeekBinding BindingOfClientConfiguration(IInvocationOperation call, DeepSeekEvidence evidence, CancellationToken cancellationToken)
        {
            var result = DeepSeekBinding.Unknown;
            foreach (var typeArgument in call.TargetMethod.TypeArguments)
            {
                if (typeArgument.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    result = DeepSeekBinding.Bound;
                }
            }

            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter?.Name == "name" && DeepSeekEvidence.IsDeepSeekSecretName(argument.Value.ConstantValue.Value as string))
                {
                    result = DeepSeekBindings.Combine(result, DeepSeekBinding.Bound);
                    continue;
                }

                foreach (var operation in argument.Value.DescendantsAndSelf())
                {
                    if (operation is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property
                        && property.Property.Name == "BaseAddress")
                    {
                        result = DeepSeekBindings.Combine(result, evidence.BindingOf(assignment.Value, cancellationToken));
                    }
                }
            }

            return result;
        }

        /// <summary>The object a setting is part of: <c>new OpenAIClientOptions { RetryPolicy = … }</c> or <c>options.RetryPolicy = …</c>.</summary>
        private static IOperation? OwnerOfSetting(IOperation construct)
        {
            var node = construct;
            var parent = construct.Parent;
            while (parent is IConversionOperation)
            {
                node = parent;
                parent = parent.Parent;
            }

            if (!(parent is ISimpleAssignmentOperation assignment) || assignment.Value != node)
            {
                return null;
            }

            if (assignment.Parent is IObjectOrCollectionInitializerOperation initializer && initializer.Parent is IObjectCreationOperation creation)
            {
                return creation;
            }

            return assignment.Target is IMemberReferenceOperation member && member.Instance != null
                                                                        && !(member.Instance is IInstanceReferenceOperation)
                ? member.Instance
                : null;
        }

        private static IOperation? InitializerOf(ILocalSymbol local, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (model == null || local.DeclaringSyntaxReferences.Length != 1)
            {
                return null;
            }

            var reference = local.DeclaringSyntaxReferences[0];
            if (reference.SyntaxTree != model.SyntaxTree)
            {
                return null;
            }

            return model.GetOperation(reference.GetSyntax(cancellationToken), cancellationToken) is IVariableDeclaratorOperation declarator
                ? declarator.GetVariableInitializer()?.Value
                : null;
        }

        private static bool IsHttpClientBuilder(ITypeSymbol? type, WellKnownTypes types)
        {
            if (type == null || types.HttpClientBuilder == null)
            {
                return false;
            }

            if (SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.HttpClientBuilder))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, types.HttpClientBuilder))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool IsClientType(ITypeSymbol type, DeepSeekEvidence evidence, WellKnownTypes types)
            => evidence.IsOpenAICompatible(type) || IsHttpClient(type, types)
               || type.Name.EndsWith("Client", StringComparison.Ordinal) || type.Name.EndsWith("Service", StringComparison.Ordinal);

        private static bool IsHttpClient(ITypeSymbol type, WellKnownTypes types)
        {
            for (var current = type; current != null && types.HttpClient != null; current = current.BaseType)
            {
                if (SymbolEqualityComparer.Default.Equals(current, types.HttpClient))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
