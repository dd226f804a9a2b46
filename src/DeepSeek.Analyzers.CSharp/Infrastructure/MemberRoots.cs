using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>The syntax whose operation trees hold a tree's code: member bodies, initialisers, top-level statements.</summary>
    internal static class MemberRoots
    {
        public static bool IsRoot(SyntaxNode node)
        {
            switch (node)
            {
                case BaseMethodDeclarationSyntax method:
                    return method.Body != null || method.ExpressionBody != null;
                case AccessorDeclarationSyntax accessor:
                    return accessor.Body != null || accessor.ExpressionBody != null;
                case ArrowExpressionClauseSyntax arrow:
                    return arrow.Parent is PropertyDeclarationSyntax || arrow.Parent is IndexerDeclarationSyntax;
                case EqualsValueClauseSyntax equals:
                    // record DeepSeekSettings(string BaseUrl = "https://api.deepseek.com"): primary-constructor defaults.
                    return equals.Parent is PropertyDeclarationSyntax
                           || (equals.Parent is VariableDeclaratorSyntax && equals.Parent.Parent?.Parent is BaseFieldDeclarationSyntax)
                           || (equals.Parent is ParameterSyntax && equals.Parent.Parent?.Parent is TypeDeclarationSyntax);
                case GlobalStatementSyntax _:
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>
        /// The declaration whose symbol owns a root other than a top-level statement: the root's parent for an expression
        /// body or an initialiser, else the root itself.
        /// </summary>
        public static SyntaxNode DeclarationOf(SyntaxNode node)
            => node switch
            {
                ArrowExpressionClauseSyntax arrow when arrow.Parent != null => arrow.Parent,
                EqualsValueClauseSyntax equals when equals.Parent != null => equals.Parent,
                _ => node,
            };
    }
}
