using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>An API key handed to an SDK, a header or the environment.</summary>
    internal readonly struct ApiKeySink
    {
        public ApiKeySink(IOperation value, IOperation owner, bool isDeepSeekByItself)
        {
            Value = value;
            Owner = owner;
            IsDeepSeekByItself = isDeepSeekByItself;
        }

        /// <summary>The operation whose value is the key.</summary>
        public IOperation Value { get; }

        /// <summary>The creation, call or assignment that takes the key (where DeepSeek evidence is looked for).</summary>
        public IOperation Owner { get; }

        /// <summary>True when the sink names a DeepSeek secret itself (<c>SetEnvironmentVariable("DEEPSEEK_API_KEY", …)</c>).</summary>
        public bool IsDeepSeekByItself { get; }
    }

    /// <summary>
    /// Where code hands over an API key: <c>ApiKeyCredential</c>, an SDK <c>apiKey</c> parameter (OpenAI clients, Semantic
    /// Kernel connectors), Betalgo <c>OpenAIOptions.ApiKey</c>, a Bearer <c>AuthenticationHeaderValue</c>, an
    /// <c>Authorization</c> header, or the DeepSeek key's environment variable. Knows nothing about any rule.
    /// </summary>
    internal static class ApiKeySinks
    {
        private const string Bearer = "Bearer";
        private const string Authorization = "Authorization";
        private const string ApiKeyName = "ApiKey";

        /// <summary>
        /// The client, request or options object the key ends up in — where DeepSeek evidence is looked for: the creation
        /// or call a credential is passed to, the <c>HttpClient</c> / request whose headers get it, the options object.
        /// </summary>
        public static IOperation ClientOf(ApiKeySink sink)
        {
            var owner = sink.Owner;
            switch (owner)
            {
                case IInvocationOperation invocation when invocation.Instance != null && !(invocation.Instance is IInstanceReferenceOperation):
                    // client.DefaultRequestHeaders.Add("Authorization", …)
                    return ReceiverOfHeaders(invocation.Instance);
                case ISimpleAssignmentOperation assignment when assignment.Target is IPropertyReferenceOperation property:
                    // new OpenAIOptions { ApiKey = … } or options.ApiKey = …
                    if (property.Instance is IInstanceReferenceOperation && assignment.Parent is IObjectOrCollectionInitializerOperation initializer
                        && initializer.Parent != null)
                    {
                        return initializer.Parent;
                    }

                    return property.Instance ?? owner;
            }

            var parent = owner.ParentThroughConversions(out var node);

            switch (parent)
            {
                case IArgumentOperation argument when argument.Parent is IObjectCreationOperation || argument.Parent is IInvocationOperation:
                    // new OpenAIClient(new ApiKeyCredential(…), options)
                    return argument.Parent;
                case ISimpleAssignmentOperation assignment when assignment.Value == node && assignment.Target is IPropertyReferenceOperation property
                                                                 && property.Instance != null:
                    // client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", …)
                    return ReceiverOfHeaders(property.Instance);
                default:
                    return owner;
            }
        }

        /// <summary><c>client.DefaultRequestHeaders</c> / <c>request.Headers</c> → the client or request.</summary>
        private static IOperation ReceiverOfHeaders(IOperation instance)
            => instance is IPropertyReferenceOperation headers && headers.Instance != null && !(headers.Instance is IInstanceReferenceOperation)
                ? headers.Instance
                : instance;

        /// <summary>Finds the key a creation, invocation or assignment hands over.</summary>
        public static bool TryGetSink(IOperation operation, WellKnownTypes types, string apiKeyVariable, out ApiKeySink sink)
        {
            sink = default;
            switch (operation)
            {
                // Every call sink takes the key as a string argument: most calls and creations stop at that test.
                case IObjectCreationOperation creation when creation.Constructor != null && HasStringArgument(creation.Arguments):
                    return TryGetArgumentSink(creation, creation.Constructor, creation.Arguments, types, out sink);
                case IInvocationOperation invocation when HasStringArgument(invocation.Arguments):
                    return TryGetInvocationSink(invocation, types, apiKeyVariable, out sink);
                case ISimpleAssignmentOperation assignment
                    when assignment.Target is IPropertyReferenceOperation property
                         && types.BetalgoOpenAIOptions != null
                         && string.Equals(property.Property.Name, ApiKeyName, StringComparison.Ordinal)
                         && TypeSymbols.IsOrDerivesFrom(property.Property.ContainingType, types.BetalgoOpenAIOptions):
                    sink = new ApiKeySink(assignment.Value, assignment, isDeepSeekByItself: false);
                    return true;
                default:
                    return false;
            }
        }

        private static bool TryGetInvocationSink(IInvocationOperation invocation, WellKnownTypes types, string apiKeyVariable, out ApiKeySink sink)
        {
            sink = default;
            var method = invocation.TargetMethod;
            var arguments = invocation.Arguments;
            if (types.Environment != null && SymbolEqualityComparer.Default.Equals(method.ContainingType, types.Environment))
            {
                if (method.Name == "SetEnvironmentVariable" && arguments.Length >= 2
                    && GetArgument(arguments, 0) is IArgumentOperation name
                    && name.Value.ConstantValue.Value is string variable
                    && (string.Equals(variable, apiKeyVariable, StringComparison.OrdinalIgnoreCase)
                        || string.Equals(variable, Catalog.DeepSeekCatalog.ApiKeyEnvironmentVariable, StringComparison.OrdinalIgnoreCase))
                    && GetArgument(arguments, 1) is IArgumentOperation value)
                {
                    sink = new ApiKeySink(value.Value, invocation, isDeepSeekByItself: true);
                    return true;
                }

                return false;
            }

            if (types.HttpHeaders != null && TypeSymbols.IsOrDerivesFrom(method.ContainingType, types.HttpHeaders))
            {
                if ((method.Name == "Add" || method.Name == "TryAddWithoutValidation")
                    && method.Parameters.Length == 2
                    && method.Parameters[1].Type.SpecialType == SpecialType.System_String
                    && GetArgument(arguments, 0) is IArgumentOperation header
                    && header.Value.ConstantValue.Value is string headerName
                    && string.Equals(headerName, Authorization, StringComparison.OrdinalIgnoreCase)
                    && GetArgument(arguments, 1) is IArgumentOperation value)
                {
                    sink = new ApiKeySink(value.Value, invocation, isDeepSeekByItself: false);
                    return true;
                }

                return false;
            }

            return TryGetArgumentSink(invocation, method, arguments, types, out sink);
        }

        /// <summary>A string parameter named <c>apiKey</c> of an AI SDK member, or the key of <c>ApiKeyCredential</c> / a Bearer header.</summary>
        private static bool TryGetArgumentSink(
            IOperation owner,
            IMethodSymbol method,
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments,
            WellKnownTypes types,
            out ApiKeySink sink)
        {
            sink = default;
            var type = method.ContainingType;
            if (type == null)
            {
                return false;
            }

            if (types.ApiKeyCredential != null && SymbolEqualityComparer.Default.Equals(type, types.ApiKeyCredential))
            {
                return TryGetStringArgument(owner, arguments, parameterName: null, out sink);
            }

            if (types.AuthenticationHeaderValue != null && SymbolEqualityComparer.Default.Equals(type, types.AuthenticationHeaderValue))
            {
                return arguments.Length == 2
                    && GetArgument(arguments, 0) is IArgumentOperation scheme
                    && scheme.Value.ConstantValue.Value is string schemeName
                    && string.Equals(schemeName, Bearer, StringComparison.OrdinalIgnoreCase)
                    && TryGetStringArgument(owner, arguments, "parameter", out sink);
            }

            if (SdkTypes.IsDeepSeekSdkType(type, owner.SemanticModel?.Compilation.Assembly))
            {
                // new DeepSeekClient(apiKey) of a DeepSeek SDK (Ater.DeepSeek.Core and the like): the key is DeepSeek's.
                return TryGetStringArgument(owner, arguments, "apiKey", out sink) && MarkDeepSeek(ref sink);
            }

            return IsAiSdkType(type) && TryGetStringArgument(owner, arguments, "apiKey", out sink);
        }

        /// <summary>
        /// An argument for a string parameter (the arguments, not the method's parameters: those are a new array on every
        /// read, and an argument is bound for every parameter, defaults included).
        /// </summary>
        private static bool HasStringArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter?.Type.SpecialType == SpecialType.System_String)
                {
                    return true;
                }
            }

            return false;
        }

        private static bool MarkDeepSeek(ref ApiKeySink sink)
        {
            sink = new ApiKeySink(sink.Value, sink.Owner, isDeepSeekByItself: true);
            return true;
        }

        private static bool TryGetStringArgument(
            IOperation owner,
            System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments,
            string? parameterName,
            out ApiKeySink sink)
        {
            foreach (var argument in arguments)
            {
                var parameter = argument.Parameter;
                if (parameter != null && parameter.Type.SpecialType == SpecialType.System_String
                    && (parameterName == null || string.Equals(parameter.Name, parameterName, StringComparison.OrdinalIgnoreCase)))
                {
                    sink = new ApiKeySink(argument.Value, owner, isDeepSeekByItself: false);
                    return true;
                }
            }

            sink = default;
            return false;
        }

        /// <summary>Arguments come in parameter order only without named arguments; match by ordinal instead.</summary>
        private static IArgumentOperation? GetArgument(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int ordinal)
        {
            foreach (var argument in arguments)
            {
                if (argument.Parameter != null && argument.Parameter.Ordinal == ordinal)
                {
                    return argument;
                }
            }

            return null;
        }

        /// <summary>OpenAI, Semantic Kernel and Betalgo clients and builders: their <c>apiKey</c> parameters take the provider's key.</summary>
        private static bool IsAiSdkType(INamedTypeSymbol type)
        {
            var ns = type.ContainingNamespace;
            while (ns != null && !ns.IsGlobalNamespace && !ns.ContainingNamespace.IsGlobalNamespace)
            {
                ns = ns.ContainingNamespace;
            }

            if (ns == null || ns.IsGlobalNamespace)
            {
                return false;
            }

            switch (ns.Name)
            {
                case "OpenAI":
                case "Betalgo":
                    return true;
                case "Microsoft":
                    var second = type.ContainingNamespace;
                    while (second != null && second.ContainingNamespace != null && !second.ContainingNamespace.IsGlobalNamespace
                        && !SymbolEqualityComparer.Default.Equals(second.ContainingNamespace, ns))
                    {
                        second = second.ContainingNamespace;
                    }

                    return second != null && second.Name == "SemanticKernel";
                default:
                    return false;
            }
        }
    }
}
