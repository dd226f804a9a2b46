using System;
using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Operation actions run only in files a per-file gate lets through. Most code never calls DeepSeek: there a rule costs
    /// one cheap callback per file (the gate's answer is cached per file), not one per code block, literal or invocation.
    /// In a file the gate opens, each operation of a registered kind is handed to the rule with the member that owns it,
    /// as the analyzer driver would, from the file's one shared walk (<see cref="FileOperations"/>). The rules run when the
    /// driver has finished the file (a semantic-model action), so the walk reads the operation trees the driver built.
    /// </summary>
    internal static class GatedFiles
    {
        /// <summary>
        /// Calls <paramref name="register"/> (which registers the rule's operation actions on the file) for every file that
        /// passes <paramref name="gate"/>, then runs the registered actions over that file's operations. Registers nothing
        /// at all when no file of the compilation passes, so a project without DeepSeek code pays no callback either. (The
        /// text pass over every file that decides it is the one the gate's cross-file check makes anyway, cached per file
        /// and shared by every rule.)
        /// </summary>
        public static void Register(
            CompilationStartAnalysisContext context,
            Func<SyntaxTree, CancellationToken, bool> gate,
            Action<GatedFile> register)
        {
            if (!AnyFilePasses(context.Compilation, gate, context.CancellationToken))
            {
                return;
            }

            context.RegisterSemanticModelAction(c =>
            {
                var tree = c.SemanticModel.SyntaxTree;
                if (!gate(tree, c.CancellationToken))
                {
                    return;
                }

                var file = new GatedFile(tree, c.CancellationToken);
                register(file);
                file.Run(c);
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
    }

    /// <summary>One file a gate opened: the rule registers its operation actions here, as on a code block.</summary>
    internal sealed class GatedFile
    {
        // The actions by operation kind (kinds are small numbers); looked up for every operation of the file.
        private readonly List<Action<GatedOperationContext>>?[] _actions = new List<Action<GatedOperationContext>>?[CodeBlock.KindCount];
        private bool _any;

        public GatedFile(SyntaxTree tree, CancellationToken cancellationToken)
        {
            Tree = tree;
            CancellationToken = cancellationToken;
        }

        public SyntaxTree Tree { get; }

        public CancellationToken CancellationToken { get; }

        /// <summary>Runs <paramref name="action"/> on every operation of one of <paramref name="kinds"/> in this file.</summary>
        public void RegisterOperationAction(Action<GatedOperationContext> action, params OperationKind[] kinds)
            => RegisterOperationAction(action, (IEnumerable<OperationKind>)kinds);

        /// <summary>Runs <paramref name="action"/> on every operation of one of <paramref name="kinds"/> in this file.</summary>
        public void RegisterOperationAction(Action<GatedOperationContext> action, IEnumerable<OperationKind> kinds)
        {
            foreach (var kind in kinds)
            {
                if ((uint)kind < CodeBlock.KindCount)
                {
                    (_actions[(int)kind] ??= new List<Action<GatedOperationContext>>()).Add(action);
                    _any = true;
                }
            }
        }

        internal void Run(SemanticModelAnalysisContext context)
        {
            if (!_any)
            {
                return;
            }

            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            var report = new Action<Diagnostic>(context.ReportDiagnostic);
            foreach (var block in FileOperations.Of(model, cancellationToken).Blocks)
            {
                var operations = block.Operations;
                var kinds = block.Kinds;
                for (var i = 0; i < kinds.Length; i++)
                {
                    var actions = _actions[kinds[i]];
                    if (actions == null)
                    {
                        continue;
                    }

                    var operationContext = new GatedOperationContext(operations[i], block.Member, model.Compilation, context.Options, report, cancellationToken);
                    foreach (var action in actions)
                    {
                        action(operationContext);
                    }
                }
            }
        }
    }
}
