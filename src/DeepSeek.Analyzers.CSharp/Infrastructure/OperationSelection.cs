using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// A subset of a file's operations that several rules read (the model-id candidates): picked once per file from the
    /// shared walk, by the first rule to ask, and cached for as long as the walk lives. The rules that share it then touch
    /// only the few operations it holds, not every literal of the file each.
    /// </summary>
    internal abstract class OperationSelection
    {
        /// <summary>The selected operations of <paramref name="file"/>, in walk order.</summary>
        public SelectedOperation[] Of(FileOperations file) => file.SelectionOf(this, Select);

        /// <summary>The kinds of operation the selection may pick: it looks at no other.</summary>
        protected abstract IReadOnlyList<OperationKind> Kinds { get; }

        /// <summary>Whether the operation at <paramref name="index"/> of <paramref name="block"/> belongs to the selection.</summary>
        protected abstract bool Selects(CodeBlock block, int index);

        private SelectedOperation[] Select(FileOperations file)
        {
            List<SelectedOperation>? selected = null;
            var kinds = KindSet.Of(Kinds);
            foreach (var block in file.Blocks)
            {
                var blockKinds = block.Kinds;
                for (var index = 0; index < blockKinds.Length; index++)
                {
                    if (kinds.Contains(blockKinds[index]) && Selects(block, index))
                    {
                        (selected ??= new List<SelectedOperation>()).Add(new SelectedOperation(block, index));
                    }
                }
            }

            return selected?.ToArray() ?? System.Array.Empty<SelectedOperation>();
        }
    }

    /// <summary>One operation of a selection: its code block and its place in the block.</summary>
    internal readonly struct SelectedOperation
    {
        public SelectedOperation(CodeBlock block, int index)
        {
            Block = block;
            Index = index;
        }

        public CodeBlock Block { get; }

        public int Index { get; }

        public IOperation Operation => Block.Operations[Index];
    }
}
