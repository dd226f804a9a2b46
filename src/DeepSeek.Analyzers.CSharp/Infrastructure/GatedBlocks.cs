using System;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Operation actions registered per code block, only in files a per-file gate lets through. Most code never calls
    /// DeepSeek: there a rule costs one cheap callback per code block (the gate's answer is cached per file) instead of one
    /// per literal, invocation or creation.
    /// </summary>
    internal static class GatedBlocks
    {
        /// <summary>
        /// Calls <paramref name="register"/> (which registers the rule's operation actions on the block) for every code block
        /// whose file passes <paramref name="gate"/>; registers nothing at all when no file of the compilation does, so a
        /// project without DeepSeek code pays no callback per block either. (The text pass over every file that decides it
        /// is the one the gate's cross-file check makes anyway, cached per file and shared by every rule.)
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext context,
            Func<SyntaxTree, CancellationToken, bool> gate,
            Action<OperationBlockStartAnalysisContext> register)
        {
            if (!AnyFilePasses(context.Compilation, gate, context.CancellationToken))
            {
                return;
            }

            context.RegisterOperationBlockStartAction(block =>
            {
                var tree = TreeOf(block);
                if (tree != null && gate(tree, block.CancellationToken))
                {
                    register(block);
                }
            });
        }

        /// <summary>True when some file of <paramref name="compilation"/> passes <paramref name="gate"/> (stops at the first).</summary>
        public static bool AnyFilePasses(Compilation compilation, Func<SyntaxTree, CancellationToken, bool> gate, CancellationToken cancellationToken)
        {
            foreach (var tree in compilation.SyntaxTrees)
            {
                if (gate(tree, cancellationToken))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The file of a code block (all blocks of one declaration are in one file), or null for none.</summary>
#pragma warning disable RS1012 // A reader of the start context, not a start action: its callers register the actions.
        public static SyntaxTree? TreeOf(OperationBlockStartAnalysisContext block)
#pragma warning restore RS1012
            => block.OperationBlocks.IsEmpty ? null : block.OperationBlocks[0].Syntax.SyntaxTree;
    }
}
