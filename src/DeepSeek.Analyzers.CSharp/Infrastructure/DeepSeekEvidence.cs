using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What the code says about where a client, request or value goes.</summary>
    internal enum DeepSeekBinding
    {
        /// <summary>No evidence either way.</summary>
        Unknown = 0,

        /// <summary>DeepSeek evidence: the api.deepseek.com host, a catalog model id in a model sink, a DeepSeek secret, a DeepSeek SDK type.</summary>
        Bound = 1,

        /// <summary>The endpoint is provably another host (OpenRouter, Azure, GitHub Models, localhost/Ollama, any other URL).</summary>
        OtherHost = 2,
    }

    /// <summary>
    /// The DeepSeek evidence engine shared by every context-dependent rule (one per compilation, see
    /// <see cref="DeepSeekCompilationContext.Evidence"/>). Evidence attaches to a client or request and follows locals,
    /// fields, properties, parameters (from call sites), factory-method returns and <c>GetChatClient()</c> /
    /// <c>AsIChatClient()</c> chains. Another host's endpoint always wins over DeepSeek evidence, so a
    /// <c>deepseek-…</c> model sent to OpenRouter is not DeepSeek-bound.
    /// </summary>
    /// <remarks>
    /// Facts are collected lazily, once per syntax tree, from the operation trees of the tree's members; a rule
    /// only pays for it when it has a candidate. Analyzers only get the semantic model of the tree being analysed
    /// (RS1030), so flows are followed within one file; across files the engine stays silent rather than guess.
    /// </remarks>
    internal sealed class DeepSeekEvidence
    {
        private const int MaxDepth = 10;
        private const int MaxSteps = 4000;

        private readonly Compilation _compilation;
        private readonly WellKnownTypes _types;
        private readonly EffectiveCatalog _catalog;
        private readonly DeepSeekOptionsCache _options;
        private readonly DeepSeekFileGate _gate;
        private readonly ConcurrentDictionary<SyntaxTree, TreeEvidence> _trees =
            new ConcurrentDictionary<SyntaxTree, TreeEvidence>();

        public DeepSeekEvidence(Compilation compilation, WellKnownTypes types, EffectiveCatalog catalog, DeepSeekOptionsCache options, DeepSeekFileGate gate)
        {
            _gate = gate;
            _compilation = compilation;
            _types = types;
            _catalog = catalog;
            _options = options;
        }

        // ---- Public API -------------------------------------------------------------------------------------

        /// <summary>
        /// What the evidence says about <paramref name="expression"/> (a client, a request object or body, a URL,
        /// a key read) and everything that flows into it in the same file.
        /// </summary>
        public DeepSeekBinding BindingOf(IOperation expression, CancellationToken cancellationToken)
        {
            var tree = GetTree(expression, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new Query(this, tree, cancellationToken).Eval(expression, 0);
        }

        /// <summary>
        /// True when <paramref name="expression"/> is DeepSeek-bound: it has DeepSeek evidence, or, with
        /// <c>deepseek_analyzers.scope = all_openai_compatible</c>, it is an OpenAI-compatible chat client or request
        /// whose endpoint is not provably another host.
        /// </summary>
        public bool IsDeepSeekBound(IOperation expression, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(expression, cancellationToken))
            {
                return false;
            }

            switch (BindingOf(expression, cancellationToken))
            {
                case DeepSeekBinding.Bound:
                    return true;
                case DeepSeekBinding.OtherHost:
                    return false;
                default:
                    return options.Scope == DeepSeekScope.AllOpenAICompatible && IsOpenAICompatible(expression.Type);
            }
        }

        /// <summary>
        /// Whether <paramref name="value"/> (a model-id expression) reaches a model sink — OpenAI <c>ChatClient(model, …)</c>,
        /// <c>GetChatClient(model)</c>, SK <c>modelId:</c>, <c>ChatOptions.ModelId</c>, Betalgo <c>Model</c>/<c>DefaultModelId</c>,
        /// an anonymous/dictionary/JSON <c>model</c> — directly or through a <c>const</c>, local, field or property
        /// of the same file; and if so, the binding of the client or request it is sent with (a request or body
        /// without its own evidence takes that of its consumer, then of its method, then of its type).
        /// </summary>
        public bool TryGetModelIdBinding(IOperation value, CancellationToken cancellationToken, out DeepSeekBinding binding)
        {
            binding = DeepSeekBinding.Unknown;
            var tree = GetTree(value, cancellationToken);
            if (tree == null)
            {
                return false;
            }

            var query = new Query(this, tree, cancellationToken);
            if (TryGetModelSink(value, out var owner))
            {
                binding = query.BindingOfOwner(owner);
                return true;
            }

            var symbol = GetAssignedSymbol(value);
            if (symbol is IParameterSymbol parameter && !tree.SinkUses.ContainsKey(parameter))
            {
                // record DeepSeekConfig(string Model = "…"): its uses read the property the parameter declares.
                symbol = RecordPropertyOf(parameter) ?? symbol;
            }

            if (symbol == null || !tree.SinkUses.TryGetValue(symbol, out var owners))
            {
                return false;
            }

            // A constant shared by several clients: one DeepSeek-bound use is enough.
            var sawOther = false;
            foreach (var use in owners)
            {
                var b = query.BindingOfOwner(use);
                if (b == DeepSeekBinding.Bound)
                {
                    binding = DeepSeekBinding.Bound;
                    return true;
                }

                sawOther |= b == DeepSeekBinding.OtherHost;
            }

            binding = sawOther ? DeepSeekBinding.OtherHost : DeepSeekBinding.Unknown;
            return true;
        }

        /// <summary>
        /// True when <paramref name="value"/> is a model id sent to DeepSeek: <see cref="TryGetModelIdBinding"/> says
        /// Bound, or the scope is <c>all_openai_compatible</c> and the sink is not provably another host.
        /// </summary>
        public bool IsDeepSeekModelId(IOperation value, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(value, cancellationToken))
            {
                return false;
            }

            if (TryGetModelIdBinding(value, cancellationToken, out var binding)
                && (binding == DeepSeekBinding.Bound
                    || (binding == DeepSeekBinding.Unknown && options.Scope == DeepSeekScope.AllOpenAICompatible)))
            {
                return true;
            }

            return binding != DeepSeekBinding.OtherHost && IsDeclaredDeepSeekModel(value, cancellationToken);
        }

        /// <summary>
        /// The default of a model member (<c>public string Model { get; set; } = "…"</c>, <c>DefaultModel</c>, a record's
        /// <c>string Model = "…"</c>) whose value reaches no sink in this file: DeepSeek's when an object of its type is
        /// created and sent to DeepSeek in this file (a request DTO), or when its type holds DeepSeek evidence and nothing
        /// else (an options class beside <c>BaseUrl = "https://api.deepseek.com"</c>). Only ever says yes: silence otherwise.
        /// </summary>
        private bool IsDeclaredDeepSeekModel(IOperation value, CancellationToken cancellationToken)
        {
            var member = GetAssignedSymbol(value);
            if (member is IParameterSymbol parameter)
            {
                member = RecordPropertyOf(parameter);
            }

            if (!(member is IPropertySymbol || member is IFieldSymbol) || !IsModelSlotName(member.Name)
                || !(member.ContainingType is INamedTypeSymbol type))
            {
                return false;
            }

            var tree = GetTree(value, cancellationToken);
            if (tree == null)
            {
                return false;
            }

            var query = new Query(this, tree, cancellationToken);
            if (tree.Creations.TryGetValue(type.OriginalDefinition, out var creations))
            {
                foreach (var creation in creations)
                {
                    if (query.BindingOfOwner(creation) == DeepSeekBinding.Bound)
                    {
                        return true;
                    }
                }
            }

            // The class's own evidence: an endpoint, a DeepSeek secret or SDK type — not merely other catalog ids beside it.
            for (var t = type; t != null; t = t.ContainingType)
            {
                if (tree.HostRoots.TryGetValue(t.OriginalDefinition, out var flags))
                {
                    return flags.ToBinding() == DeepSeekBinding.Bound;
                }
            }

            return false;
        }

        /// <summary>The property a record's primary-constructor parameter declares, or null.</summary>
        private static ISymbol? RecordPropertyOf(IParameterSymbol parameter)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol constructor) || constructor.MethodKind != MethodKind.Constructor
                || !constructor.ContainingType.IsRecord)
            {
                return null;
            }

            foreach (var member in constructor.ContainingType.GetMembers(parameter.Name))
            {
                if (member is IPropertySymbol property)
                {
                    return property.OriginalDefinition;
                }
            }

            return null;
        }

        /// <summary>
        /// The binding of a request object or body (anonymous object, dictionary, <c>JsonObject</c>, JSON text,
        /// <c>ChatOptions</c>): its own evidence, else that of the call it is handed to (receiver and other arguments,
        /// directly or through a local), else that of its method, else of its type.
        /// </summary>
        public DeepSeekBinding BindingOfRequest(IOperation request, CancellationToken cancellationToken)
        {
            var tree = GetTree(request, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new Query(this, tree, cancellationToken).BindingOfOwner(request);
        }

        /// <summary>
        /// Where a request body is sent (the call it is handed to, directly or through a local), ignoring the body's own
        /// content: a JSON body naming a catalog model is DeepSeek evidence by itself, which must not hide the gateway it goes to.
        /// </summary>
        public DeepSeekBinding DestinationOfRequest(IOperation request, CancellationToken cancellationToken)
        {
            var tree = GetTree(request, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new Query(this, tree, cancellationToken).Destination(request);
        }

        /// <summary>
        /// True when a request object or body is sent to DeepSeek: <see cref="BindingOfRequest"/> says Bound, or the scope is
        /// <c>all_openai_compatible</c> and it is not provably for another host.
        /// </summary>
        public bool IsDeepSeekRequest(IOperation request, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(request, cancellationToken))
            {
                return false;
            }

            var binding = BindingOfRequest(request, cancellationToken);
            return binding == DeepSeekBinding.Bound
                   || (binding == DeepSeekBinding.Unknown && options.Scope == DeepSeekScope.AllOpenAICompatible);
        }

        /// <summary>
        /// The evidence of the member (method, accessor, initializer, top-level statements) and then the type that
        /// contains <paramref name="operation"/>: Bound or OtherHost only when that code holds one kind of evidence.
        /// </summary>
        public DeepSeekBinding BindingOfContainingCode(IOperation operation, CancellationToken cancellationToken)
        {
            var tree = GetTree(operation, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : tree.BindingOfContainingCode(operation, cancellationToken);
        }

        /// <summary>True for a secret name that says DeepSeek (<c>DEEPSEEK_API_KEY</c>, <c>DeepSeek:ApiKey</c>, <c>DeepSeek__ApiKey</c>, …).</summary>
        public static bool IsDeepSeekSecretName(string? name)
            => name != null && name.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0;

        /// <summary>Evidence carried by a URL: the DeepSeek host (or a misspelling of it, which DSK010 reports) or another host.</summary>
        public static DeepSeekBinding BindingOfUrl(string text, bool anyOtherHost)
        {
            if (text.Length < 8)
            {
                return DeepSeekBinding.Unknown;
            }

            var scheme = text.IndexOf("://", StringComparison.Ordinal);
            if (scheme <= 0)
            {
                return DeepSeekBinding.Unknown;
            }

            var hostStart = scheme + 3;
            var hostEnd = hostStart;
            while (hostEnd < text.Length && text[hostEnd] != '/' && text[hostEnd] != '?' && text[hostEnd] != '#'
                   && !char.IsWhiteSpace(text[hostEnd]) && text[hostEnd] != '"')
            {
                hostEnd++;
            }

            if (hostEnd == hostStart)
            {
                return DeepSeekBinding.Unknown;
            }

            // Strip user info and port without allocating a Uri.
            var at = text.LastIndexOf('@', hostEnd - 1, hostEnd - hostStart);
            if (at >= 0)
            {
                hostStart = at + 1;
            }

            // "http://user@" has user info and no host.
            if (hostStart >= hostEnd)
            {
                return DeepSeekBinding.Unknown;
            }

            var portEnd = hostEnd;
            if (text[hostStart] != '[')
            {
                var colon = text.IndexOf(':', hostStart, hostEnd - hostStart);
                if (colon >= 0)
                {
                    portEnd = colon;
                }
            }

            var length = portEnd - hostStart;
            if (length <= 0)
            {
                return DeepSeekBinding.Unknown;
            }

            if (IndexOf(text, hostStart, length, "deepseek") >= 0 || IndexOf(text, hostStart, length, "deep-seek") >= 0)
            {
                return DeepSeekBinding.Bound;
            }

            if (anyOtherHost || IsKnownOtherAIHost(text, hostStart, length))
            {
                // Only http(s) and ws(s) URLs are endpoints; "file://" or "urn:" are not.
                return StartsWithScheme(text, "http") || StartsWithScheme(text, "ws")
                    ? DeepSeekBinding.OtherHost
                    : DeepSeekBinding.Unknown;
            }

            return DeepSeekBinding.Unknown;
        }

        // ---- Model sinks ------------------------------------------------------------------------------------

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

        /// <summary>The local, field or property a value initialises or is assigned to (for <c>const string Model = "…"</c>).</summary>
        private static ISymbol? GetAssignedSymbol(IOperation value)
        {
            var node = value;
            var parent = value.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation || parent is ISwitchExpressionArmOperation
                   || parent is ISwitchExpressionOperation || parent is ICoalesceOperation || parent is IConditionalOperation)
            {
                node = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclarationOperation declaration
                                                                   && declaration.Declarators.Length == 1:
                    return declaration.Declarators[0].Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return field.InitializedFields[0].OriginalDefinition;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return property.InitializedProperties[0].OriginalDefinition;
                case IParameterInitializerOperation parameter:
                    return parameter.Parameter.OriginalDefinition;
                case IReturnOperation ret when ret.ReturnedValue == node && ret.SemanticModel != null:
                    // string ToModelId(this Tier tier) => tier switch { … => "…" }: the value of every call.
                    return ReturnedBy(ret.SemanticModel.GetEnclosingSymbol(ret.Syntax.SpanStart));
                case ISimpleAssignmentOperation assignment when assignment.Value == node:
                    return SymbolOf(assignment.Target);
                default:
                    return null;
            }
        }

        /// <summary>The method (or the property, for a getter) whose calls yield a returned value; null for lambdas.</summary>
        private static ISymbol? ReturnedBy(ISymbol? member)
        {
            if (!(member is IMethodSymbol method) || method.MethodKind == MethodKind.AnonymousFunction)
            {
                return null;
            }

            return method.AssociatedSymbol is IPropertySymbol property ? property.OriginalDefinition : method.OriginalDefinition;
        }

        // ---- Helpers ----------------------------------------------------------------------------------------

        private TreeEvidence? GetTree(IOperation operation, CancellationToken cancellationToken)
        {
            var model = operation.SemanticModel;
            if (model == null)
            {
                return null;
            }

            // Not a Lazy: a build cancelled for one caller must not be cached for the others. A race builds twice, harmlessly.
            if (_trees.TryGetValue(model.SyntaxTree, out var tree))
            {
                return tree;
            }

            return _trees.GetOrAdd(model.SyntaxTree, TreeEvidence.Build(this, model, cancellationToken));
        }

        private static ISymbol? SymbolOf(IOperation? operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.OriginalDefinition;
                case IFieldReferenceOperation field:
                    return field.Field.OriginalDefinition;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return property.Property.OriginalDefinition;
                default:
                    return null;
            }
        }

        private static DeepSeekBinding Combine(DeepSeekBinding a, DeepSeekBinding b)
            => a == DeepSeekBinding.OtherHost || b == DeepSeekBinding.OtherHost ? DeepSeekBinding.OtherHost
                : a == DeepSeekBinding.Bound || b == DeepSeekBinding.Bound ? DeepSeekBinding.Bound
                : DeepSeekBinding.Unknown;

        /// <summary>Evidence a constant string carries where it flows into a client or request.</summary>
        private DeepSeekBinding BindingOfString(string text, bool anyOtherHost)
        {
            if (_catalog.IsCatalogId(text))
            {
                return DeepSeekBinding.Bound;
            }

            var url = BindingOfUrl(text, anyOtherHost);
            if (url != DeepSeekBinding.Unknown)
            {
                return url;
            }

            // A bare host (Betalgo and hand-built URLs take one): "api.deepseek.com", "api.deepseek.com/".
            if (text.Length >= DeepSeekCatalog.Host.Length && text.Length <= DeepSeekCatalog.Host.Length + 1
                && string.Compare(text, 0, DeepSeekCatalog.Host, 0, DeepSeekCatalog.Host.Length, StringComparison.OrdinalIgnoreCase) == 0
                && (text.Length == DeepSeekCatalog.Host.Length || text[text.Length - 1] == '/'))
            {
                return DeepSeekBinding.Bound;
            }

            if (text.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0 && text.IndexOf(':') >= 0)
            {
                foreach (var model in _catalog.Models)
                {
                    if (JsonModelText.IndexOfModelValue(text, model.Id, "\"") >= 0)
                    {
                        return DeepSeekBinding.Bound;
                    }
                }
            }

            return DeepSeekBinding.Unknown;
        }

        /// <summary>A type of a DeepSeek-specific SDK (referenced, not this project's own): <c>DeepSeek.Core.DeepSeekClient</c>, DeepSeek.Runtime.</summary>
        private bool IsDeepSeekSdkType(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named) || SymbolEqualityComparer.Default.Equals(named.ContainingAssembly, _compilation.Assembly))
            {
                return false;
            }

            if (named.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return true;
            }

            for (var ns = named.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name.IndexOf("DeepSeek", StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>OpenAI-compatible chat clients and requests: what <c>all_openai_compatible</c> treats as DeepSeek-bound.</summary>
        public bool IsOpenAICompatible(ITypeSymbol? type)
        {
            if (!(type is INamedTypeSymbol named))
            {
                return false;
            }

            if (Is(named, _types.MeaiChatClient) || Is(named, _types.MeaiChatOptions))
            {
                return true;
            }

            foreach (var candidate in named.AllInterfaces)
            {
                if (Is(candidate, _types.MeaiChatClient))
                {
                    return true;
                }
            }

            // The OpenAI SDK, Semantic Kernel's OpenAI connector and Betalgo all live under an "OpenAI" namespace.
            for (var ns = named.ContainingNamespace; ns != null && !ns.IsGlobalNamespace; ns = ns.ContainingNamespace)
            {
                if (ns.Name == "OpenAI")
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Is(ITypeSymbol type, INamedTypeSymbol? known)
            => known != null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, known);

        private bool IsConfiguration(ITypeSymbol? type)
        {
            if (type == null || _types.Configuration == null)
            {
                return false;
            }

            if (Is(type, _types.Configuration))
            {
                return true;
            }

            foreach (var candidate in type.AllInterfaces)
            {
                if (Is(candidate, _types.Configuration))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>A read of a DeepSeek-named secret: environment variable or configuration key/section.</summary>
        private bool IsSecretRead(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                {
                    var method = invocation.TargetMethod;
                    string? name = null;
                    if (method.Name == "GetEnvironmentVariable" && method.ContainingType?.Name == "Environment"
                        && method.ContainingType.ContainingNamespace?.Name == "System")
                    {
                        name = FirstStringArgument(invocation, skip: 0);
                    }
                    else if (method.Name == "GetValue" || method.Name == "GetSection" || method.Name == "GetRequiredSection"
                             || method.Name == "GetConnectionString")
                    {
                        if (method.IsExtensionMethod || invocation.Instance == null)
                        {
                            if (invocation.Arguments.Length >= 2 && IsConfiguration(invocation.Arguments[0].Value.Type))
                            {
                                name = FirstStringArgument(invocation, skip: 1);
                            }
                        }
                        else if (IsConfiguration(invocation.Instance.Type))
                        {
                            name = FirstStringArgument(invocation, skip: 0);
                        }
                    }

                    return IsSecretName(name, invocation);
                }

                case IPropertyReferenceOperation indexer when indexer.Arguments.Length == 1 && indexer.Instance != null
                                                             && IsConfiguration(indexer.Instance.Type):
                    return IsSecretName(indexer.Arguments[0].Value.ConstantValue.Value as string, indexer);
                default:
                    return false;
            }
        }

        /// <summary>A DeepSeek-named secret, or the names configured for DSK001's fix (<c>api_key_variable</c>, <c>api_key_configuration_key</c>).</summary>
        private bool IsSecretName(string? name, IOperation read)
        {
            if (name == null)
            {
                return false;
            }

            if (IsDeepSeekSecretName(name))
            {
                return true;
            }

            var options = _options.Get(read.Syntax.SyntaxTree);
            return string.Equals(name, options.ApiKeyVariable, StringComparison.OrdinalIgnoreCase)
                   || string.Equals(name, options.ApiKeyConfigurationKey, StringComparison.OrdinalIgnoreCase);
        }

        private static string? FirstStringArgument(IInvocationOperation invocation, int skip)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && argument.Parameter.Ordinal == skip)
                {
                    return argument.Value.ConstantValue.Value as string;
                }
            }

            return null;
        }

        private static bool IsKnownOtherAIHost(string text, int start, int length)
            => EndsWithHost(text, start, length, "openrouter.ai")
               || EndsWithHost(text, start, length, "openai.azure.com")
               || EndsWithHost(text, start, length, "services.ai.azure.com")
               || EndsWithHost(text, start, length, "inference.ai.azure.com")
               || EndsWithHost(text, start, length, "models.github.ai")
               || EndsWithHost(text, start, length, "api.openai.com")
               || EndsWithHost(text, start, length, "localhost")
               || EndsWithHost(text, start, length, "127.0.0.1")
               || EndsWithHost(text, start, length, "[::1]")
               || IndexOf(text, start, length, "ollama") >= 0;

        private static bool EndsWithHost(string text, int start, int length, string host)
        {
            if (length < host.Length)
            {
                return false;
            }

            var offset = start + length - host.Length;
            return string.Compare(text, offset, host, 0, host.Length, StringComparison.OrdinalIgnoreCase) == 0
                   && (offset == start || text[offset - 1] == '.');
        }

        private static int IndexOf(string text, int start, int length, string value)
            => text.IndexOf(value, start, length, StringComparison.OrdinalIgnoreCase);

        private static bool StartsWithScheme(string text, string scheme)
            => text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase);

        // ---- Per-tree facts ---------------------------------------------------------------------------------

        /// <summary>The facts of one syntax tree, collected once from the operation trees of its members.</summary>
        private sealed class TreeEvidence
        {
            private readonly DeepSeekEvidence _owner;

            private TreeEvidence(DeepSeekEvidence owner)
            {
                _owner = owner;
            }

            /// <summary>Values flowing into a symbol: initialisers, assignments, call-site arguments, returns, member sets (<c>options.Endpoint = …</c>).</summary>
            public Dictionary<ISymbol, List<IOperation>> Assignments { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Calls and creations a symbol is handed to (argument or receiver): where a request object goes.</summary>
            public Dictionary<ISymbol, List<IOperation>> Uses { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Model sinks (their owners) a symbol's value reaches.</summary>
            public Dictionary<ISymbol, List<IOperation>> SinkUses { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Per type, the evidence of hosts, secrets and SDK types only (catalog model ids left out).</summary>
            public Dictionary<ISymbol, Flags> HostRoots { get; } = new Dictionary<ISymbol, Flags>(SymbolEqualityComparer.Default);

            /// <summary>Creations of this project's types (request DTOs, options), by type definition.</summary>
            public Dictionary<ISymbol, List<IOperation>> Creations { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

            /// <summary>Direct evidence per member (method, accessor, initializer, top-level statements) and per type.</summary>
            public Dictionary<ISymbol, Flags> Roots { get; } = new Dictionary<ISymbol, Flags>(SymbolEqualityComparer.Default);

            public ConcurrentDictionary<ISymbol, DeepSeekBinding> SymbolMemo { get; } =
                new ConcurrentDictionary<ISymbol, DeepSeekBinding>(SymbolEqualityComparer.Default);

            public static TreeEvidence Build(DeepSeekEvidence owner, SemanticModel model, CancellationToken cancellationToken)
            {
                var result = new TreeEvidence(owner);
                var root = model.SyntaxTree.GetRoot(cancellationToken);
                foreach (var node in root.DescendantNodes(MemberRoots.ShouldDescend))
                {
                    if (!MemberRoots.IsRoot(node))
                    {
                        continue;
                    }

                    var operation = model.GetOperation(node is GlobalStatementSyntax global ? global.Statement : node, cancellationToken);
                    var member = MemberRoots.GetMember(node, model, cancellationToken);
                    if (operation == null || member == null)
                    {
                        continue;
                    }

                    result.Collect(operation, member, cancellationToken);
                }

                return result;
            }

            public DeepSeekBinding BindingOfContainingCode(IOperation operation, CancellationToken cancellationToken)
            {
                var model = operation.SemanticModel;
                if (model == null)
                {
                    return DeepSeekBinding.Unknown;
                }

                for (var symbol = model.GetEnclosingSymbol(operation.Syntax.SpanStart, cancellationToken); symbol != null; symbol = symbol.ContainingSymbol)
                {
                    if (symbol is INamespaceSymbol)
                    {
                        break;
                    }

                    if (Roots.TryGetValue(symbol, out var flags))
                    {
                        var binding = flags.ToBinding();
                        if (binding != DeepSeekBinding.Unknown || symbol is INamedTypeSymbol)
                        {
                            return binding;
                        }
                    }
                }

                return DeepSeekBinding.Unknown;
            }

            private void Collect(IOperation body, ISymbol member, CancellationToken cancellationToken)
            {
                var type = member as INamedTypeSymbol ?? member.ContainingType;
                foreach (var operation in body.DescendantsAndSelf())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    switch (operation)
                    {
                        case IVariableDeclaratorOperation declarator:
                        {
                            var initializer = declarator.GetVariableInitializer();
                            if (initializer != null)
                            {
                                Add(Assignments, declarator.Symbol, initializer.Value);
                            }

                            break;
                        }

                        case IFieldInitializerOperation field:
                            foreach (var f in field.InitializedFields)
                            {
                                Add(Assignments, f.OriginalDefinition, field.Value);
                            }

                            break;
                        case IPropertyInitializerOperation property:
                            foreach (var p in property.InitializedProperties)
                            {
                                Add(Assignments, p.OriginalDefinition, property.Value);
                            }

                            break;
                        case IAssignmentOperation assignment when !(assignment is ICompoundAssignmentOperation):
                            CollectAssignment(assignment);
                            break;
                        case IReturnOperation ret when ret.ReturnedValue != null && operation.Kind == OperationKind.Return:
                        {
                            var target = ReturnTarget(ret, member);
                            if (target != null)
                            {
                                Add(Assignments, target, ret.ReturnedValue);
                            }

                            break;
                        }

                        case IInvocationOperation invocation:
                            CollectArguments(invocation.TargetMethod, invocation.Arguments);
                            if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && TryGetModelSink(invocation, out var callSink))
                            {
                                // GetChatClient(tier.ToModelId()): what the project's method returns is a model id.
                                Add(SinkUses, (invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod).OriginalDefinition, callSink);
                            }

                            break;
                        case IObjectCreationOperation creation when creation.Constructor != null:
                            CollectArguments(creation.Constructor, creation.Arguments);
                            if (!creation.Constructor.ContainingType.DeclaringSyntaxReferences.IsEmpty)
                            {
                                Add(Creations, creation.Constructor.ContainingType.OriginalDefinition, creation);
                            }

                            break;
                        case ILocalReferenceOperation _:
                        case IParameterReferenceOperation _:
                        case IFieldReferenceOperation _:
                        case IPropertyReferenceOperation _:
                            CollectUse(operation);
                            break;
                    }

                    var root = RootEvidence(operation, cancellationToken);
                    if (root != DeepSeekBinding.Unknown)
                    {
                        AddRoot(member, root);
                        if (type != null && !SymbolEqualityComparer.Default.Equals(type, member))
                        {
                            AddRoot(type, root);
                        }

                        if (type != null && !IsCatalogIdEvidence(operation))
                        {
                            HostRoots.TryGetValue(type, out var flags);
                            HostRoots[type] = flags.With(root);
                        }
                    }
                }
            }

            private void CollectAssignment(IAssignmentOperation assignment)
            {
                var symbol = SymbolOf(assignment.Target);
                if (symbol != null && IsTracked(symbol))
                {
                    Add(Assignments, symbol, assignment.Value);
                    return;
                }

                // options.Endpoint = …, http.BaseAddress = …, request.Model = …: evidence of the receiver.
                IOperation? instance = null;
                if (assignment.Target is IMemberReferenceOperation member)
                {
                    instance = member.Instance;
                }

                var receiver = SymbolOf(instance);
                if (receiver != null && IsTracked(receiver))
                {
                    Add(Assignments, receiver, assignment);
                }
            }

            private void CollectArguments(IMethodSymbol method, System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments)
            {
                // Only this project's methods: their parameters are what call sites hand them.
                if (method.DeclaringSyntaxReferences.IsEmpty)
                {
                    return;
                }

                foreach (var argument in arguments)
                {
                    if (argument.Parameter != null && argument.ArgumentKind == ArgumentKind.Explicit)
                    {
                        Add(Assignments, argument.Parameter.OriginalDefinition, argument.Value);
                    }
                }
            }

            private void CollectUse(IOperation reference)
            {
                var symbol = SymbolOf(reference);
                if (symbol == null || !IsTracked(symbol))
                {
                    return;
                }

                if (TryGetModelSink(reference, out var sinkOwner))
                {
                    Add(SinkUses, symbol, sinkOwner);
                }

                var node = reference;
                var parent = reference.Parent;
                while (parent is IConversionOperation || parent is IParenthesizedOperation)
                {
                    node = parent;
                    parent = parent.Parent;
                }

                if (parent is IArgumentOperation argument && argument.Parent != null)
                {
                    Add(Uses, symbol, argument.Parent);
                }
                else if (parent is IInvocationOperation invocation && invocation.Instance == node)
                {
                    Add(Uses, symbol, invocation);
                }
            }

            /// <summary>Direct evidence an operation carries, wherever it appears in a member.</summary>
            private DeepSeekBinding RootEvidence(IOperation operation, CancellationToken cancellationToken)
            {
                switch (operation)
                {
                    case ILiteralOperation literal when literal.ConstantValue.Value is string text:
                        if (_owner._catalog.IsCatalogId(text))
                        {
                            var model = literal.SemanticModel;
                            return model != null && ModelIdPositions.IsComparisonOrLookup(literal.Syntax, model, _owner._types, cancellationToken)
                                ? DeepSeekBinding.Unknown
                                : DeepSeekBinding.Bound;
                        }

                        // Only well-known AI hosts count here: an unrelated URL elsewhere in a type says nothing.
                        return _owner.BindingOfString(text, anyOtherHost: false);
                    case IFieldReferenceOperation field when field.ConstantValue.Value is string id && _owner._catalog.IsCatalogId(id):
                        return TryGetModelSink(field, out _) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
                    case IInvocationOperation invocation:
                        return _owner.IsSecretRead(invocation) || _owner.IsDeepSeekSdkType(invocation.TargetMethod.ContainingType)
                            ? DeepSeekBinding.Bound
                            : DeepSeekBinding.Unknown;
                    case IPropertyReferenceOperation property:
                        return _owner.IsSecretRead(property) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
                    case IObjectCreationOperation creation:
                        return _owner.IsDeepSeekSdkType(creation.Type) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
                    default:
                        return DeepSeekBinding.Unknown;
                }
            }

            /// <summary>Evidence that is only a catalog model id (a list of ids for a picker is not a client).</summary>
            private static bool IsCatalogIdEvidence(IOperation operation)
                => operation is IFieldReferenceOperation
                   || (operation is ILiteralOperation literal && literal.ConstantValue.Value is string text
                       && text.StartsWith(DeepSeekCatalog.ModelPrefix, StringComparison.OrdinalIgnoreCase));

            private void AddRoot(ISymbol symbol, DeepSeekBinding binding)
            {
                Roots.TryGetValue(symbol, out var flags);
                Roots[symbol] = flags.With(binding);
            }

            private static ISymbol? ReturnTarget(IReturnOperation ret, ISymbol member)
            {
                for (var parent = ret.Parent; parent != null; parent = parent.Parent)
                {
                    if (parent is ILocalFunctionOperation localFunction)
                    {
                        return localFunction.Symbol;
                    }

                    if (parent is IAnonymousFunctionOperation)
                    {
                        return null;
                    }
                }

                return member is IMethodSymbol method && method.AssociatedSymbol is IPropertySymbol property
                    ? property.OriginalDefinition
                    : member.OriginalDefinition;
            }

            private static bool IsTracked(ISymbol symbol)
                => symbol is ILocalSymbol || symbol is IParameterSymbol
                   || ((symbol is IFieldSymbol || symbol is IPropertySymbol) && !symbol.DeclaringSyntaxReferences.IsEmpty);

            private static void Add(Dictionary<ISymbol, List<IOperation>> map, ISymbol symbol, IOperation value)
            {
                if (!map.TryGetValue(symbol, out var list))
                {
                    list = new List<IOperation>();
                    map.Add(symbol, list);
                }

                list.Add(value);
            }
        }

        /// <summary>Which evidence a member or type holds directly.</summary>
        private struct Flags
        {
            public bool Bound;
            public bool Other;

            public Flags With(DeepSeekBinding binding)
            {
                var copy = this;
                copy.Bound |= binding == DeepSeekBinding.Bound;
                copy.Other |= binding == DeepSeekBinding.OtherHost;
                return copy;
            }

            /// <summary>Mixed evidence (a DeepSeek client beside an OpenRouter one) tells nothing about a particular request.</summary>
            public DeepSeekBinding ToBinding()
                => Bound && !Other ? DeepSeekBinding.Bound
                    : Other && !Bound ? DeepSeekBinding.OtherHost
                    : DeepSeekBinding.Unknown;
        }

        // ---- One query --------------------------------------------------------------------------------------

        /// <summary>One evaluation: follows flows with a depth limit and a cycle guard.</summary>
        private sealed class Query
        {
            private readonly DeepSeekEvidence _owner;
            private readonly TreeEvidence _tree;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visiting = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            private bool _truncated;
            private int _steps;

            public Query(DeepSeekEvidence owner, TreeEvidence tree, CancellationToken cancellationToken)
            {
                _owner = owner;
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
                    return constant.Value is string text ? _owner.BindingOfString(text, anyOtherHost: true) : DeepSeekBinding.Unknown;
                }

                if (_owner.IsDeepSeekSdkType(operation.Type))
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
                if (_owner.IsSecretRead(invocation) || _owner.IsDeepSeekSdkType(invocation.TargetMethod.ContainingType))
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
                if (_owner.IsSecretRead(reference))
                {
                    return DeepSeekBinding.Bound;
                }

                var result = IsTracked(symbol) ? EvalSymbol(symbol, depth) : DeepSeekBinding.Unknown;
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
                if (_owner.IsDeepSeekSdkType(type))
                {
                    return DeepSeekBinding.Bound;
                }

                if (!_tree.Assignments.TryGetValue(symbol, out var values))
                {
                    return EvalDeclarationInOtherFile(symbol, depth);
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

            /// <summary>
            /// A field or property declared in another file (<c>Settings.Endpoint</c>): its initializer, read from syntax
            /// because an analyzer has no semantic model for other trees (RS1030). Only literal shapes count —
            /// strings, concatenations, <c>new Uri("…")</c>, object initialisers — so nothing is guessed.
            /// </summary>
            private DeepSeekBinding EvalDeclarationInOtherFile(ISymbol symbol, int depth)
            {
                if (!(symbol is IFieldSymbol) && !(symbol is IPropertySymbol))
                {
                    return DeepSeekBinding.Unknown;
                }

                var result = DeepSeekBinding.Unknown;
                foreach (var reference in symbol.DeclaringSyntaxReferences)
                {
                    var syntax = reference.GetSyntax(_cancellationToken);
                    ExpressionSyntax? initializer = syntax is VariableDeclaratorSyntax declarator ? declarator.Initializer?.Value
                        : syntax is PropertyDeclarationSyntax property ? property.Initializer?.Value ?? property.ExpressionBody?.Expression
                        : null;
                    result = Combine(result, EvalSyntax(initializer, depth + 1));
                }

                return result;
            }

            private DeepSeekBinding EvalSyntax(ExpressionSyntax? expression, int depth)
            {
                if (expression == null || depth > MaxDepth)
                {
                    return DeepSeekBinding.Unknown;
                }

                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                        return _owner.BindingOfString(text, anyOtherHost: true);
                    case ParenthesizedExpressionSyntax parenthesized:
                        return EvalSyntax(parenthesized.Expression, depth + 1);
                    case BinaryExpressionSyntax binary:
                    {
                        // "https://" + "api.deepseek.com" is one URL, not two fragments.
                        var folded = FoldStrings(binary, 0);
                        return folded != null
                            ? _owner.BindingOfString(folded, anyOtherHost: true)
                            : Combine(EvalSyntax(binary.Left, depth + 1), EvalSyntax(binary.Right, depth + 1));
                    }
                    case InterpolatedStringExpressionSyntax interpolated:
                    {
                        var result = DeepSeekBinding.Unknown;
                        foreach (var content in interpolated.Contents)
                        {
                            if (content is InterpolatedStringTextSyntax text)
                            {
                                result = Combine(result, _owner.BindingOfString(text.TextToken.ValueText, anyOtherHost: true));
                            }
                        }

                        return result;
                    }

                    case BaseObjectCreationExpressionSyntax creation:
                    {
                        var result = DeepSeekBinding.Unknown;
                        if (creation.ArgumentList != null)
                        {
                            foreach (var argument in creation.ArgumentList.Arguments)
                            {
                                result = Combine(result, EvalSyntax(argument.Expression, depth + 1));
                            }
                        }

                        if (creation.Initializer != null)
                        {
                            foreach (var element in creation.Initializer.Expressions)
                            {
                                result = Combine(result, EvalSyntax(element is AssignmentExpressionSyntax assignment ? assignment.Right : element, depth + 1));
                            }
                        }

                        return result;
                    }

                    default:
                        return DeepSeekBinding.Unknown;
                }
            }

            private static string? FoldStrings(ExpressionSyntax expression, int depth)
            {
                if (depth > MaxDepth)
                {
                    return null;
                }

                switch (expression)
                {
                    case LiteralExpressionSyntax literal when literal.Token.Value is string text:
                        return text;
                    case ParenthesizedExpressionSyntax parenthesized:
                        return FoldStrings(parenthesized.Expression, depth + 1);
                    case BinaryExpressionSyntax binary when binary.OperatorToken.Text == "+":
                        var left = FoldStrings(binary.Left, depth + 1);
                        var right = left == null ? null : FoldStrings(binary.Right, depth + 1);
                        return right == null ? null : left + right;
                    default:
                        return null;
                }
            }

            private DeepSeekBinding EvalArguments(System.Collections.Immutable.ImmutableArray<IArgumentOperation> arguments, int depth, IArgumentOperation? skip = null)
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

            private DeepSeekBinding EvalMembers(System.Collections.Immutable.ImmutableArray<IOperation> initializers, int depth)
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
                            result = Combine(result, _owner.BindingOfString(value, anyOtherHost: true));
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
                    var parent = node.Parent;
                    while (parent is IConversionOperation || parent is IParenthesizedOperation || parent is IAwaitOperation)
                    {
                        node = parent;
                        parent = parent.Parent;
                    }

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
                            return ConsumersOfSymbol(GetAssignedSymbol(node), node);
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

            private static bool IsTracked(ISymbol symbol)
                => symbol is ILocalSymbol || symbol is IParameterSymbol || symbol is IMethodSymbol
                   || ((symbol is IFieldSymbol || symbol is IPropertySymbol) && !symbol.DeclaringSyntaxReferences.IsEmpty);
        }
    
        /// <summary>The syntax whose operation trees hold a tree's code: member bodies, initialisers, top-level statements.</summary>
        private static class MemberRoots
        {
            public static readonly Func<SyntaxNode, bool> ShouldDescend = node =>
                node is CompilationUnitSyntax || node is BaseNamespaceDeclarationSyntax || node is TypeDeclarationSyntax
                || node is BasePropertyDeclarationSyntax || node is AccessorListSyntax || node is BaseFieldDeclarationSyntax
                || node is VariableDeclarationSyntax || node is VariableDeclaratorSyntax
                || (node is ParameterListSyntax && node.Parent is TypeDeclarationSyntax) || node is ParameterSyntax;

            public static bool IsRoot(SyntaxNode node)
            {
                switch (node)
                {
                    case BaseMethodDeclarationSyntax method:
                        return method.Body != null || method.ExpressionBody != null;
                    case AccessorDeclarationSyntax accessor:
                        return accessor.Body != null || accessor.ExpressionBody != null;
                    case ArrowExpressionClauseSyntax arrow:
                        return arrow.Parent is PropertyDeclarationSyntax || arrow.Parent is IndexerDeclarationSyntax;
                    case EqualsValueClauseSyntax equals:
                        // record DeepSeekSettings(string BaseUrl = "https://api.deepseek.com"): primary-constructor defaults.
                        return equals.Parent is PropertyDeclarationSyntax
                               || (equals.Parent is VariableDeclaratorSyntax && equals.Parent.Parent?.Parent is BaseFieldDeclarationSyntax)
                               || (equals.Parent is ParameterSyntax && equals.Parent.Parent?.Parent is TypeDeclarationSyntax);
                    case GlobalStatementSyntax _:
                        return true;
                    default:
                        return false;
                }
            }

            /// <summary>The member a root belongs to (for top-level statements, the synthesized entry point).</summary>
            public static ISymbol? GetMember(SyntaxNode node, SemanticModel model, CancellationToken cancellationToken)
            {
                switch (node)
                {
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent != null:
                        return model.GetDeclaredSymbol(arrow.Parent, cancellationToken);
                    case EqualsValueClauseSyntax equals when equals.Parent != null:
                        return model.GetDeclaredSymbol(equals.Parent, cancellationToken);
                    case GlobalStatementSyntax global:
                        return model.GetEnclosingSymbol(global.Statement.SpanStart, cancellationToken);
                    default:
                        return model.GetDeclaredSymbol(node, cancellationToken);
                }
            }
        }
    }
}
