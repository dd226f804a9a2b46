using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Operation actions run only in files a per-file gate lets through. Most code never calls DeepSeek: there a rule costs
    /// one cheap callback per file (the gate's answer is cached per file), not one per code block, literal or invocation.
    /// In a file the gate opens, the operation trees of its code (member bodies, initialisers, parameter defaults,
    /// attributes, top-level statements) are walked once per rule and each operation of a registered kind is handed to
    /// the rule with the member that owns it, as the analyzer driver would. The walk runs when the driver has finished
    /// the file (a semantic-model action), so the operation trees it reads are the ones the driver already built.
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
            => RegisterOperationAction(action, ImmutableArray.Create(kinds));

        /// <summary>Runs <paramref name="action"/> on every operation of one of <paramref name="kinds"/> in this file.</summary>
        public void RegisterOperationAction(Action<GatedOperationContext> action, ImmutableArray<OperationKind> kinds)
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

    /// <summary>
    /// Every operation of a file in the order the driver visits them (each code block's tree in pre-order), with the
    /// member owning it: walked once per file and shared by every rule the file's gates open, for as long as the driver
    /// keeps the file's semantic model.
    /// </summary>
    internal sealed class FileOperations
    {
        private static readonly ConditionalWeakTable<SemanticModel, FileOperations> Walks = new ConditionalWeakTable<SemanticModel, FileOperations>();

        private FileOperations(CodeBlock[] blocks)
        {
            Blocks = blocks;
        }

        /// <summary>The file's code blocks in source order.</summary>
        public CodeBlock[] Blocks { get; }

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
            var pending = new Stack<IOperation>();
            foreach (var (root, member, evidenceMember) in OperationRoots.Of(model, cancellationToken))
            {
                operations.Clear();
                kinds.Clear();
                if (root is IConstructorBodyOperation constructor)
                {
                    // As the driver: the constructor's own operation, then its written code blocks: the initializer's call
                    // (not the implicit statement around it, nor an implicit base() call), the body.
                    Add(operations, kinds, constructor);
                    PushIfAny(pending, constructor.ExpressionBody);
                    PushIfAny(pending, constructor.BlockBody);
                    if (constructor.Initializer is IExpressionStatementOperation initializer && !initializer.Operation.IsImplicit)
                    {
                        pending.Push(initializer.Operation);
                    }
                }
                else
                {
                    pending.Push(root);
                }

                while (pending.Count > 0)
                {
                    var operation = pending.Pop();
                    Add(operations, kinds, operation);

                    foreach (var child in operation.ChildOperations.Reverse())
                    {
                        pending.Push(child);
                    }
                }

                blocks.Add(new CodeBlock(member, evidenceMember, operations.ToArray(), kinds.ToArray()));
            }

            return new FileOperations(blocks.ToArray());
        }

        private static void Add(List<IOperation> operations, List<byte> kinds, IOperation operation)
        {
            var kind = operation.Kind;
            if ((uint)kind < CodeBlock.KindCount)
            {
                operations.Add(operation);
                kinds.Add((byte)kind);
            }
        }

        private static void PushIfAny(Stack<IOperation> pending, IOperation? operation)
        {
            // A primary constructor's body is an implicit block the driver does not visit.
            if (operation != null && !operation.IsImplicit)
            {
                pending.Push(operation);
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

    /// <summary>
    /// One operation of a gated file handed to a rule: what <see cref="OperationAnalysisContext"/> gives an operation action
    /// (the operation, the member owning its code, the compilation, options, reporting, cancellation).
    /// </summary>
    internal readonly struct GatedOperationContext
    {
        private readonly Action<Diagnostic> _report;

        public GatedOperationContext(
            IOperation operation,
            ISymbol containingSymbol,
            Compilation compilation,
            AnalyzerOptions options,
            Action<Diagnostic> report,
            CancellationToken cancellationToken)
        {
            Operation = operation;
            ContainingSymbol = containingSymbol;
            Compilation = compilation;
            Options = options;
            _report = report;
            CancellationToken = cancellationToken;
        }

        public IOperation Operation { get; }

        /// <summary>The member whose code holds the operation (a method, accessor, field, property, or the entry point).</summary>
        public ISymbol ContainingSymbol { get; }

        public Compilation Compilation { get; }

        public AnalyzerOptions Options { get; }

        public CancellationToken CancellationToken { get; }

        public void ReportDiagnostic(Diagnostic diagnostic) => _report(diagnostic);
    }

    /// <summary>
    /// The operation trees of a file's code and the member owning each, as the analyzer driver hands them to operation
    /// actions: member bodies and expression bodies, field, property and enum-member initialisers, parameter defaults
    /// (owned by their method), attributes of types and members, top-level statements.
    /// </summary>
    internal static class OperationRoots
    {
        public static IEnumerable<(IOperation Root, ISymbol Member, ISymbol? EvidenceMember)> Of(SemanticModel model, CancellationToken cancellationToken)
        {
            var root = model.SyntaxTree.GetRoot(cancellationToken);

            // Top-level statements are one code block: the entry point's body.
            if (root is CompilationUnitSyntax unit
                && unit.Members.FirstOrDefault(m => m is GlobalStatementSyntax) is GlobalStatementSyntax first
                && model.GetOperation(unit, cancellationToken) is IMethodBodyOperation program
                && model.GetEnclosingSymbol(first.Statement.SpanStart, cancellationToken) is { } entryPoint)
            {
                yield return (program, entryPoint, entryPoint);
            }

            foreach (var node in root.DescendantNodes(ShouldDescend))
            {
                SyntaxNode target;
                ISymbol? member;
                ISymbol? evidenceMember = null;
                switch (node)
                {
                    case GlobalStatementSyntax _:
                        continue;
                    case TypeDeclarationSyntax type:
                        // class Client(string key) : Base(key): the base call is the primary constructor's code block.
                        if (type.BaseList?.Types.FirstOrDefault() is PrimaryConstructorBaseTypeSyntax primaryBase
                            && model.GetOperation(primaryBase, cancellationToken) is { } baseCall
                            && TopOf(baseCall) is IConstructorBodyOperation primaryBody
                            && model.GetDeclaredSymbol(type, cancellationToken) is INamedTypeSymbol declared
                            && PrimaryConstructorOf(declared, type) is { } primaryConstructor)
                        {
                            yield return (primaryBody, primaryConstructor, null);
                        }

                        continue;
                    case AttributeSyntax attribute:
                        var declaration = attribute.Parent?.Parent;
                        member = declaration switch
                        {
                            BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count == 0 ? null : model.GetDeclaredSymbol(field.Declaration.Variables[0], cancellationToken),
                            ParameterSyntax parameter => model.GetDeclaredSymbol(parameter, cancellationToken)?.ContainingSymbol,
                            CompilationUnitSyntax _ => model.Compilation.Assembly.GlobalNamespace,
                            _ when OwnsOperationAttributes(declaration) => model.GetDeclaredSymbol(declaration!, cancellationToken),
                            _ => null,
                        };
                        target = attribute;
                        break;
                    case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax parameter:
                        target = equals;
                        var parameterSymbol = model.GetDeclaredSymbol(parameter, cancellationToken);
                        member = parameterSymbol?.ContainingSymbol;
                        if (MemberRoots.IsRoot(equals))
                        {
                            evidenceMember = parameterSymbol;
                        }

                        break;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BasePropertyDeclarationSyntax property:
                        // An expression-bodied property or indexer is its getter's code.
                        target = arrow;
                        evidenceMember = model.GetDeclaredSymbol(property, cancellationToken);
                        member = (evidenceMember as IPropertySymbol)?.GetMethod;
                        break;
                    case EqualsValueClauseSyntax equals when equals.Parent is EnumMemberDeclarationSyntax enumMember:
                        target = equals;
                        member = model.GetDeclaredSymbol(enumMember, cancellationToken);
                        break;
                    default:
                        if (!MemberRoots.IsRoot(node))
                        {
                            continue;
                        }

                        target = node is GlobalStatementSyntax global ? global.Statement : node;
                        member = MemberRoots.GetMember(node, model, cancellationToken);
                        evidenceMember = member;
                        break;
                }

                if (member != null && model.GetOperation(target, cancellationToken) is { } operation)
                {
                    yield return (operation, member, evidenceMember);
                }
            }
        }

        private static IOperation TopOf(IOperation operation)
        {
            while (operation.Parent != null)
            {
                operation = operation.Parent;
            }

            return operation;
        }

        private static IMethodSymbol? PrimaryConstructorOf(INamedTypeSymbol type, TypeDeclarationSyntax declaration)
        {
            foreach (var constructor in type.InstanceConstructors)
            {
                foreach (var reference in constructor.DeclaringSyntaxReferences)
                {
                    if (reference.SyntaxTree == declaration.SyntaxTree && reference.Span == declaration.Span)
                    {
                        return constructor;
                    }
                }
            }

            return null;
        }

        private static bool ShouldDescend(SyntaxNode node)
            => MemberRoots.ShouldDescend(node)
               || node is BaseMethodDeclarationSyntax || node is BasePropertyDeclarationSyntax || node is AccessorDeclarationSyntax
               || node is EnumDeclarationSyntax || node is EnumMemberDeclarationSyntax || node is EventFieldDeclarationSyntax
               || node is AttributeListSyntax || node is ParameterListSyntax || node is BracketedParameterListSyntax
               || node is ParameterSyntax;

        /// <summary>Types and members: the declarations whose attributes the driver analyses (not parameters or the assembly).</summary>
        private static bool OwnsOperationAttributes(SyntaxNode? declaration)
            => declaration is BaseTypeDeclarationSyntax || declaration is BaseMethodDeclarationSyntax
               || declaration is BasePropertyDeclarationSyntax || declaration is AccessorDeclarationSyntax
               || declaration is BaseFieldDeclarationSyntax || declaration is EnumMemberDeclarationSyntax;
    }
}
