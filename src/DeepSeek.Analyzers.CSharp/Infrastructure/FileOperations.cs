using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The operations of a file that the rules read (<see cref="ReadKinds"/>), in the order the driver visits them (each
    /// code block's tree in pre-order), with the member owning each: walked once per file and shared by every rule the
    /// file's gates open, for as long as the driver keeps the file's semantic model.
    /// </summary>
    internal sealed class FileOperations
    {
        /// <summary>
        /// The kinds of operation any rule, shared selection or the evidence engine reads: only these are kept (the others,
        /// more than half of a file's operations, are walked through but not stored). A rule that registers another kind
        /// gets none of it, and its tests fail; a meta test holds every registration to this list.
        /// </summary>
        public static readonly ImmutableArray<OperationKind> ReadKinds = ImmutableArray.Create(
            OperationKind.Literal, OperationKind.Utf8String, OperationKind.InterpolatedString, OperationKind.Binary,
            OperationKind.Invocation, OperationKind.ObjectCreation, OperationKind.AnonymousObjectCreation,
            OperationKind.SimpleAssignment, OperationKind.DeconstructionAssignment, OperationKind.CoalesceAssignment,
            OperationKind.VariableDeclarator, OperationKind.FieldInitializer, OperationKind.PropertyInitializer,
            OperationKind.ParameterInitializer, OperationKind.Return, OperationKind.Loop, OperationKind.Labeled, OperationKind.Try,
            OperationKind.LocalReference, OperationKind.ParameterReference, OperationKind.FieldReference, OperationKind.PropertyReference);

        private static readonly KindSet Read = KindSet.Of(ReadKinds);

        /// <summary>Kinds a rule registered that are not in <see cref="ReadKinds"/> (a meta test asserts there are none).</summary>
        internal static readonly ConcurrentDictionary<OperationKind, bool> UnreadRegistrations = new ConcurrentDictionary<OperationKind, bool>();

        private static readonly ConditionalWeakTable<SemanticModel, FileOperations> Walks = new ConditionalWeakTable<SemanticModel, FileOperations>();

        // The selections picked from this file (OperationSelection), kept with the walk: a field, not a weak table keyed by
        // the walk, whose every entry is a GC handle made under the table's lock.
        private readonly object _selectionsGate = new object();
        private List<(OperationSelection Selection, SelectedOperation[] Selected)>? _selections;

        private FileOperations(CodeBlock[] blocks)
        {
            Blocks = blocks;
        }

        /// <summary>The file's code blocks in source order.</summary>
        public CodeBlock[] Blocks { get; }

        /// <summary>
        /// What <paramref name="selection"/> picks from this file: picked by the first rule to ask (<paramref name="select"/>),
        /// the others wait for it and share the result.
        /// </summary>
        internal SelectedOperation[] SelectionOf(OperationSelection selection, System.Func<FileOperations, SelectedOperation[]> select)
        {
            lock (_selectionsGate)
            {
                if (_selections != null)
                {
                    foreach (var (kept, selected) in _selections)
                    {
                        if (kept == selection)
                        {
                            return selected;
                        }
                    }
                }

                var result = select(this);
                (_selections ??= new List<(OperationSelection, SelectedOperation[])>()).Add((selection, result));
                return result;
            }
        }

        /// <summary>Whether operations of <paramref name="kind"/> are kept (see <see cref="ReadKinds"/>).</summary>
        public static bool IsRead(OperationKind kind) => (uint)kind < CodeBlock.KindCount && Read.Contains((byte)kind);

        public static FileOperations Of(SemanticModel model, CancellationToken cancellationToken)
        {
            if (Walks.TryGetValue(model, out var walk))
            {
                return walk;
            }

            // Two rules may walk the same file at once; both walks are equal and the first one stored is kept.
            walk = Walk(model, cancellationToken);
            return Walks.GetValue(model, _ => walk);
        }

        /// <summary>A fresh walk, not cached (the benchmark times it).</summary>
        internal static FileOperations WalkForBenchmark(SemanticModel model) => Walk(model, CancellationToken.None);

        private static FileOperations Walk(SemanticModel model, CancellationToken cancellationToken)
        {
            // Arrays per code block, not per file: a large file's operations would make arrays on the large-object heap.
            var blocks = new List<CodeBlock>();
            var operations = new List<IOperation>();
            var kinds = new List<byte>();
            var pending = new Stack<IOperation.OperationList.Enumerator>();
            foreach (var (root, member, evidenceMember) in OperationRoots.Of(model, cancellationToken))
            {
                operations.Clear();
                kinds.Clear();
                if (root is IConstructorBodyOperation constructor)
                {
                    // As the driver: the constructor's own operation, then its written code blocks: the initializer's call
                    // (not the implicit statement around it, nor an implicit base() call), the body.
                    Add(operations, kinds, constructor);
                    if (constructor.Initializer is IExpressionStatementOperation initializer && !initializer.Operation.IsImplicit)
                    {
                        AddTree(operations, kinds, pending, initializer.Operation);
                    }

                    AddWrittenTree(operations, kinds, pending, constructor.BlockBody);
                    AddWrittenTree(operations, kinds, pending, constructor.ExpressionBody);
                }
                else
                {
                    AddTree(operations, kinds, pending, root);
                }

                blocks.Add(new CodeBlock(member, evidenceMember, operations.ToArray(), kinds.ToArray()));
            }

            return new FileOperations(blocks.ToArray());
        }

        private static void Add(List<IOperation> operations, List<byte> kinds, IOperation operation)
        {
            var kind = operation.Kind;
            if (IsRead(kind))
            {
                operations.Add(operation);
                kinds.Add((byte)kind);
            }
        }

        /// <summary>
        /// Adds <paramref name="operation"/> and its descendants in pre-order, the driver's order: a stack of child
        /// enumerators, as Roslyn's own <c>DescendantsAndSelf</c> (no per-operation reversal of the children).
        /// </summary>
        private static void AddTree(List<IOperation> operations, List<byte> kinds, Stack<IOperation.OperationList.Enumerator> pending, IOperation operation)
        {
            Add(operations, kinds, operation);
            pending.Push(operation.ChildOperations.GetEnumerator());
            while (pending.Count > 0)
            {
                var children = pending.Pop();
                if (!children.MoveNext())
                {
                    continue;
                }

                var child = children.Current;
                pending.Push(children);
                Add(operations, kinds, child);
                pending.Push(child.ChildOperations.GetEnumerator());
            }
        }

        private static void AddWrittenTree(List<IOperation> operations, List<byte> kinds, Stack<IOperation.OperationList.Enumerator> pending, IOperation? operation)
        {
            // A primary constructor's body is an implicit block the driver does not visit.
            if (operation != null && !operation.IsImplicit)
            {
                AddTree(operations, kinds, pending, operation);
            }
        }
    }

    /// <summary>One code block of a file: the member owning it, its operations in pre-order and their kinds side by side.</summary>
    internal sealed class CodeBlock
    {
        /// <summary>Operation kinds are small numbers; an operation of a larger kind (none today) is left out.</summary>
        public const int KindCount = 256;

        public CodeBlock(ISymbol member, ISymbol? evidenceMember, IOperation[] operations, byte[] kinds)
        {
            Member = member;
            EvidenceMember = evidenceMember;
            Operations = operations;
            Kinds = kinds;
        }

        /// <summary>The member owning the block, as operation actions see it (a getter for an expression-bodied property).</summary>
        public ISymbol Member { get; }

        /// <summary>
        /// The member the evidence engine files the block's facts under (<see cref="MemberRoots"/>: the property itself, a
        /// primary-constructor parameter), or null for blocks it does not read (attributes, method parameter defaults).
        /// </summary>
        public ISymbol? EvidenceMember { get; }

        public IOperation[] Operations { get; }

        /// <summary>The kind of each operation: a rule skips the operations it has no action for without touching them.</summary>
        public byte[] Kinds { get; }
    }
}
