using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The facts of one syntax tree, collected once from the operation trees of its members when a rule first asks
    /// (rules ask only of files that pass <see cref="DeepSeekFileGate"/>): assignments, uses and model-sink uses per symbol,
    /// creations of this project's types, and the direct evidence (roots) of every member and type.
    /// </summary>
    internal sealed class EvidenceFacts
    {
        private readonly EvidenceSignals _signals;

        private EvidenceFacts(EvidenceSignals signals)
        {
            _signals = signals;
        }

        /// <summary>Values flowing into a symbol: initialisers, assignments, call-site arguments, returns, member sets (<c>options.Endpoint = …</c>).</summary>
        public Dictionary<ISymbol, List<IOperation>> Assignments { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        /// <summary>Calls and creations a symbol is handed to (argument or receiver): where a request object goes.</summary>
        public Dictionary<ISymbol, List<IOperation>> Uses { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        /// <summary>Model sinks (their owners) a symbol's value reaches.</summary>
        public Dictionary<ISymbol, List<IOperation>> SinkUses { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        /// <summary>Per type, the evidence of hosts, secrets and SDK types only (catalog model ids left out).</summary>
        public Dictionary<ISymbol, EvidenceFlags> HostRoots { get; } = new Dictionary<ISymbol, EvidenceFlags>(SymbolEqualityComparer.Default);

        /// <summary>Creations of this project's types (request DTOs, options), by type definition.</summary>
        public Dictionary<ISymbol, List<IOperation>> Creations { get; } = new Dictionary<ISymbol, List<IOperation>>(SymbolEqualityComparer.Default);

        /// <summary>Direct evidence per member (method, accessor, initializer, top-level statements) and per type.</summary>
        public Dictionary<ISymbol, EvidenceFlags> Roots { get; } = new Dictionary<ISymbol, EvidenceFlags>(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<ISymbol, DeepSeekBinding> SymbolMemo { get; } =
            new ConcurrentDictionary<ISymbol, DeepSeekBinding>(SymbolEqualityComparer.Default);

        public static EvidenceFacts Build(EvidenceSignals signals, SemanticModel model, CancellationToken cancellationToken)
        {
            // The file's operations as the rules walk them (one walk per file, shared).
            var result = new EvidenceFacts(signals);
            foreach (var block in FileOperations.Of(model, cancellationToken).Blocks)
            {
                if (block.EvidenceMember != null)
                {
                    result.Collect(block, block.EvidenceMember, cancellationToken);
                }
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

        /// <summary>The operation kinds <see cref="Collect"/> reads (all kept by the walk, <see cref="FileOperations.ReadKinds"/>).</summary>
        internal static readonly OperationKind[] CollectedKinds =
        {
            OperationKind.VariableDeclarator, OperationKind.FieldInitializer, OperationKind.PropertyInitializer,
            OperationKind.SimpleAssignment, OperationKind.DeconstructionAssignment, OperationKind.CoalesceAssignment, OperationKind.Return,
            OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.LocalReference, OperationKind.ParameterReference,
            OperationKind.FieldReference, OperationKind.PropertyReference, OperationKind.Literal,
        };

        /// <summary>The same, as a set: the others are skipped without being touched.</summary>
        private static readonly KindSet Collected = KindSet.Of(CollectedKinds);

        private void Collect(CodeBlock block, ISymbol member, CancellationToken cancellationToken)
        {
            var type = member as INamedTypeSymbol ?? member.ContainingType;
            var operations = block.Operations;
            var kinds = block.Kinds;
            for (var i = 0; i < kinds.Length; i++)
            {
                if (!Collected.Contains(kinds[i]))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                var operation = operations[i];
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
                        if (!invocation.TargetMethod.DeclaringSyntaxReferences.IsEmpty && ModelSinks.TryGetModelSink(invocation, out var callSink))
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
            var symbol = EvidenceSymbols.SymbolOf(assignment.Target);
            if (symbol != null && EvidenceSymbols.IsTracked(symbol))
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

            var receiver = EvidenceSymbols.SymbolOf(instance);
            if (receiver != null && EvidenceSymbols.IsTracked(receiver))
            {
                Add(Assignments, receiver, assignment);
            }
        }

        private void CollectArguments(IMethodSymbol method, ImmutableArray<IArgumentOperation> arguments)
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
            var symbol = EvidenceSymbols.SymbolOf(reference);
            if (symbol == null || !EvidenceSymbols.IsTracked(symbol))
            {
                return;
            }

            if (ModelSinks.TryGetModelSink(reference, out var sinkOwner))
            {
                Add(SinkUses, symbol, sinkOwner);
            }

            var parent = reference.ParentThroughConversions(out var node);

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
                // The type first: reading ConstantValue boxes every number, and most literals are numbers.
                case ILiteralOperation literal when literal.Type?.SpecialType == SpecialType.System_String && literal.ConstantValue.Value is string text:
                    if (_signals.Catalog.IsCatalogId(text))
                    {
                        var model = literal.SemanticModel;
                        return model != null && ModelIdPositions.IsComparisonOrLookup(literal.Syntax, model, _signals.Types, cancellationToken)
                            ? DeepSeekBinding.Unknown
                            : DeepSeekBinding.Bound;
                    }

                    // Only well-known AI hosts count here: an unrelated URL elsewhere in a type says nothing.
                    return _signals.BindingOfString(text, anyOtherHost: false);
                case IFieldReferenceOperation field when field.Field.IsConst && field.Field.Type.SpecialType == SpecialType.System_String
                                                         && field.ConstantValue.Value is string id && _signals.Catalog.IsCatalogId(id):
                    return ModelSinks.TryGetModelSink(field, out _) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
                case IInvocationOperation invocation:
                    return _signals.IsSecretRead(invocation) || _signals.IsDeepSeekSdkType(invocation.TargetMethod.ContainingType)
                        ? DeepSeekBinding.Bound
                        : DeepSeekBinding.Unknown;
                case IPropertyReferenceOperation property:
                    return _signals.IsSecretRead(property) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
                case IObjectCreationOperation creation:
                    return _signals.IsDeepSeekSdkType(creation.Type) ? DeepSeekBinding.Bound : DeepSeekBinding.Unknown;
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
}
