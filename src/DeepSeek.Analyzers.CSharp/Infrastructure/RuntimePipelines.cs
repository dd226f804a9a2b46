using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Whether DeepSeek.Runtime's request policy or handler is on a client's pipeline — <c>options.UseDeepSeek()</c>,
    /// <c>options.AddPolicy(new DeepSeekRequestPolicy(…), …)</c>, a transport or <c>HttpClient</c> built on
    /// <c>DeepSeekHttpHandler</c> — traced from the client through locals, fields and properties of the same file,
    /// <c>GetChatClient()</c> / <c>AsIChatClient()</c> chains and constructor arguments. The policy rewrites
    /// <c>max_completion_tokens</c> to <c>max_tokens</c> and applies a default limit, so such a client needs nothing more.
    /// Built only when the project references DeepSeek.Runtime; where the trace loses the client (a parameter, a field set in
    /// another file, a factory method) the answer is "maybe", and DSK006 stays silent.
    /// </summary>
    internal sealed class RuntimePipelines
    {
        public const string PolicyMetadataName = "DeepSeek.Runtime.DeepSeekRequestPolicy";
        public const string HandlerMetadataName = "DeepSeek.Runtime.DeepSeekHttpHandler";
        public const string ExtensionsMetadataName = "DeepSeek.Runtime.DeepSeekClientPipelineOptionsExtensions";
        public const string UseDeepSeekName = "UseDeepSeek";

        private const int MaxDepth = 8;

        private readonly INamedTypeSymbol? _policy;
        private readonly INamedTypeSymbol? _handler;
        private readonly INamedTypeSymbol? _extensions;
        private readonly INamedTypeSymbol? _pipelineOptions;

        private RuntimePipelines(Compilation compilation)
        {
            _policy = TypeLookup.Find(compilation, PolicyMetadataName);
            _handler = TypeLookup.Find(compilation, HandlerMetadataName);
            _extensions = TypeLookup.Find(compilation, ExtensionsMetadataName);
            _pipelineOptions = TypeLookup.Find(compilation, "System.ClientModel.Primitives.ClientPipelineOptions");
        }

        /// <summary>Null when the project does not reference DeepSeek.Runtime: then no pipeline carries its policy.</summary>
        public static RuntimePipelines? Create(Compilation compilation)
        {
            var pipelines = new RuntimePipelines(compilation);
            return pipelines._policy == null && pipelines._handler == null ? null : pipelines;
        }

        /// <summary>
        /// False only when the trace proves the client's pipeline has no DeepSeek policy: true when it has one, and when the
        /// trace cannot tell.
        /// </summary>
        public bool MayCarryPolicy(IOperation client, CancellationToken cancellationToken)
            => new Trace(this, cancellationToken).Client(client, 0) != Attached.No;

        /// <summary>
        /// The <c>new OpenAIClientOptions { … }</c> a client is built with, written in this file with its type named, followed
        /// through one chain of locals, fields, <c>GetChatClient()</c> and <c>AsIChatClient()</c>: where the DSK006 fix can attach
        /// the policy once for every call on the client. Null when there is no such single creation.
        /// </summary>
        public IOperation? OptionsCreationOf(IOperation client, CancellationToken cancellationToken)
        {
            var value = client;
            for (var depth = 0; depth <= MaxDepth; depth++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                value = value.WithoutConversions();
                switch (value)
                {
                    case IInvocationOperation invocation when invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty:
                        var receiver = CallShapes.ReceiverOf(invocation);
                        if (receiver == null)
                        {
                            return null;
                        }

                        value = receiver;
                        continue;
                    case IObjectCreationOperation creation:
                        foreach (var argument in creation.Arguments)
                        {
                            var options = argument.Value.WithoutConversions();
                            if (argument.ArgumentKind == ArgumentKind.Explicit && TypeSymbols.IsOrDerivesFrom(options.Type, _pipelineOptions))
                            {
                                var created = options is ILocalReferenceOperation local ? OutputLimits.InitializerOf(local.Local, options) : options;
                                return created is IObjectCreationOperation optionsCreation
                                       && optionsCreation.Syntax is Microsoft.CodeAnalysis.CSharp.Syntax.ObjectCreationExpressionSyntax
                                    ? optionsCreation
                                    : null;
                            }
                        }

                        return null;
                    case ILocalReferenceOperation local:
                        value = OutputLimits.InitializerOf(local.Local, local)!;
                        if (value == null)
                        {
                            return null;
                        }

                        continue;
                    case IFieldReferenceOperation field when field.Field.DeclaringSyntaxReferences.Length == 1:
                        var declaration = field.Field.DeclaringSyntaxReferences[0].GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                        var model = field.SemanticModel;
                        if (declaration?.Initializer == null || model == null || declaration.SyntaxTree != model.SyntaxTree
                            || !(model.GetOperation(declaration.Initializer.Value, cancellationToken) is IOperation initial))
                        {
                            return null;
                        }

                        value = initial;
                        continue;
                    default:
                        return null;
                }
            }

            return null;
        }

        /// <summary>True for <c>options.UseDeepSeek(…)</c> and <c>options.AddPolicy(new DeepSeekRequestPolicy(…), …)</c>.</summary>
        private bool IsAttachment(IOperation operation)
        {
            switch (operation)
            {
                case IInvocationOperation invocation:
                    var method = invocation.TargetMethod.ReducedFrom ?? invocation.TargetMethod;
                    return method.Name == UseDeepSeekName && SymbolEqualityComparer.Default.Equals(method.ContainingType, _extensions);
                case IObjectCreationOperation creation:
                    return creation.Type != null
                           && (SymbolEqualityComparer.Default.Equals(creation.Type, _policy) || SymbolEqualityComparer.Default.Equals(creation.Type, _handler));
                default:
                    return false;
            }
        }

        private bool HoldsAttachment(IOperation operation)
        {
            foreach (var descendant in operation.DescendantsAndSelf())
            {
                if (IsAttachment(descendant))
                {
                    return true;
                }
            }

            return false;
        }

        private enum Attached
        {
            No,
            Yes,
            Maybe,
        }

        private sealed class Trace
        {
            private readonly RuntimePipelines _owner;
            private readonly CancellationToken _cancellationToken;
            private readonly HashSet<ISymbol> _visited = new HashSet<ISymbol>(SymbolEqualityComparer.Default);

            public Trace(RuntimePipelines owner, CancellationToken cancellationToken)
            {
                _owner = owner;
                _cancellationToken = cancellationToken;
            }

            /// <summary>A client, the client it was derived from, or the options and transport it was built with.</summary>
            public Attached Client(IOperation? operation, int depth)
            {
                if (operation == null || depth > MaxDepth)
                {
                    return Attached.Maybe;
                }

                _cancellationToken.ThrowIfCancellationRequested();
                var value = operation.WithoutConversions();
                switch (value)
                {
                    case IObjectCreationOperation creation:
                        // new ChatClient(model, key, options), new OpenAIClient(key, options), new HttpClient(handler):
                        // the policy is somewhere in the arguments, or the options object they name gets it later.
                        var result = _owner.HoldsAttachment(creation) ? Attached.Yes : Attached.No;
                        foreach (var argument in creation.Arguments)
                        {
                            if (result == Attached.Yes)
                            {
                                break;
                            }

                            var argumentValue = argument.Value.WithoutConversions();
                            if (argument.ArgumentKind == ArgumentKind.Explicit && EvidenceSymbols.SymbolOf(argumentValue) != null
                                && IsPipelinePart(argumentValue.Type))
                            {
                                result = Merge(result, Client(argumentValue, depth + 1));
                            }
                        }

                        return result;
                    case IInvocationOperation invocation:
                        {
                            if (_owner.IsAttachment(invocation))
                            {
                                return Attached.Yes;
                            }

                            // client.GetChatClient(model), chat.AsIChatClient(), builder.AddOpenAIChatCompletion(…, openAIClient: c):
                            // the receiver's pipeline and the clients handed in. A factory method of this project: unknown.
                            var method = invocation.TargetMethod;
                            var receiver = CallShapes.ReceiverOf(invocation);
                            if (!method.DeclaringSyntaxReferences.IsEmpty || (receiver == null && method.Name != "CreateBuilder"))
                            {
                                return Attached.Maybe;
                            }

                            var attached = receiver == null ? Attached.No : Client(receiver, depth + 1);
                            foreach (var argument in invocation.Arguments)
                            {
                                var argumentValue = argument.Value.WithoutConversions();
                                if (attached != Attached.Yes && argument.ArgumentKind == ArgumentKind.Explicit && argument.Value != receiver
                                    && IsPipelinePart(argumentValue.Type))
                                {
                                    attached = Merge(attached, Client(argumentValue, depth + 1));
                                }
                            }

                            return attached;
                        }

                    case IPropertyReferenceOperation property when property.Instance != null && !EvidenceSymbols.IsTracked(property.Property):
                        // service.ChatCompletion, client.Chat: an SDK member shares its owner's pipeline.
                        return Client(property.Instance, depth + 1);
                    case ILocalReferenceOperation _:
                    case IFieldReferenceOperation _:
                    case IPropertyReferenceOperation _:
                        return Symbol(value, depth);
                    default:
                        return Attached.Maybe;
                }
            }

            /// <summary>What flows into a local, field or property of this file, and what is done to it (<c>options.UseDeepSeek()</c>).</summary>
            private Attached Symbol(IOperation reference, int depth)
            {
                var symbol = EvidenceSymbols.SymbolOf(reference);
                var model = reference.SemanticModel;
                if (symbol == null || model == null || !EvidenceSymbols.IsTracked(symbol) || symbol is IParameterSymbol)
                {
                    return Attached.Maybe;
                }

                if (!_visited.Add(symbol))
                {
                    return Attached.No;
                }

                var scopes = ScopesOf(symbol, reference, model);
                if (scopes == null)
                {
                    return Attached.Maybe;
                }

                var result = Attached.No;
                var sawValue = false;
                foreach (var scope in scopes)
                {
                    foreach (var identifier in scope.DescendantNodes())
                    {
                        if (!(identifier is IdentifierNameSyntax name) || name.Identifier.ValueText != symbol.Name
                            || !SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(name, _cancellationToken).Symbol?.OriginalDefinition, symbol))
                        {
                            continue;
                        }

                        var use = Use(name, model, out var assigned);
                        if (use != null && _owner.IsAttachment(use))
                        {
                            return Attached.Yes;
                        }

                        if (assigned != null)
                        {
                            sawValue = true;
                            result = Merge(result, Client(assigned, depth + 1));
                        }
                    }

                }

                foreach (var declaration in symbol.DeclaringSyntaxReferences)
                {
                    var initializer = InitializerOf(declaration.GetSyntax(_cancellationToken));
                    if (initializer != null && initializer.SyntaxTree == model.SyntaxTree && model.GetOperation(initializer, _cancellationToken) is IOperation value)
                    {
                        sawValue = true;
                        result = Merge(result, Client(value, depth + 1));
                    }
                }

                return sawValue ? result : Attached.Maybe;
            }

            /// <summary>The call made on a use (<c>x.UseDeepSeek()</c>, <c>x.AddPolicy(…)</c>) and the value assigned to it, if any.</summary>
            private IOperation? Use(IdentifierNameSyntax name, SemanticModel model, out IOperation? assigned)
            {
                assigned = null;
                SyntaxNode node = name;
                if (node.Parent is MemberAccessExpressionSyntax self && self.Name == node && self.Expression is ThisExpressionSyntax)
                {
                    node = self;
                }

                switch (node.Parent)
                {
                    case AssignmentExpressionSyntax assignment when assignment.Left == node:
                        assigned = model.GetOperation(assignment.Right, _cancellationToken);
                        return null;
                    case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is InvocationExpressionSyntax call:
                        var operation = model.GetOperation(call, _cancellationToken);
                        if (operation is IInvocationOperation invocation && invocation.TargetMethod.Name == "AddPolicy")
                        {
                            foreach (var argument in invocation.Arguments)
                            {
                                if (_owner.HoldsAttachment(argument.Value))
                                {
                                    return argument.Value.WithoutConversions();
                                }
                            }
                        }

                        return operation;
                    case MemberAccessExpressionSyntax access when access.Expression == node && access.Parent is AssignmentExpressionSyntax set
                                                                  && set.Left == access:
                        // options.Transport = new HttpClientPipelineTransport(new HttpClient(new DeepSeekHttpHandler())).
                        var value = model.GetOperation(set.Right, _cancellationToken);
                        return value != null && _owner.HoldsAttachment(value) ? FirstAttachment(value) : null;
                    default:
                        return null;
                }
            }

            private IOperation? FirstAttachment(IOperation operation)
            {
                foreach (var descendant in operation.DescendantsAndSelf())
                {
                    if (_owner.IsAttachment(descendant))
                    {
                        return descendant;
                    }
                }

                return null;
            }

            /// <summary>Where a symbol can be changed in this file: a local's method, a member's type declarations; null when unknown.</summary>
            private IEnumerable<SyntaxNode>? ScopesOf(ISymbol symbol, IOperation reference, SemanticModel model)
            {
                if (symbol is ILocalSymbol)
                {
                    var root = CallShapes.RootOf(reference);

                    return new[] { root.Syntax };
                }

                var scopes = new List<SyntaxNode>();
                foreach (var declaration in symbol.ContainingType.DeclaringSyntaxReferences)
                {
                    if (declaration.SyntaxTree != model.SyntaxTree)
                    {
                        // A partial type spread over files: its other parts may set the member out of sight.
                        return null;
                    }

                    scopes.Add(declaration.GetSyntax(_cancellationToken));
                }

                return scopes.Count == 0 ? null : scopes;
            }

            private static SyntaxNode? InitializerOf(SyntaxNode declaration)
            {
                switch (declaration)
                {
                    case VariableDeclaratorSyntax variable:
                        return variable.Initializer?.Value;
                    case PropertyDeclarationSyntax property:
                        return property.Initializer?.Value ?? property.ExpressionBody?.Expression;
                    default:
                        return null;
                }
            }

            /// <summary>Arguments that can carry a pipeline: options, handlers, transports, HTTP and SDK clients (not model ids or keys).</summary>
            private static bool IsPipelinePart(ITypeSymbol? type)
            {
                var name = type?.Name;
                return name != null
                       && (name.EndsWith("Options", System.StringComparison.Ordinal) || name.EndsWith("Handler", System.StringComparison.Ordinal)
                           || name.EndsWith("Transport", System.StringComparison.Ordinal) || name.EndsWith("Client", System.StringComparison.Ordinal));
            }

            private static Attached Merge(Attached a, Attached b)
                => a == Attached.Yes || b == Attached.Yes ? Attached.Yes
                    : a == Attached.Maybe || b == Attached.Maybe ? Attached.Maybe
                    : Attached.No;
        }
    }
}
