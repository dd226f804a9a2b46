using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;
using static DeepSeek.Analyzers.Infrastructure.DeepSeekBindings;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>One evaluation: follows flows with a depth limit and a cycle guard.</summary>
    internal sealed class EvidenceQuery
    {
        public const int MaxDepth = 10;
        private const int MaxSteps = 4000;

        private readonly EvidenceSignals _signals;
        private readonly EvidenceFacts _tree;
        private readonly CancellationToken _cancellationToken;
        private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
        private bool _truncated;
        private int _steps;

        public EvidenceQuery(EvidenceSignals signals, EvidenceFacts tree, CancellationToken cancellationToken)
        {
            _signals = signals;
            _tree = tree;
            _cancellationToken = cancellationToken;
        }

        public DeepSeekBinding BindingOfOwner(IOperation owner)
        {
            var binding = Eval(owner, 0);
            if (binding != DeepSeekBinding.Unknown)
            {
                return binding;
            }

            binding = Consumers(owner);
            if (binding != DeepSeekBinding.Unknown)
            {
                return binding;
            }

            // A request or body is usually built beside the client that sends it, so the code around it is
            // evidence. A client is not: one built without an endpoint in a class that also talks to OpenRouter
            // is not thereby an OpenRouter client.
            return IsClientLike(owner) ? DeepSeekBinding.Unknown : _tree.BindingOfContainingCode(owner, _cancellationToken);
        }

        public DeepSeekBinding Destination(IOperation owner) => Consumers(owner);

        /// <summary>A call (<c>GetChatClient</c>, <c>AddOpenAIChatCompletion</c>) or the creation of a client, service or builder.</summary>
        private static bool IsClientLike(IOperation owner)
        {
            if (owner is IInvocationOperation)
            {
                return true;
            }

            if (!(owner is IObjectCreationOperation) || !(owner.Type is INamedTypeSymbol type))
            {
                return false;
            }

            var name = type.Name;
            return name.EndsWith("Client", StringComparison.Ordinal) || name.EndsWith("Service", StringComparison.Ordinal)
                   || name.EndsWith("Builder", StringComparison.Ordinal);
        }

        public DeepSeekBinding Eval(IOperation? operation, int depth)
        {
            if (operation == null)
            {
                return DeepSeekBinding.Unknown;
            }

            // Depth and a step budget bound the work on pathological code (long assignment chains, huge fan-out).
            if (depth > MaxDepth || ++_steps > MaxSteps)
            {
                _truncated = true;
                return DeepSeekBinding.Unknown;
            }

            _cancellationToken.ThrowIfCancellationRequested();
            var constant = operation.ConstantValue;
            if (constant.HasValue)
            {
                return constant.Value is string text ? _signals.BindingOfString(text, anyOtherHost: true) : DeepSeekBinding.Unknown;
            }

            if (_signals.IsDeepSeekSdkType(operation.Type))
            {
                return DeepSeekBinding.Bound;
            }

            var next = depth + 1;
            switch (operation)
            {
                case IConversionOperation conversion:
                    return Eval(conversion.Operand, next);
                case IParenthesizedOperation parenthesized:
                    return Eval(parenthesized.Operand, next);
                case IAwaitOperation awaited:
                    return Eval(awaited.Operation, next);
                case ICoalesceOperation coalesce:
                    return Combine(Eval(coalesce.Value, next), Eval(coalesce.WhenNull, next));
                case IConditionalOperation conditional when conditional.WhenFalse != null:
                    return Combine(Eval(conditional.WhenTrue, next), Eval(conditional.WhenFalse, next));
                case IConditionalAccessOperation access:
                    return Combine(Eval(access.Operation, next), Eval(access.WhenNotNull, next));
                case IConditionalAccessInstanceOperation instance:
                    return EvalConditionalInstance(instance, next);
                case IBinaryOperation binary:
                    return Combine(Eval(binary.LeftOperand, next), Eval(binary.RightOperand, next));
                case IInterpolatedStringOperation interpolated:
                    return EvalInterpolated(interpolated, next);
                case IObjectCreationOperation creation:
                    return Combine(EvalArguments(creation.Arguments, next), EvalInitializer(creation.Initializer, next));
                case IAnonymousObjectCreationOperation anonymous:
                    return EvalMembers(anonymous.Initializers, next);
                case IInvocationOperation invocation:
                    return EvalInvocation(invocation, next);
                case IPropertyReferenceOperation property:
                    return EvalMemberReference(property, property.Property.OriginalDefinition, property.Instance, next);
                case IFieldReferenceOperation field:
                    return EvalMemberReference(field, field.Field.OriginalDefinition, field.Instance, next);
                case ILocalReferenceOperation local:
                    return EvalSymbol(local.Local, next);
                case IParameterReferenceOperation parameter:
                    return EvalSymbol(parameter.Parameter.OriginalDefinition, next);
                case ISimpleAssignmentOperation assignment:
                    // A member set recorded against its receiver (options.Endpoint = …). A catalog id counts
                    // wherever it flows into a client or request, so the member name does not matter.
                    return Eval(assignment.Value, next);
                default:
                    return DeepSeekBinding.Unknown;
            }
        }

        private DeepSeekBinding EvalInvocation(IInvocationOperation invocation, int depth)
        {
            if (_signals.IsSecretRead(invocation) || _signals.IsDeepSeekSdkType(invocation.TargetMethod.ContainingType))
            {
                return DeepSeekBinding.Bound;
            }

            // client.GetChatClient(model), chat.AsIChatClient(), builder.AddOpenAIChatCompletion(modelId:, endpoint:), factory methods.
            var result = Eval(invocation.Instance, depth);
            if (result == DeepSeekBinding.OtherHost)
            {
                return result;
            }

            result = Combine(result, EvalArguments(invocation.Arguments, depth));
            if (result != DeepSeekBinding.OtherHost && !invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty)
            {
                result = Combine(result, EvalSymbol(invocation.TargetMethod.OriginalDefinition, depth));
            }

            return result;
        }

        private DeepSeekBinding EvalMemberReference(IOperation reference, ISymbol symbol, IOperation? instance, int depth)
        {
            if (_signals.IsSecretRead(reference))
            {
                return DeepSeekBinding.Bound;
            }

            var result = IsTrackedOrMethod(symbol) ? EvalSymbol(symbol, depth) : DeepSeekBinding.Unknown;
            if (result == DeepSeekBinding.OtherHost || instance == null || instance is IInstanceReferenceOperation)
            {
                return result;
            }

            // settings.Endpoint, client.Chat, section["ApiKey"]: the receiver's evidence.
            return Combine(result, Eval(instance, depth));
        }

        private DeepSeekBinding EvalSymbol(ISymbol symbol, int depth)
        {
            if (_tree.SymbolMemo.TryGetValue(symbol, out var memo))
            {
                return memo;
            }

            var type = symbol is ILocalSymbol local ? local.Type
                : symbol is IParameterSymbol parameter ? parameter.Type
                : symbol is IFieldSymbol field ? field.Type
                : symbol is IPropertySymbol property ? property.Type
                : null;
            if (_signals.IsDeepSeekSdkType(type))
            {
                return DeepSeekBinding.Bound;
            }

            if (!_tree.Assignments.TryGetValue(symbol, out var values))
            {
                return CrossFileInitializers.BindingOf(symbol, _signals, depth, _cancellationToken);
            }

            if (!_visiting.Add(symbol))
            {
                _truncated = true;
                return DeepSeekBinding.Unknown;
            }

            var outerTruncated = _truncated;
            _truncated = false;
            var result = DeepSeekBinding.Unknown;
            foreach (var value in values)
            {
                result = Combine(result, Eval(value, depth));
                if (result == DeepSeekBinding.OtherHost)
                {
                    break;
                }
            }

            _visiting.Remove(symbol);
            if (!_truncated)
            {
                _tree.SymbolMemo.TryAdd(symbol, result);
            }

            _truncated |= outerTruncated;
            return result;
        }

        private DeepSeekBinding EvalArguments(ImmutableArray<IArgumentOperation> arguments, int depth, IArgumentOperation? skip = null)
        {
            var result = DeepSeekBinding.Unknown;
            foreach (var argument in arguments)
            {
                if (argument == skip || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                result = Combine(result, Eval(argument.Value, depth));
                if (result == DeepSeekBinding.OtherHost)
                {
                    break;
                }
            }

            return result;
        }

        private DeepSeekBinding EvalInitializer(IObjectOrCollectionInitializerOperation? initializer, int depth)
        {
            if (initializer == null)
            {
                return DeepSeekBinding.Unknown;
            }

            var result = DeepSeekBinding.Unknown;
            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Value is IObjectOrCollectionInitializerOperation nested:
                        result = Combine(result, EvalInitializer(nested, depth));
                        break;
                    case ISimpleAssignmentOperation assignment:
                        result = Combine(result, Eval(assignment.Value, depth));
                        break;
                    case IMemberInitializerOperation member:
                        result = Combine(result, EvalInitializer(member.Initializer, depth));
                        break;
                    case IInvocationOperation add:
                        result = Combine(result, EvalArguments(add.Arguments, depth));
                        break;
                }

                if (result == DeepSeekBinding.OtherHost)
                {
                    break;
                }
            }

            return result;
        }

        private DeepSeekBinding EvalMembers(ImmutableArray<IOperation> initializers, int depth)
        {
            var result = DeepSeekBinding.Unknown;
            foreach (var element in initializers)
            {
                if (element is ISimpleAssignmentOperation assignment)
                {
                    result = Combine(result, Eval(assignment.Value, depth));
                }
            }

            return result;
        }

        private DeepSeekBinding EvalInterpolated(IInterpolatedStringOperation interpolated, int depth)
        {
            var result = DeepSeekBinding.Unknown;
            foreach (var part in interpolated.Parts)
            {
                switch (part)
                {
                    case IInterpolatedStringTextOperation text when text.Text.ConstantValue.Value is string value:
                        result = Combine(result, _signals.BindingOfString(value, anyOtherHost: true));
                        break;
                    case IInterpolationOperation interpolation:
                        result = Combine(result, Eval(interpolation.Expression, depth));
                        break;
                }
            }

            return result;
        }

        private DeepSeekBinding EvalConditionalInstance(IConditionalAccessInstanceOperation instance, int depth)
        {
            for (var parent = instance.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IConditionalAccessOperation access)
                {
                    return Eval(access.Operation, depth);
                }
            }

            return DeepSeekBinding.Unknown;
        }

        /// <summary>Where a request object or body goes: the receiver and other arguments of the call it is handed to.</summary>
        private DeepSeekBinding Consumers(IOperation owner)
        {
            var node = owner;
            for (var step = 0; step < 4; step++)
            {
                var parent = node.ParentThroughConversions(out node, throughAwait: true);

                switch (parent)
                {
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                        {
                            var binding = Combine(Eval(invocation.Instance, 0), EvalArguments(invocation.Arguments, 0, skip: argument));
                            if (binding != DeepSeekBinding.Unknown)
                            {
                                return binding;
                            }

                            node = invocation;
                            continue;
                        }

                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation creation:
                        {
                            var binding = EvalArguments(creation.Arguments, 0, skip: argument);
                            if (binding != DeepSeekBinding.Unknown)
                            {
                                return binding;
                            }

                            node = creation;
                            continue;
                        }

                    case IInvocationOperation call when call.Instance == node:
                        {
                            var binding = EvalArguments(call.Arguments, 0);
                            if (binding != DeepSeekBinding.Unknown)
                            {
                                return binding;
                            }

                            node = call;
                            continue;
                        }

                    default:
                        return ConsumersOfSymbol(EvidenceSymbols.GetAssignedSymbol(node), node);
                }
            }

            return DeepSeekBinding.Unknown;
        }

        private DeepSeekBinding ConsumersOfSymbol(ISymbol? symbol, IOperation assigned)
        {
            if (symbol == null || !_tree.Uses.TryGetValue(symbol, out var uses))
            {
                return DeepSeekBinding.Unknown;
            }

            var result = DeepSeekBinding.Unknown;
            foreach (var use in uses)
            {
                var binding = DeepSeekBinding.Unknown;
                switch (use)
                {
                    case IInvocationOperation invocation:
                        binding = Combine(Eval(invocation.Instance, 0), EvalArguments(invocation.Arguments, 0));
                        break;
                    case IObjectCreationOperation creation:
                        binding = EvalArguments(creation.Arguments, 0);
                        break;
                }

                result = Combine(result, binding);
            }

            return result;
        }

        /// <summary>Tracked symbols, and this project's methods (factory methods whose returns the facts record).</summary>
        private static bool IsTrackedOrMethod(ISymbol symbol) => symbol is IMethodSymbol || EvidenceSymbols.IsTracked(symbol);
    }
}
