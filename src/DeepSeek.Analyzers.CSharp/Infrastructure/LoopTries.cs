using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The cheap first test of a hand-written retry (<see cref="RetryLoops"/>): whether a loop has a <c>try</c> of its own,
    /// outside lambdas and local functions. Most loops stop here without allocating.
    /// </summary>
    internal static class LoopTries
    {
        private static readonly string[] TryWords = { "try" };

        /// <summary>
        /// A loop worth a closer look: one with a <c>try</c> of its own. The body's text is read for "try" first (a keyword
        /// is never written with escapes, and reading characters is cheaper than visiting nodes), then its nodes.
        /// </summary>
        public static bool MayRetry(ILoopOperation loop, CancellationToken cancellationToken)
            => loop.Body != null
               && (!loop.Body.Syntax.SyntaxTree.TryGetText(out var text)
                   || DeepSeekFileGate.SpellsWithin(text, loop.Body.Syntax.Span, TryWords, cancellationToken))
               && ContainsTry(loop.Body.Syntax);

        private static bool ContainsTry(SyntaxNode node)
        {
            foreach (var child in node.ChildNodesAndTokens())
            {
                var childNode = child.AsNode();
                if (childNode == null || childNode is AnonymousFunctionExpressionSyntax || childNode is LocalFunctionStatementSyntax)
                {
                    continue;
                }

                if (childNode is TryStatementSyntax || ContainsTry(childNode))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
