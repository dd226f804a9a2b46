using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Where C# requires a compile-time constant, so a fix must not turn a constant into a run-time value: attribute
    /// arguments, case labels, patterns, enum members, optional-parameter defaults and <c>const</c> initialisers.
    /// </summary>
    internal static class ConstantContexts
    {
        public static bool IsConstantRequired(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                switch (current)
                {
                    case AttributeArgumentSyntax _:
                    case AttributeSyntax _:
                    case CaseSwitchLabelSyntax _:
                    case PatternSyntax _:
                    case EnumMemberDeclarationSyntax _:
                        return true;
                    case EqualsValueClauseSyntax equals:
                        return equals.Parent is ParameterSyntax
                            || (equals.Parent is VariableDeclaratorSyntax && equals.Parent.Parent is VariableDeclarationSyntax declaration
                                && (declaration.Parent is FieldDeclarationSyntax field && field.Modifiers.Any(SyntaxKind.ConstKeyword)
                                    || declaration.Parent is LocalDeclarationStatementSyntax local && local.IsConst));
                    case StatementSyntax _:
                    case MemberDeclarationSyntax _:
                    case AnonymousFunctionExpressionSyntax _:
                        return false;
                }
            }

            return false;
        }

        /// <summary>True when a constant declared by the <c>const</c> field or local is used where a constant is required.</summary>
        public static async Task<bool> IsUsedAsConstantAsync(
            SyntaxNode declaration,
            SemanticModel model,
            Document document,
            CancellationToken cancellationToken)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    foreach (var variable in field.Declaration.Variables)
                    {
                        var symbol = model.GetDeclaredSymbol(variable, cancellationToken);
                        if (symbol == null)
                        {
                            return true;
                        }

                        var references = await SymbolFinder.FindReferencesAsync(symbol, document.Project.Solution, cancellationToken).ConfigureAwait(false);
                        foreach (var location in references.SelectMany(r => r.Locations))
                        {
                            var root = await location.Document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
                            if (root == null || IsConstantRequired(root.FindNode(location.Location.SourceSpan, getInnermostNodeForTie: true)))
                            {
                                return true;
                            }
                        }
                    }

                    return false;

                case LocalDeclarationStatementSyntax local when local.Parent != null:
                    foreach (var variable in local.Declaration.Variables)
                    {
                        var symbol = model.GetDeclaredSymbol(variable, cancellationToken);
                        if (symbol == null)
                        {
                            return true;
                        }

                        foreach (var identifier in local.Parent.DescendantNodes().OfType<IdentifierNameSyntax>())
                        {
                            if (identifier.Identifier.ValueText == symbol.Name
                                && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(identifier, cancellationToken).Symbol, symbol)
                                && IsConstantRequired(identifier))
                            {
                                return true;
                            }
                        }
                    }

                    return false;

                default:
                    return true;
            }
        }
    }
}
