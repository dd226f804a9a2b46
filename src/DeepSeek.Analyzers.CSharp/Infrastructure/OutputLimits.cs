using System;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What a request says about its output limit, as DeepSeek sees it on the wire.</summary>
    internal enum OutputLimit
    {
        /// <summary>Cannot tell (options from a parameter or another method, a key computed at run time): rules stay silent.</summary>
        Unknown,

        /// <summary>No limit at all: the output is unbounded.</summary>
        None,

        /// <summary>Only <c>max_completion_tokens</c> (or an SDK property serialised as it), which DeepSeek ignores.</summary>
        CompletionTokensOnly,

        /// <summary><c>max_tokens</c> reaches the wire.</summary>
        MaxTokens,
    }

    /// <summary>
    /// Reads the output limit of a chat request in the shapes DSK006 knows: OpenAI <c>ChatCompletionOptions</c>, MEAI
    /// <c>ChatOptions</c>, and raw bodies (anonymous objects, dictionaries, <c>JsonObject</c>, JSON text). A limit set after the
    /// object's creation counts when it is set on a local of the same method before the call (statement order); any other use
    /// of the local that could set one out of sight (a reassignment, this project's method taking it) makes the answer Unknown.
    /// </summary>
    internal static class OutputLimits
    {
        /// <summary>The JSONPath the OpenAI SDK's <c>Patch.Set</c> takes for DeepSeek's limit.</summary>
        public const string MaxTokensPatchPath = "$." + DeepSeekCatalog.MaxTokensProperty;

        /// <summary>The limit of the <c>ChatCompletionOptions</c> argument of an OpenAI chat call (null: the call passes none).</summary>
        public static OutputLimit OfOpenAIOptions(IArgumentOperation? argument, IOperation call, WellKnownTypes types)
            => OfOptions(argument, call, types.ChatCompletionOptions, OpenAIMember);

        /// <summary>The limit of the <c>ChatOptions</c> argument of a Microsoft.Extensions.AI chat call (null: the call passes none).</summary>
        public static OutputLimit OfMeaiOptions(IArgumentOperation? argument, IOperation call, WellKnownTypes types)
            => OfOptions(argument, call, types.MeaiChatOptions, MeaiMember);

        /// <summary>The limit of the Betalgo <c>ChatCompletionCreateRequest</c> argument of <c>CreateCompletion</c>.</summary>
        public static OutputLimit OfBetalgoRequest(IArgumentOperation? argument, IOperation call, WellKnownTypes types)
            => argument == null ? OutputLimit.Unknown : OfOptions(argument, call, types.BetalgoChatCompletionCreateRequest, BetalgoMember);

        /// <summary>
        /// The limit of Semantic Kernel execution settings (an argument value; null: none passed). Only
        /// <c>OpenAIPromptExecutionSettings</c> is read: its <c>MaxTokens</c> goes out as <c>max_completion_tokens</c>, its
        /// <c>ExtraBody["max_tokens"]</c> as <c>max_tokens</c>. Base settings carrying <c>ExtensionData</c> are Unknown.
        /// </summary>
        public static OutputLimit OfSkSettings(IOperation? value, IOperation call, INamedTypeSymbol? openAISettings, INamedTypeSymbol? baseSettings)
        {
            if (value == null)
            {
                return OutputLimit.None;
            }

            value = value.WithoutConversions();
            if (IsNull(value))
            {
                return OutputLimit.None;
            }

            if (value is ILocalReferenceOperation reference)
            {
                var initializer = InitializerOf(reference.Local, call);
                if (!(initializer is IObjectCreationOperation created) || !TypeSymbols.IsOrDerivesFrom(created.Type, openAISettings))
                {
                    return OutputLimit.Unknown;
                }

                return Merge(OfInitializer(created.Initializer, SkMember), ScanLocal(reference.Local, call, call, (use, parent) => OptionsUse(use, parent, SkMember)));
            }

            if (!(value is IObjectCreationOperation creation))
            {
                return OutputLimit.Unknown;
            }

            if (TypeSymbols.IsOrDerivesFrom(creation.Type, openAISettings))
            {
                return OfInitializer(creation.Initializer, SkMember);
            }

            // new PromptExecutionSettings { ExtensionData = … } may name either field.
            return SymbolEqualityComparer.Default.Equals(creation.Type, baseSettings) && creation.Initializer == null ? OutputLimit.None : OutputLimit.Unknown;
        }

        /// <summary>
        /// The limit of a raw body's members (anonymous object, dictionary or <c>JsonObject</c>): <paramref name="keys"/> says which
        /// of <c>model</c> and <c>messages</c> it holds. Members set on a local later in the method count wherever they are.
        /// </summary>
        public static OutputLimit OfBody(IOperation creation, out BodyKeys keys)
        {
            keys = BodyKeys.None;
            var limit = OutputLimit.None;
            switch (creation)
            {
                case IAnonymousObjectCreationOperation anonymous:
                    foreach (var member in anonymous.Initializers)
                    {
                        if (member is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                        {
                            limit = Merge(limit, Key(property.Property.Name, ref keys));
                        }
                    }

                    // An anonymous object cannot change after its creation.
                    return limit;
                case IObjectCreationOperation objectCreation:
                    if (objectCreation.Initializer != null)
                    {
                        foreach (var element in objectCreation.Initializer.Initializers)
                        {
                            if (!SystemMessages.TryGetEntry(element, out var key, out _))
                            {
                                return OutputLimit.Unknown;
                            }

                            limit = Merge(limit, KeyOf(key, ref keys));
                        }
                    }

                    var local = LocalOf(creation);
                    if (local == null)
                    {
                        return objectCreation.Initializer == null ? OutputLimit.Unknown : limit;
                    }

                    var bodyKeys = keys;
                    limit = Merge(limit, ScanLocal(local, creation, before: null, (reference, parent) => BodyUse(reference, parent, ref bodyKeys)));
                    keys = bodyKeys;
                    return limit;
                default:
                    return OutputLimit.Unknown;
            }
        }

        /// <summary>The limit of JSON text (the decoded value of a string), with its <c>model</c>/<c>messages</c> keys.</summary>
        public static OutputLimit OfJsonText(string text, out BodyKeys keys)
        {
            keys = BodyKeys.None;
            if (JsonModelText.HasProperty(text, "model", "\""))
            {
                keys |= BodyKeys.Model;
            }

            if (JsonModelText.HasProperty(text, "messages", "\""))
            {
                keys |= BodyKeys.Messages;
            }

            if (keys != BodyKeys.Both)
            {
                return OutputLimit.Unknown;
            }

            if (JsonModelText.HasProperty(text, DeepSeekCatalog.MaxTokensProperty, "\""))
            {
                return OutputLimit.MaxTokens;
            }

            return JsonModelText.HasProperty(text, DeepSeekCatalog.MaxCompletionTokensProperty, "\"")
                ? OutputLimit.CompletionTokensOnly
                : OutputLimit.None;
        }

        private static OutputLimit OfOptions(
            IArgumentOperation? argument,
            IOperation call,
            INamedTypeSymbol? optionsType,
            Func<string, bool, OutputLimit> member)
        {
            if (argument == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
            {
                return OutputLimit.None;
            }

            var value = argument.Value.WithoutConversions();
            if (value.ConstantValue.HasValue && value.ConstantValue.Value == null || value is IDefaultValueOperation)
            {
                return OutputLimit.None;
            }

            if (value is IObjectCreationOperation creation && TypeSymbols.IsOrDerivesFrom(creation.Type, optionsType))
            {
                return OfInitializer(creation.Initializer, member);
            }

            if (!(value is ILocalReferenceOperation reference))
            {
                return OutputLimit.Unknown;
            }

            // A local of this method, created here: its initializer, then what the method sets on it before the call.
            var initializer = InitializerOf(reference.Local, call);
            if (!(initializer is IObjectCreationOperation created) || !TypeSymbols.IsOrDerivesFrom(created.Type, optionsType))
            {
                return OutputLimit.Unknown;
            }

            var limit = OfInitializer(created.Initializer, member);
            return Merge(limit, ScanLocal(reference.Local, call, call, (use, parent) => OptionsUse(use, parent, member)));
        }

        private static OutputLimit OfInitializer(IObjectOrCollectionInitializerOperation? initializer, Func<string, bool, OutputLimit> member)
        {
            var limit = OutputLimit.None;
            if (initializer == null)
            {
                return limit;
            }

            foreach (var element in initializer.Initializers)
            {
                switch (element)
                {
                    case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                        limit = Merge(limit, property.Property.Name == ExtraBodyName
                            ? ExtraBody(assignment.Value)
                            : member(property.Property.Name, IsNull(assignment.Value)));
                        break;
                    case IMemberInitializerOperation nested when nested.InitializedMember is IPropertyReferenceOperation property:
                        limit = Merge(limit, member(property.Property.Name, false));
                        break;
                }
            }

            return limit;
        }

        /// <summary>OpenAI <c>ChatCompletionOptions</c>: <c>MaxOutputTokenCount</c> is sent as <c>max_completion_tokens</c>.</summary>
        private static OutputLimit OpenAIMember(string name, bool isNull)
            => name == "MaxOutputTokenCount" && !isNull ? OutputLimit.CompletionTokensOnly : OutputLimit.None;

        /// <summary>Betalgo sends <c>MaxTokens</c> as <c>max_tokens</c> and <c>MaxCompletionTokens</c> as <c>max_completion_tokens</c>.</summary>
        private static OutputLimit BetalgoMember(string name, bool isNull)
        {
            if (isNull)
            {
                return OutputLimit.None;
            }

            switch (name)
            {
                case "MaxTokens":
                    return OutputLimit.MaxTokens;
                case "MaxCompletionTokens":
                    return OutputLimit.CompletionTokensOnly;
                default:
                    return OutputLimit.None;
            }
        }

        /// <summary>
        /// Semantic Kernel <c>OpenAIPromptExecutionSettings</c>: <c>MaxTokens</c> becomes <c>max_completion_tokens</c>. Its
        /// <c>ExtraBody</c> (no other options type has a member of that name) is read by <see cref="ExtraBody"/>.
        /// </summary>
        private static OutputLimit SkMember(string name, bool isNull)
        {
            switch (name)
            {
                case "MaxTokens":
                    return isNull ? OutputLimit.None : OutputLimit.CompletionTokensOnly;
                case ExtraBodyName:
                case "ExtensionData":
                    return OutputLimit.Unknown;
                default:
                    return OutputLimit.None;
            }
        }

        private const string ExtraBodyName = "ExtraBody";

        /// <summary>
        /// Semantic Kernel's <c>ExtraBody</c>: <c>max_tokens</c> when its entries (an initializer, or <c>["max_tokens"] = n</c> /
        /// <c>Add("max_tokens", n)</c> on it) name the field; otherwise Unknown, since its keys may be computed.
        /// </summary>
        private static OutputLimit ExtraBody(IOperation value)
        {
            var keys = BodyKeys.None;
            switch (value.WithoutConversions())
            {
                case IObjectCreationOperation creation when creation.Initializer != null:
                    var limit = OutputLimit.None;
                    foreach (var element in creation.Initializer.Initializers)
                    {
                        limit = Merge(limit, SystemMessages.TryGetEntry(element, out var key, out _) ? KeyOf(key, ref keys) : OutputLimit.Unknown);
                    }

                    return limit == OutputLimit.MaxTokens ? limit : OutputLimit.Unknown;
                default:
                    return OutputLimit.Unknown;
            }
        }

        /// <summary>
        /// MEAI <c>ChatOptions</c>: <c>MaxOutputTokens</c> becomes <c>max_completion_tokens</c> in the OpenAI adapter; a raw
        /// representation factory or additional properties may carry <c>max_tokens</c> out of sight.
        /// </summary>
        private static OutputLimit MeaiMember(string name, bool isNull)
        {
            switch (name)
            {
                case "MaxOutputTokens":
                    return isNull ? OutputLimit.None : OutputLimit.CompletionTokensOnly;
                case "RawRepresentationFactory":
                case "AdditionalProperties":
                    return OutputLimit.Unknown;
                default:
                    return OutputLimit.None;
            }
        }

        /// <summary>What one use of an options local before the call says.</summary>
        private static OutputLimit OptionsUse(IOperation reference, IOperation? parent, Func<string, bool, OutputLimit> member)
        {
            switch (parent)
            {
                case IPropertyReferenceOperation property when property.Instance == reference:
                    if (property.Property.Name == "Patch")
                    {
                        // options.Patch.Set("$.max_tokens"u8, n): the OpenAI SDK's way to send a member it does not model.
                        var call = property.ParentThroughConversions(out var node);
                        return call is IInvocationOperation set && set.Instance == node && set.TargetMethod.Name == "Set"
                               && set.Arguments.Length >= 1 && PathOf(set.Arguments[0].Value) == MaxTokensPatchPath
                            ? OutputLimit.MaxTokens
                            : OutputLimit.None;
                    }

                    if (property.ParentThroughConversions(out var target) is IAssignmentOperation assignment && assignment.Target == target)
                    {
                        return property.Property.Name == ExtraBodyName
                            ? ExtraBody(assignment.Value)
                            : member(property.Property.Name, IsNull(assignment.Value));
                    }

                    if (property.Property.Name == ExtraBodyName)
                    {
                        // settings.ExtraBody["max_tokens"] = n, settings.ExtraBody.Add("max_tokens", n).
                        var keys = BodyKeys.None;
                        var use = property.ParentThroughConversions(out _);
                        var limit = use is IPropertyReferenceOperation indexer && indexer.Arguments.Length == 1
                                    && indexer.ParentThroughConversions(out var slot) is IAssignmentOperation set && set.Target == slot
                            ? KeyOf(indexer.Arguments[0].Value, ref keys)
                            : use is IInvocationOperation add && add.TargetMethod.Name == "Add" && add.Arguments.Length == 2
                                ? KeyOf(add.Arguments[0].Value, ref keys)
                                : OutputLimit.Unknown;
                        return limit == OutputLimit.MaxTokens ? limit : OutputLimit.Unknown;
                    }

                    // A read leaves the limit as it is, unless the member may carry one out of sight.
                    return member(property.Property.Name, false) == OutputLimit.Unknown ? OutputLimit.Unknown : OutputLimit.None;
                default:
                    return CommonUse(reference, parent);
            }
        }

        /// <summary>What one use of a body local (dictionary, <c>JsonObject</c>) says, and which keys it adds.</summary>
        private static OutputLimit BodyUse(IOperation reference, IOperation? parent, ref BodyKeys keys)
        {
            switch (parent)
            {
                case IPropertyReferenceOperation indexer when indexer.Instance == reference && indexer.Arguments.Length == 1:
                    {
                        var isSet = indexer.ParentThroughConversions(out var target) is IAssignmentOperation assignment && assignment.Target == target;
                        return isSet ? KeyOf(indexer.Arguments[0].Value, ref keys) : OutputLimit.None;
                    }

                case IInvocationOperation add when add.Instance == reference:
                    return (add.TargetMethod.Name == "Add" || add.TargetMethod.Name == "TryAdd") && add.Arguments.Length == 2
                        ? KeyOf(add.Arguments[0].Value, ref keys)
                        : OutputLimit.None;
                default:
                    return CommonUse(reference, parent);
            }
        }

        /// <summary>
        /// Uses that leave the object as it is (sent, read, serialised), or that may set a limit out of sight: handed to this
        /// project's own method, reassigned, taken by reference.
        /// </summary>
        private static OutputLimit CommonUse(IOperation reference, IOperation? parent)
        {
            switch (parent)
            {
                case IArgumentOperation argument:
                    {
                        var method = argument.Parent is IInvocationOperation invocation ? invocation.TargetMethod
                            : argument.Parent is IObjectCreationOperation creation ? creation.Constructor
                            : null;
                        return method == null || !method.DeclaringSyntaxReferences.IsEmpty || argument.Parameter?.RefKind != RefKind.None
                            ? OutputLimit.Unknown
                            : OutputLimit.None;
                    }

                case IAssignmentOperation assignment when assignment.Target == reference:
                    return OutputLimit.Unknown;
                case IAssignmentOperation _:
                case IVariableInitializerOperation _:
                    // Copied into another variable, which may be changed out of sight.
                    return OutputLimit.Unknown;
                case IInvocationOperation _:
                case IPropertyReferenceOperation _:
                case IFieldReferenceOperation _:
                case IConditionalAccessOperation _:
                case IBinaryOperation _:
                case IReturnOperation _:
                    return OutputLimit.None;
                default:
                    return OutputLimit.Unknown;
            }
        }

        private static OutputLimit KeyOf(IOperation key, ref BodyKeys keys)
            => key.WithoutConversions().ConstantValue.Value is string name ? Key(name, ref keys) : OutputLimit.Unknown;

        private static OutputLimit Key(string name, ref BodyKeys keys)
        {
            switch (name)
            {
                case "model":
                    keys |= BodyKeys.Model;
                    return OutputLimit.None;
                case "messages":
                    keys |= BodyKeys.Messages;
                    return OutputLimit.None;
                case DeepSeekCatalog.MaxTokensProperty:
                    return OutputLimit.MaxTokens;
                case DeepSeekCatalog.MaxCompletionTokensProperty:
                    return OutputLimit.CompletionTokensOnly;
                default:
                    return OutputLimit.None;
            }
        }

        /// <summary>A definite <c>max_tokens</c> wins, then doubt, then the ignored field, then nothing.</summary>
        private static OutputLimit Merge(OutputLimit a, OutputLimit b)
        {
            if (a == OutputLimit.MaxTokens || b == OutputLimit.MaxTokens)
            {
                return OutputLimit.MaxTokens;
            }

            if (a == OutputLimit.Unknown || b == OutputLimit.Unknown)
            {
                return OutputLimit.Unknown;
            }

            return a == OutputLimit.CompletionTokensOnly || b == OutputLimit.CompletionTokensOnly ? OutputLimit.CompletionTokensOnly : OutputLimit.None;
        }

        /// <summary>
        /// Merges what every use of <paramref name="local"/> in its method says; uses at or after <paramref name="before"/> (the
        /// call) are left out, and a use inside a lambda or local function makes the answer Unknown (it may run at any time).
        /// </summary>
        private static OutputLimit ScanLocal(ILocalSymbol local, IOperation anyOperation, IOperation? before, UseClassifier classify)
        {
            var root = CallShapes.RootOf(anyOperation);

            var limit = OutputLimit.None;
            var end = before?.Syntax.SpanStart ?? int.MaxValue;
            foreach (var operation in root.Descendants())
            {
                if (!(operation is ILocalReferenceOperation reference) || !SymbolEqualityComparer.Default.Equals(reference.Local, local)
                    || operation.Syntax.SpanStart >= end || (before != null && before.Syntax.Span.Contains(operation.Syntax.Span)))
                {
                    continue;
                }

                if (InsideFunction(reference))
                {
                    return OutputLimit.Unknown;
                }

                var parent = reference.ParentThroughConversions(out _);
                limit = Merge(limit, classify(reference, parent));
                if (limit == OutputLimit.MaxTokens)
                {
                    return limit;
                }
            }

            return limit;
        }

        private delegate OutputLimit UseClassifier(IOperation reference, IOperation? parent);

        private static bool InsideFunction(IOperation operation)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The initializer of a local declared in the method that holds <paramref name="anyOperation"/>, or null.</summary>
        public static IOperation? InitializerOf(ILocalSymbol local, IOperation anyOperation)
        {
            var root = CallShapes.RootOf(anyOperation);

            foreach (var operation in root.Descendants())
            {
                if (operation is IVariableDeclaratorOperation declarator && SymbolEqualityComparer.Default.Equals(declarator.Symbol, local))
                {
                    return declarator.GetVariableInitializer()?.Value.WithoutConversions();
                }
            }

            return null;
        }

        /// <summary>The local a creation initialises (<c>var body = new …</c>), or null.</summary>
        public static ILocalSymbol? LocalOf(IOperation creation)
        {
            var parent = creation.ParentThroughConversions(out _);
            return parent is IVariableInitializerOperation && parent.Parent is IVariableDeclaratorOperation declarator ? declarator.Symbol : null;
        }

        private static string? PathOf(IOperation path)
        {
            var value = path.WithoutConversions();
            return value is IUtf8StringOperation utf8 ? utf8.Value : value.ConstantValue.Value as string;
        }

        private static bool IsNull(IOperation value)
        {
            var v = value.WithoutConversions();
            return v.ConstantValue.HasValue && v.ConstantValue.Value == null || v is IDefaultValueOperation;
        }
    }

    /// <summary>Which of the members that make a body a chat request a raw body holds.</summary>
    [Flags]
    internal enum BodyKeys
    {
        None = 0,
        Model = 1,
        Messages = 2,
        Both = Model | Messages,
    }
}
