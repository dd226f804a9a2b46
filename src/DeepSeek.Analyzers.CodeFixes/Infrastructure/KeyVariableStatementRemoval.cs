using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// DSK001's second fix, for <c>Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", "sk-…");</c>: replacing the key
    /// with a lookup would make the line read the variable it sets, so the statement goes and the variable is set outside
    /// the program. Offered only where removing the statement leaves code that compiles: a statement of a block or switch
    /// section that other statements keep non-empty, or a top-level statement beside others.
    /// </summary>
    internal static class KeyVariableStatementRemoval
    {
        /// <summary>
        /// The key-lookup fix's key: one Fix All (and one <c>dotnet format analyzers --diagnostics DSK001</c> run, which
        /// applies only the first finding's kind of fix) then clears every DSK001 finding that has a fix, whichever kind.
        /// </summary>
        public const string EquivalenceKey = Rules.DSK001HardcodedApiKeyCodeFixProvider.EquivalenceKey;

        public const string Title = "Remove the statement: set the variable outside the program";

        /// <summary>Registers the removal when the diagnostic's literal is the value set by such a statement.</summary>
        public static async Task<bool> TryRegisterAsync(CodeFixContext context, Diagnostic diagnostic)
        {
            var document = context.Document;
            var cancellationToken = context.CancellationToken;
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || !(root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true) is ExpressionSyntax expression)
                || !(expression.Parent is ArgumentSyntax argument)
                || !(argument.Parent?.Parent is InvocationExpressionSyntax invocation))
            {
                return false;
            }

            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (model == null || !IsValueOfSetEnvironmentVariable(argument, invocation, model, cancellationToken))
            {
                return false;
            }

            var removable = FindRemovableStatement(invocation);
            if (removable == null)
            {
                // Still this fix's case: the key-lookup fix must not turn the line into one that sets the variable from itself.
                return true;
            }

            context.RegisterCodeFix(
                CodeAction.Create(
                    Title,
                    _ => Task.FromResult(document.WithSyntaxRoot(Remove(root, removable))),
                    EquivalenceKey),
                diagnostic);
            return true;
        }

        /// <summary>
        /// Removes the statement with its own comments; blank lines that set it apart from the statement before stay, moved
        /// onto the next statement, so the groups of the code keep their spacing.
        /// </summary>
        private static SyntaxNode Remove(SyntaxNode root, SyntaxNode statement)
        {
            var leading = statement.GetLeadingTrivia();
            var blankLines = 0;
            for (var i = 0; i < leading.Count && (leading[i].IsKind(SyntaxKind.EndOfLineTrivia) || leading[i].IsKind(SyntaxKind.WhitespaceTrivia)); i++)
            {
                if (leading[i].IsKind(SyntaxKind.EndOfLineTrivia))
                {
                    blankLines = i + 1;
                }
            }

            var next = statement.GetLastToken().GetNextToken();
            if (blankLines > 0 && next.Parent?.FirstAncestorOrSelf<StatementSyntax>()?.GetFirstToken() == next
                && !next.LeadingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            {
                var tracked = root.TrackNodes(statement);
                var nextInTracked = tracked.GetCurrentNode(statement)!.GetLastToken().GetNextToken();
                root = tracked.ReplaceToken(nextInTracked, nextInTracked.WithLeadingTrivia(leading.Take(blankLines).Concat(nextInTracked.LeadingTrivia)));
                statement = root.GetCurrentNode(statement)!;
            }

            return root.RemoveNode(statement, SyntaxRemoveOptions.KeepUnbalancedDirectives)!;
        }

        private static bool IsValueOfSetEnvironmentVariable(
            ArgumentSyntax argument,
            InvocationExpressionSyntax invocation,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            if (!(model.GetOperation(invocation, cancellationToken) is IInvocationOperation operation)
                || operation.TargetMethod.Name != "SetEnvironmentVariable"
                || operation.TargetMethod.ContainingType?.ToDisplayString() != "System.Environment")
            {
                return false;
            }

            return operation.Arguments.Any(a => a.Syntax == argument && a.Parameter?.Name == "value");
        }

        /// <summary>The statement to remove, or null when its removal would not compile or the call is not a statement.</summary>
        private static SyntaxNode? FindRemovableStatement(InvocationExpressionSyntax invocation)
        {
            if (!(invocation.Parent is ExpressionStatementSyntax statement))
            {
                return null;
            }

            switch (statement.Parent)
            {
                case BlockSyntax _:
                    return statement;
                case SwitchSectionSyntax section:
                    return section.Statements.Count > 1 ? statement : null;
                case GlobalStatementSyntax global when global.Parent is CompilationUnitSyntax unit:
                    // The last top-level statement is the program's entry point: without it the program would not compile.
                    return unit.Members.OfType<GlobalStatementSyntax>().Skip(1).Any() ? global : null;
                default:
                    return null;
            }
        }
    }
}
