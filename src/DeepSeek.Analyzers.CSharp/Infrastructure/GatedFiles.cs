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

            var generatedCode = DeepSeekCompilationContext.Get(context.Compilation, context.Options).GeneratedCode;
            context.RegisterSemanticModelAction(c =>
            {
                // The gate first: it is cached and cheap, the generated-file test reads each file's header comments.
                var tree = c.SemanticModel.SyntaxTree;
                if (!gate(tree, c.CancellationToken) || generatedCode.IsGeneratedFile(tree, c.CancellationToken))
                {
                    return;
                }

                var file = new GatedFile(tree, c.CancellationToken);
                register(file);
                file.Run(c, generatedCode);
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
        // The registered kinds and, beside each, its actions in registration order (a rule registers a handful of kinds:
        // a short list, not a table of every kind, which each rule would allocate for every file).
        private readonly List<OperationKind> _kinds = new List<OperationKind>();
        private readonly List<List<Action<GatedOperationContext>>> _actions = new List<List<Action<GatedOperationContext>>>();
        private KindSet _registered;
        private List<(OperationSelection Selection, Action<GatedOperationContext> Action)>? _selectionActions;

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
                if (FileOperations.IsRead(kind))
                {
                    ActionsOf(kind).Add(action);
                }
                else
                {
                    // A kind the shared walk does not keep: the rule would never see one (a meta test fails on this).
                    FileOperations.UnreadRegistrations.TryAdd(kind, true);
                }
            }
        }

        /// <summary>
        /// Runs <paramref name="action"/> on the operations <paramref name="selection"/> picks from this file (picked once per
        /// file for every rule that shares the selection).
        /// </summary>
        public void RegisterSelectionAction(OperationSelection selection, Action<GatedOperationContext> action)
            => (_selectionActions ??= new List<(OperationSelection, Action<GatedOperationContext>)>()).Add((selection, action));

        private List<Action<GatedOperationContext>> ActionsOf(OperationKind kind)
        {
            for (var i = 0; i < _kinds.Count; i++)
            {
                if (_kinds[i] == kind)
                {
                    return _actions[i];
                }
            }

            var actions = new List<Action<GatedOperationContext>>();
            _kinds.Add(kind);
            _registered.Add(kind);
            _actions.Add(actions);
            return actions;
        }

        internal void Run(SemanticModelAnalysisContext context, GeneratedCode generatedCode)
        {
            if (_kinds.Count == 0 && _selectionActions == null)
            {
                return;
            }

            var model = context.SemanticModel;
            var cancellationToken = context.CancellationToken;
            // Generated code is skipped here, not by the driver (see GeneratedCode): a finding inside a [GeneratedCode]
            // declaration or a #line hidden region of an ordinary file is dropped.
            var report = new Action<Diagnostic>(diagnostic =>
            {
                if (!generatedCode.IsInGeneratedCode(diagnostic.Location, model, cancellationToken))
                {
                    context.ReportDiagnostic(diagnostic);
                }
            });
            var file = FileOperations.Of(model, cancellationToken);
            if (_selectionActions != null)
            {
                foreach (var (selection, action) in _selectionActions)
                {
                    foreach (var selected in selection.Of(file))
                    {
                        action(new GatedOperationContext(selected.Operation, selected.Block.Member, model.Compilation, context.Options, report, cancellationToken));
                    }
                }
            }

            if (_kinds.Count == 0)
            {
                return;
            }

            // Only the operations of the registered kinds, in the order the driver would hand them over: the kinds sit in a
            // byte array beside each block's operations, so the others are skipped without being touched. The actions of each
            // kind are looked up in plain arrays (a rule registers a handful of kinds).
            var registered = _registered;
            var registeredKinds = _kinds.ToArray();
            var actions = new Action<GatedOperationContext>[registeredKinds.Length][];
            for (var k = 0; k < actions.Length; k++)
            {
                actions[k] = _actions[k].ToArray();
            }

            var compilation = model.Compilation;
            var options = context.Options;
            foreach (var block in file.Blocks)
            {
                var kinds = block.Kinds;
                for (var i = 0; i < kinds.Length; i++)
                {
                    var kind = kinds[i];
                    if (!registered.Contains(kind))
                    {
                        continue;
                    }

                    var operationContext = new GatedOperationContext(block.Operations[i], block.Member, compilation, options, report, cancellationToken);
                    var k = 0;
                    while (registeredKinds[k] != (OperationKind)kind)
                    {
                        k++;
                    }

                    foreach (var action in actions[k])
                    {
                        action(operationContext);
                    }
                }
            }
        }
    }
}
