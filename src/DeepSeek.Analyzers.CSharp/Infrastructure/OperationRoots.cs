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
            foreach (var node in Candidates(root))
            {
                SyntaxNode target;
                ISymbol? member;
                ISymbol? evidenceMember = null;
                switch (node)
                {
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
                            ParameterSyntax parameter => OwnerOf(parameter, symbols),
                            CompilationUnitSyntax _ => model.Compilation.Assembly.GlobalNamespace,
                            _ when OwnsOperationAttributes(declaration) => symbols.Of(declaration!),
                            _ => null,
                        };
                        target = attribute;
                        break;
                    case EqualsValueClauseSyntax equals when equals.Parent is ParameterSyntax parameter:
                        target = equals;
                        var parameterSymbol = symbols.Of(parameter);
                        member = OwnerOf(parameter, symbols);
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

        /// <summary>
        /// The nodes the loop above may take a code block from, in document order, parents before their children (the order
        /// <c>DescendantNodes</c> gives): type declarations (for a primary constructor's base call), attributes of the
        /// assembly, types, delegates, members, accessors and parameters, method and accessor declarations, property
        /// expression bodies, and initialisers of properties, fields, enum members and parameters. Reached through the declarations' own
        /// properties, not by visiting every child node and token of every declaration (a tenth of the nodes).
        /// </summary>
        private static List<SyntaxNode> Candidates(SyntaxNode root)
        {
            var nodes = new List<SyntaxNode>();
            if (root is CompilationUnitSyntax unit)
            {
                AddAttributes(nodes, unit.AttributeLists);
                AddMembers(nodes, unit.Members);
            }

            return nodes;
        }

        private static void AddMembers(List<SyntaxNode> nodes, SyntaxList<MemberDeclarationSyntax> members)
        {
            foreach (var member in members)
            {
                switch (member)
                {
                    case BaseNamespaceDeclarationSyntax ns:
                        // A namespace's attributes (a syntax error) own no code.
                        AddMembers(nodes, ns.Members);
                        break;
                    case TypeDeclarationSyntax type:
                        AddDeclaration(nodes, type, type.AttributeLists, type.ParameterList);
                        AddMembers(nodes, type.Members);
                        break;
                    case EnumDeclarationSyntax enumeration:
                        AddAttributes(nodes, enumeration.AttributeLists);
                        foreach (var enumMember in enumeration.Members)
                        {
                            AddAttributes(nodes, enumMember.AttributeLists);
                            AddIfPresent(nodes, enumMember.EqualsValue);
                        }

                        break;
                    case BaseMethodDeclarationSyntax method:
                        AddDeclaration(nodes, method, method.AttributeLists, method.ParameterList);
                        break;
                    case BasePropertyDeclarationSyntax property:
                        AddDeclaration(nodes, null, property.AttributeLists, (property as IndexerDeclarationSyntax)?.ParameterList);
                        if (property.AccessorList != null)
                        {
                            foreach (var accessor in property.AccessorList.Accessors)
                            {
                                nodes.Add(accessor);
                                AddAttributes(nodes, accessor.AttributeLists);
                            }
                        }

                        AddIfPresent(nodes, (property as PropertyDeclarationSyntax)?.ExpressionBody ?? (property as IndexerDeclarationSyntax)?.ExpressionBody);
                        AddIfPresent(nodes, (property as PropertyDeclarationSyntax)?.Initializer);
                        break;
                    case DelegateDeclarationSyntax declaration:
                        AddDeclaration(nodes, null, declaration.AttributeLists, declaration.ParameterList);
                        break;
                    case BaseFieldDeclarationSyntax field:
                        AddAttributes(nodes, field.AttributeLists);
                        foreach (var variable in field.Declaration.Variables)
                        {
                            AddIfPresent(nodes, variable.Initializer);
                        }

                        break;
                    default:
                        // Top-level statements are one block, handed out first; incomplete members own no code.
                        break;
                }
            }
        }

        /// <summary>A declaration itself (when it may own code), then its attributes, then its parameters' attributes and defaults.</summary>
        private static void AddDeclaration(List<SyntaxNode> nodes, SyntaxNode? declaration, SyntaxList<AttributeListSyntax> attributes, BaseParameterListSyntax? parameters)
        {
            AddIfPresent(nodes, declaration);
            AddAttributes(nodes, attributes);
            AddParameters(nodes, parameters);
        }

        /// <summary>
        /// The member whose code a parameter's attributes and default belong to, as the driver hands them: its method,
        /// indexer or primary constructor, but a delegate's type (the driver analyses the delegate's declaration, not its
        /// Invoke method).
        /// </summary>
        private static ISymbol? OwnerOf(ParameterSyntax parameter, DeclaredSymbols symbols)
            => parameter.Parent?.Parent is DelegateDeclarationSyntax declaration
                ? symbols.Of(declaration)
                : symbols.Of(parameter)?.ContainingSymbol;

        private static void AddParameters(List<SyntaxNode> nodes, BaseParameterListSyntax? parameters)
        {
            if (parameters == null)
            {
                return;
            }

            foreach (var parameter in parameters.Parameters)
            {
                AddAttributes(nodes, parameter.AttributeLists);
                AddIfPresent(nodes, parameter.Default);
            }
        }

        private static void AddAttributes(List<SyntaxNode> nodes, SyntaxList<AttributeListSyntax> lists)
        {
            foreach (var list in lists)
            {
                foreach (var attribute in list.Attributes)
                {
                    nodes.Add(attribute);
                }
            }
        }

        private static void AddIfPresent(List<SyntaxNode> nodes, SyntaxNode? node)
        {
            if (node != null)
            {
                nodes.Add(node);
            }
        }

        /// <summary>Types and members: the declarations whose attributes the driver analyses (not parameters or the assembly).</summary>
        private static bool OwnsOperationAttributes(SyntaxNode? declaration)
            => declaration is BaseTypeDeclarationSyntax || declaration is DelegateDeclarationSyntax || declaration is BaseMethodDeclarationSyntax
               || declaration is BasePropertyDeclarationSyntax || declaration is AccessorDeclarationSyntax
               || declaration is BaseFieldDeclarationSyntax || declaration is EnumMemberDeclarationSyntax;
    }
}
