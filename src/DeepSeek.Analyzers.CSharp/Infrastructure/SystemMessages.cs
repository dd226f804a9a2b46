using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The system (and developer) messages of a chat request, in every shape the SDKs and raw bodies take, with the
    /// operations holding their text and the operation whose destination says where the request goes.
    /// </summary>
    internal static class SystemMessages
    {
        /// <summary>
        /// True when <paramref name="operation"/> creates or adds a system or developer message. <paramref name="texts"/>
        /// receives the operations holding its text; <paramref name="anchor"/> is the message (or, for
        /// <c>history.AddSystemMessage(…)</c>, the history) whose destination decides whether it goes to DeepSeek.
        /// </summary>
        public static bool TryGet(IOperation operation, WellKnownTypes types, List<IOperation> texts, out IOperation? anchor)
        {
            anchor = null;
            switch (operation)
            {
                case IObjectCreationOperation creation:
                    return TryGetCreation(creation, types, texts, ref anchor);
                case IInvocationOperation invocation:
                    return TryGetInvocation(invocation, types, texts, ref anchor);
                case IAnonymousObjectCreationOperation anonymous:
                    return TryGetAnonymous(anonymous, texts, ref anchor);
                default:
                    return false;
            }
        }

        private static bool TryGetCreation(IObjectCreationOperation creation, WellKnownTypes types, List<IOperation> texts, ref IOperation? anchor)
        {
            var type = creation.Type;
            var arguments = creation.Arguments;
            if (type == null)
            {
                return false;
            }

            if (Is(type, types.OpenAISystemChatMessage) || Is(type, types.OpenAIDeveloperChatMessage))
            {
                // new SystemChatMessage(text) or new SystemChatMessage(ChatMessageContentPart.CreateTextPart(text), …).
                AddArguments(arguments, texts, types);
            }
            else if (Is(type, types.MeaiChatMessage) || Is(type, types.BetalgoChatMessage))
            {
                // MEAI new ChatMessage(ChatRole.System, text | contents); Betalgo new ChatMessage(ChatCompletionRole.System, text).
                if (!IsSystemRole(Argument(arguments, 0), types) || Argument(arguments, 1) == null)
                {
                    return false;
                }

                AddText(Argument(arguments, 1)!, texts, types, 0);
            }
            else if (Is(type, types.SkChatHistory))
            {
                // new ChatHistory(systemMessage) or new ChatHistory(message, AuthorRole.System).
                if (arguments.Length == 0 || Argument(arguments, 0)?.Type?.SpecialType != SpecialType.System_String
                    || (arguments.Length > 1 && !IsSystemRole(Argument(arguments, 1), types)))
                {
                    return false;
                }

                texts.Add(Argument(arguments, 0)!);
            }
            else if (creation.Initializer != null && (Is(type, types.Dictionary) || Is(type, types.JsonObject)))
            {
                return TryGetDictionary(creation, texts, ref anchor);
            }
            else
            {
                return false;
            }

            anchor = creation;
            return texts.Count > 0;
        }

        private static bool TryGetInvocation(IInvocationOperation invocation, WellKnownTypes types, List<IOperation> texts, ref IOperation? anchor)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            var arguments = invocation.Arguments;
            switch (name)
            {
                case "CreateSystemMessage":
                case "CreateDeveloperMessage":
                    if (!Is(method.ContainingType, types.OpenAIChatMessage))
                    {
                        return false;
                    }

                    AddArguments(arguments, texts, types);
                    anchor = invocation;
                    return texts.Count > 0;

                case "FromSystem":
                case "FromDeveloper":
                    if (!Is(method.ContainingType, types.BetalgoChatMessage))
                    {
                        return false;
                    }

                    var content = Argument(arguments, 0);
                    if (content != null)
                    {
                        AddText(content, texts, types, 0);
                    }

                    anchor = invocation;
                    return texts.Count > 0;

                case "AddSystemMessage":
                case "AddDeveloperMessage":
                case "AddMessage":
                    if (invocation.Instance == null || !TypeSymbols.IsOrDerivesFrom(invocation.Instance.Type, types.SkChatHistory)
                        || arguments.Length == 0)
                    {
                        return false;
                    }

                    if (name == "AddMessage")
                    {
                        // history.AddMessage(AuthorRole.System, text).
                        if (!IsSystemRole(Argument(arguments, 0), types) || Argument(arguments, 1)?.Type?.SpecialType != SpecialType.System_String)
                        {
                            return false;
                        }

                        texts.Add(Argument(arguments, 1)!);
                    }
                    else if (Argument(arguments, 0) is IOperation text)
                    {
                        texts.Add(text);
                    }
                    else
                    {
                        return false;
                    }

                    anchor = invocation.Instance;
                    return true;

                default:
                    return false;
            }
        }

        /// <summary><c>new { role = "system", content = … }</c>.</summary>
        private static bool TryGetAnonymous(IAnonymousObjectCreationOperation anonymous, List<IOperation> texts, ref IOperation? anchor)
        {
            IOperation? content = null;
            var system = false;
            foreach (var initializer in anonymous.Initializers)
            {
                if (initializer is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    if (property.Property.Name == "role")
                    {
                        system = IsSystemRoleText(assignment.Value);
                    }
                    else if (property.Property.Name == "content")
                    {
                        content = assignment.Value;
                    }
                }
            }

            if (!system || content == null)
            {
                return false;
            }

            texts.Add(content);
            anchor = anonymous;
            return true;
        }

        /// <summary><c>new Dictionary&lt;string, object?&gt; { ["role"] = "system", ["content"] = … }</c>, <c>{ "role", "system" }</c>, <c>JsonObject</c> alike.</summary>
        private static bool TryGetDictionary(IObjectCreationOperation creation, List<IOperation> texts, ref IOperation? anchor)
        {
            IOperation? content = null;
            var system = false;
            foreach (var element in creation.Initializer!.Initializers)
            {
                if (!TryGetEntry(element, out var key, out var value) || !(key.WithoutConversions().ConstantValue.Value is string name))
                {
                    continue;
                }

                if (name == "role")
                {
                    system = IsSystemRoleText(value);
                }
                else if (name == "content")
                {
                    content = value;
                }
            }

            if (!system || content == null)
            {
                return false;
            }

            texts.Add(content);
            anchor = creation;
            return true;
        }

        /// <summary>A dictionary or <c>JsonObject</c> initializer entry: <c>["key"] = value</c> or <c>{ "key", value }</c>.</summary>
        public static bool TryGetEntry(IOperation element, out IOperation key, out IOperation value)
        {
            switch (element)
            {
                case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation indexer
                                                               && indexer.Arguments.Length == 1:
                    key = indexer.Arguments[0].Value;
                    value = assignment.Value;
                    return true;
                case IInvocationOperation add when add.Arguments.Length == 2:
                    key = add.Arguments[0].Value;
                    value = add.Arguments[1].Value;
                    return true;
                default:
                    key = element;
                    value = element;
                    return false;
            }
        }

        /// <summary>
        /// The expression whose destination is the request's: the message, or the outermost list, array, body or request
        /// object it is part of (collection and object initializers, arrays, collection expressions, anonymous members,
        /// constructor arguments), or the list a <c>messages.Add(…)</c> adds it to (through the local's initializer).
        /// </summary>
        public static IOperation ContainerOf(IOperation anchor, MessageTextFlow flow)
        {
            var node = anchor;
            for (var step = 0; step < 32; step++)
            {
                var parent = node.Parent;
                switch (parent)
                {
                    case null:
                        return node;
                    case IConversionOperation _:
                    case IParenthesizedOperation _:
                    case IArrayInitializerOperation _:
                    case IArrayCreationOperation _:
                    case IObjectOrCollectionInitializerOperation _:
                    case IMemberInitializerOperation _:
                    case IAnonymousObjectCreationOperation _:
                    case IObjectCreationOperation _:
                        node = parent;
                        continue;
                    case ISimpleAssignmentOperation assignment when assignment.Value == node
                                                                   && (assignment.Parent is IObjectOrCollectionInitializerOperation
                                                                       || assignment.Parent is IAnonymousObjectCreationOperation):
                        node = parent;
                        continue;
                    case IArgumentOperation argument when argument.Parent is IObjectCreationOperation creation:
                        node = creation;
                        continue;
                    case IArgumentOperation argument when argument.Parent is IInvocationOperation invocation:
                        if (invocation.Instance is IInstanceReferenceOperation receiver && receiver.ReferenceKind == InstanceReferenceKind.ImplicitReceiver)
                        {
                            // A collection initializer's Add.
                            node = invocation;
                            continue;
                        }

                        if (invocation.Instance != null && invocation.TargetMethod.Name.StartsWith("Add", StringComparison.Ordinal)
                            && invocation.Instance.WithoutConversions() is ILocalReferenceOperation list)
                        {
                            return ListOf(list, flow) ?? node;
                        }

                        return node;
                    default:
                        if (parent.Syntax is CollectionExpressionSyntax || parent.Syntax is ExpressionElementSyntax)
                        {
                            node = parent;
                            continue;
                        }

                        if (anchor == node && node.WithoutConversions() is ILocalReferenceOperation history)
                        {
                            // history.AddSystemMessage(…): where the history local was created.
                            return ListOf(history, flow) ?? node;
                        }

                        return node;
                }
            }

            return node;
        }

        /// <summary>The container of a local list or history: its single creation in the method, or null.</summary>
        private static IOperation? ListOf(ILocalReferenceOperation local, MessageTextFlow flow)
        {
            var values = flow.ValuesOf(local.Local, local);
            return values != null && values.Count == 1 ? ContainerOf(values[0], flow) : null;
        }

        /// <summary><c>ChatRole.System</c>, <c>AuthorRole.System</c>, <c>ChatCompletionRole.System/Developer</c>, <c>new ChatRole("system")</c>, <c>"system"</c>.</summary>
        private static bool IsSystemRole(IOperation? role, WellKnownTypes types)
        {
            if (role == null)
            {
                return false;
            }

            role = role.WithoutConversions();
            switch (role)
            {
                case IPropertyReferenceOperation property when property.Property.IsStatic:
                    var owner = property.Property.ContainingType;
                    return (property.Property.Name == "System" || property.Property.Name == "Developer")
                           && (Is(owner, types.MeaiChatRole) || Is(owner, types.SkAuthorRole) || Is(owner, types.BetalgoChatCompletionRole));
                case IObjectCreationOperation creation when creation.Arguments.Length == 1:
                    return IsSystemRoleText(creation.Arguments[0].Value);
                default:
                    return IsSystemRoleText(role);
            }
        }

        private static bool IsSystemRoleText(IOperation value)
            => value.WithoutConversions().ConstantValue.Value is string role
               && (string.Equals(role, "system", StringComparison.OrdinalIgnoreCase)
                   || string.Equals(role, "developer", StringComparison.OrdinalIgnoreCase));

        /// <summary>
        /// Text arguments, looking into content-part lists:
        /// <c>ChatMessageContentPart.CreateTextPart(text)</c>, <c>new TextContent(text)</c>, arrays and list initializers.
        /// </summary>
        private static void AddArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, List<IOperation> texts, WellKnownTypes types)
        {
            foreach (var argument in arguments)
            {
                if (argument.ArgumentKind != ArgumentKind.DefaultValue)
                {
                    AddText(argument.Value, texts, types, 0);
                }
            }
        }

        private static void AddText(IOperation value, List<IOperation> texts, WellKnownTypes types, int depth)
        {
            if (depth > 4)
            {
                return;
            }

            var unwrapped = value.WithoutConversions();
            switch (unwrapped)
            {
                case IArrayCreationOperation array when array.Initializer != null:
                    foreach (var element in array.Initializer.ElementValues)
                    {
                        AddText(element, texts, types, depth + 1);
                    }

                    return;
                case IObjectCreationOperation creation when Is(creation.Type, types.MeaiTextContent):
                    AddArguments(creation.Arguments, texts, types);
                    return;
                case IObjectCreationOperation creation when creation.Initializer != null:
                    foreach (var element in creation.Initializer.Initializers)
                    {
                        if (element is IInvocationOperation add)
                        {
                            foreach (var argument in add.Arguments)
                            {
                                AddText(argument.Value, texts, types, depth + 1);
                            }
                        }
                    }

                    return;
                case IInvocationOperation part when part.TargetMethod.Name == "CreateTextPart"
                                                    && Is(part.TargetMethod.ContainingType, types.OpenAIChatMessageContentPart):
                    AddArguments(part.Arguments, texts, types);
                    return;
                default:
                    if (unwrapped.Syntax is CollectionExpressionSyntax)
                    {
                        // [new TextContent(text)]: the operation kind is newer than the Roslyn this package builds against.
                        foreach (var element in unwrapped.ChildOperations)
                        {
                            AddText(element, texts, types, depth + 1);
                        }

                        return;
                    }

                    if (unwrapped.Type?.SpecialType == SpecialType.System_String)
                    {
                        texts.Add(value);
                    }

                    return;
            }
        }

        private static IOperation? Argument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Ordinal == ordinal)
                {
                    return argument.ArgumentKind == ArgumentKind.DefaultValue ? null : argument.Value;
                }
            }

            return null;
        }

        private static bool Is(ITypeSymbol? type, INamedTypeSymbol? known) => PerCallValues.Is(type, known);
    }
}
