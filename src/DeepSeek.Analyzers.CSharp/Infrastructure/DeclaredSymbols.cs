using System.Collections.Generic;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The symbols a file's declarations declare, as <c>SemanticModel.GetDeclaredSymbol</c> gives them, for one walk of the
    /// file. <c>GetDeclaredSymbol</c> finds a member's containing type again for every member; here a type is looked up once
    /// and its members are matched to their declarations. A declaration no member of its type claims alone (a parameter, a
    /// partial member, a member declared twice, any member of a partial type) is asked of the model, as before. The last
    /// answer is kept too: a member's attributes and code ask for it one after the other.
    /// </summary>
    internal sealed class DeclaredSymbols
    {
        private readonly SemanticModel _model;
        private readonly CancellationToken _cancellationToken;
        private readonly Dictionary<SyntaxNode, Dictionary<SyntaxNode, ISymbol?>> _membersByType = new Dictionary<SyntaxNode, Dictionary<SyntaxNode, ISymbol?>>();
        private SyntaxNode? _lastDeclaration;
        private ISymbol? _lastSymbol;

        public DeclaredSymbols(SemanticModel model, CancellationToken cancellationToken)
        {
            _model = model;
            _cancellationToken = cancellationToken;
        }

        /// <summary>The symbol <paramref name="declaration"/> declares (what <c>GetDeclaredSymbol</c> returns), or null.</summary>
        public ISymbol? Of(SyntaxNode declaration)
        {
            if (declaration != _lastDeclaration)
            {
                _lastSymbol = FromContainingType(declaration) ?? _model.GetDeclaredSymbol(declaration, _cancellationToken);
                _lastDeclaration = declaration;
            }

            return _lastSymbol;
        }

        internal ISymbol? FromContainingType(SyntaxNode declaration)
        {
            var type = ContainingTypeDeclaration(declaration);
            if (type == null)
            {
                return null;
            }

            if (!_membersByType.TryGetValue(type, out var members))
            {
                members = MembersOf(type);
                _membersByType.Add(type, members);
            }

            return members.TryGetValue(declaration, out var member) ? member : null;
        }

        /// <summary>The type declaration directly holding a member, accessor or field variable; null for anything else.</summary>
        private static BaseTypeDeclarationSyntax? ContainingTypeDeclaration(SyntaxNode declaration)
            => declaration switch
            {
                BaseTypeDeclarationSyntax _ => null,
                BaseMethodDeclarationSyntax _ or BasePropertyDeclarationSyntax _ or EnumMemberDeclarationSyntax _ => declaration.Parent as BaseTypeDeclarationSyntax,
                AccessorDeclarationSyntax _ => declaration.Parent?.Parent?.Parent as BaseTypeDeclarationSyntax,
                VariableDeclaratorSyntax _ when declaration.Parent?.Parent is BaseFieldDeclarationSyntax field => field.Parent as BaseTypeDeclarationSyntax,
                _ => null,
            };

        /// <summary>
        /// The type's written members (accessors included) by their one declaration in this file. A declaration two members
        /// claim maps to null, which sends it to the model.
        /// </summary>
        private Dictionary<SyntaxNode, ISymbol?> MembersOf(BaseTypeDeclarationSyntax declaration)
        {
            var members = new Dictionary<SyntaxNode, ISymbol?>();
            // A type declared in several places (partial) is left to the model: each of its files would go through all the
            // members of every part (Polly's Policy has thousands, in dozens of files).
            if (!(_model.GetDeclaredSymbol(declaration, _cancellationToken) is INamedTypeSymbol type) || type.DeclaringSyntaxReferences.Length != 1)
            {
                return members;
            }

            foreach (var member in type.GetMembers())
            {
                if (member.IsImplicitlyDeclared || member is INamedTypeSymbol)
                {
                    continue;
                }

                // A member declared in two places (a partial method or property) is left to the model.
                var references = member.DeclaringSyntaxReferences;
                if (references.Length != 1)
                {
                    continue;
                }

                var node = references[0].GetSyntax(_cancellationToken);
                members[node] = members.ContainsKey(node) ? null : member;
            }

            return members;
        }
    }
}
