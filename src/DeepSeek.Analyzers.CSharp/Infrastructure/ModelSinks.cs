using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Where a model id is sent: OpenAI <c>ChatClient(model, …)</c>, <c>GetChatClient(model)</c>, SK <c>modelId:</c>,
    /// <c>ChatOptions.ModelId</c>, Betalgo <c>Model</c>, a dictionary or anonymous <c>model</c> member. Key, endpoint,
    /// output-limit and retry sinks of later rules belong beside it, one type per kind.
    /// </summary>
    internal static class ModelSinks
    {

        /// <summary>
        /// True when <paramref name="value"/> is used directly as a model id; <paramref name="owner"/> is the client creation,
        /// the call (whose receiver is the client), or the request object / body that carries it.
        /// </summary>
        public static bool TryGetModelSink(IOperation value, out IOperation owner)
        {
            owner = value;
            var node = value;
            var parent = value.Parent;
            while (parent != null)
            {
                switch (parent)
                {
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case ISwitchExpressionArmOperation _:
                    case ISwitchExpressionOperation _:
                        node = parent;
                        parent = parent.Parent;
                        continue;
                    case ICoalesceOperation coalesce when coalesce.WhenNull == node || coalesce.Value == node:
                    case IConditionalOperation conditional when conditional.WhenTrue == node || conditional.WhenFalse == node:
                        node = parent;
                        parent = parent.Parent;
                        continue;
                    case IArgumentOperation argument:
                        return TryGetArgumentSink(argument, out owner);
                    case ISimpleAssignmentOperation assignment when assignment.Value == node:
                        return TryGetAssignmentSink(assignment, out owner);
                    default:
                        return false;
                }
            }

            return false;
        }


        /// <summary>True for a parameter or member name that holds a model id (<c>model</c>, <c>modelId</c>, <c>DefaultModelId</c>).</summary>
        public static bool IsModelSlotName(string? name)
        {
            if (name == null)
            {
                return false;
            }

            return string.Equals(name, "model", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "modelId", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "modelName", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "defaultModel", StringComparison.OrdinalIgnoreCase)
                || string.Equals(name, "defaultModelId", StringComparison.OrdinalIgnoreCase);
        }


        private static bool TryGetArgumentSink(IArgumentOperation argument, out IOperation owner)
        {
            owner = argument;
            var call = argument.Parent;
            if (!(call is IInvocationOperation) && !(call is IObjectCreationOperation))
            {
                return false;
            }

            if (IsModelSlotName(argument.Parameter?.Name))
            {
                owner = call;
                return true;
            }

            // dictionary.Add("model", value), including collection initializers.
            if (call is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 2
                && add.Arguments[1] == argument && add.Arguments[0].Value.ConstantValue.Value is string key && IsModelSlotName(key))
            {
                owner = OwnerOfMember(add.Instance, add);
                return true;
            }

            return false;
        }


        private static bool TryGetAssignmentSink(ISimpleAssignmentOperation assignment, out IOperation owner)
        {
            owner = assignment;
            IOperation? instance;
            string? name;
            switch (assignment.Target)
            {
                case IPropertyReferenceOperation property when property.Arguments.Length == 1:
                    name = property.Arguments[0].Value.ConstantValue.Value as string;
                    instance = property.Instance;
                    break;
                case IPropertyReferenceOperation property:
                    name = property.Property.Name;
                    instance = property.Instance;
                    break;
                case IFieldReferenceOperation field:
                    name = field.Field.Name;
                    instance = field.Instance;
                    break;
                default:
                    return false;
            }

            if (!IsModelSlotName(name))
            {
                return false;
            }

            owner = OwnerOfMember(instance, assignment);
            return true;
        }


        /// <summary>The object a member set belongs to: the creation for an initializer, else the receiver expression.</summary>
        private static IOperation OwnerOfMember(IOperation? instance, IOperation member)
        {
            if (instance == null || instance is IInstanceReferenceOperation reference && reference.ReferenceKind == InstanceReferenceKind.ImplicitReceiver)
            {
                var parent = member.Parent;
                while (parent is IObjectOrCollectionInitializerOperation || parent is IMemberInitializerOperation)
                {
                    parent = parent.Parent;
                }

                return parent is IObjectCreationOperation || parent is IAnonymousObjectCreationOperation ? parent : member;
            }

            return instance;
        }
    }
}
