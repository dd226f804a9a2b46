using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
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

            var symbols = new DeclaredSymbols(model, cancellationToken);
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
                            BaseFieldDeclarationSyntax field => field.Declaration.Variables.Count == 0 ? null : symbols.Of(field.Declaration.Variables[0]),
                            ParameterSyntax parameter => symbols.Of(parameter)?.ContainingSymbol,
                            CompilationUnitSyntax _ => model.Compilation.Assembly.GlobalNamespace,
                            _ when OwnsOperationAttributes(declaration) => symbols.Of(declaration!),
                            _ => null,
                        };
                        target = attribute;
                        break;
                    case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax parameter:
                        target = equals;
                        var parameterSymbol = symbols.Of(parameter);
                        member = parameterSymbol?.ContainingSymbol;
                        if (MemberRoots.IsRoot(equals))
                        {
                            evidenceMember = parameterSymbol;
                        }

                        break;
                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is BasePropertyDeclarationSyntax property:
                        // An expression-bodied property or indexer is its getter's code.
                        target = arrow;
                        evidenceMember = symbols.Of(property);
                        member = (evidenceMember as IPropertySymbol)?.GetMethod;
                        break;
                    case EqualsValueClauseSyntax equals when equals.Parent is EnumMemberDeclarationSyntax enumMember:
                        target = equals;
                        member = symbols.Of(enumMember);
                        break;
                    default:
                        if (!MemberRoots.IsRoot(node))
                        {
                            continue;
                        }

                        // Top-level statements were handed out above (one block for all of them), never here.
                        target = node;
                        member = symbols.Of(MemberRoots.DeclarationOf(node));
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
