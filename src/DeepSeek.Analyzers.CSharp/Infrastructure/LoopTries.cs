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
        /// <summary>A loop worth a closer look: one with a <c>try</c> of its own.</summary>
        public static bool MayRetry(ILoopOperation loop) => loop.Body != null && SpellsTry(loop.Body.Syntax) && ContainsTry(loop.Body.Syntax);

        /// <summary>
        /// Whether the text of <paramref name="node"/> spells <c>try</c> anywhere (a keyword is never written with escapes):
        /// reading the characters is cheaper than visiting the nodes, and most loop bodies have no <c>try</c>.
        /// </summary>
        private static bool SpellsTry(SyntaxNode node)
        {
            if (!node.SyntaxTree.TryGetText(out var text))
            {
                return true;
            }

            var span = node.Span;
            for (var i = span.Start; i + 2 < span.End; i++)
            {
                if (text[i] == 't' && text[i + 1] == 'r' && text[i + 2] == 'y')
                {
                    return true;
                }
            }

            return false;
        }

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
