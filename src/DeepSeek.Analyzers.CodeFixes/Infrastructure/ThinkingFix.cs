using System;
using System.Linq;
using System.Threading;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Disables thinking beside a replaced model id where the request shape allows it (an anonymous body, a dictionary or
    /// <c>JsonObject</c> body, JSON text): the current models think by default, and a name that ran without thinking
    /// (<c>deepseek-chat</c>) keeps its behaviour and cost only with <c>"thinking": {"type": "disabled"}</c>.
    /// </summary>
    internal static class ThinkingFix
    {
        public static bool CanDisableThinking(SyntaxNode node, string id)
        {
            if (node is InterpolatedStringExpressionSyntax interpolated)
            {
                return JsonTextFix.CanAddThinking(interpolated);
            }

            if (node is LiteralExpressionSyntax literal && !literal.IsKind(SyntaxKind.Utf8StringLiteralExpression))
            {
                var value = literal.Token.ValueText;
                if (!string.Equals(value, id, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                return GetBodyMember(literal) != null;
            }

            return false;
        }

        // ---- Whole-literal model ids in request bodies ----------------------------------------------------

        /// <summary>The anonymous-object member or dictionary entry whose value is the literal, when its name is "model".</summary>
        private static SyntaxNode? GetBodyMember(LiteralExpressionSyntax literal)
        {
            switch (literal.Parent)
            {
                case AnonymousObjectMemberDeclaratorSyntax member
                    when member.NameEquals != null && IsModelName(member.NameEquals.Name.Identifier.ValueText):
                    return member;
                case AssignmentExpressionSyntax assignment
                    when assignment.Right == literal && assignment.Left is ImplicitElementAccessSyntax access
                         && access.ArgumentList.Arguments.Count == 1
                         && access.ArgumentList.Arguments[0].Expression is LiteralExpressionSyntax key
                         && IsModelName(key.Token.ValueText):
                    return assignment;
                case InitializerExpressionSyntax pair
                    when pair.IsKind(SyntaxKind.ComplexElementInitializerExpression) && pair.Expressions.Count == 2
                         && pair.Expressions[1] == literal && pair.Expressions[0] is LiteralExpressionSyntax key2
                         && IsModelName(key2.Token.ValueText):
                    return pair;
                default:
                    return null;
            }
        }

        private static bool IsModelName(string name) => string.Equals(name, "model", StringComparison.OrdinalIgnoreCase);

        public static (SyntaxNode Old, SyntaxNode New)? TryAddThinkingMember(
            LiteralExpressionSyntax literal,
            ExpressionSyntax replacement,
            SemanticModel? model,
            CancellationToken cancellationToken)
        {
            var member = GetBodyMember(literal);
            switch (member)
            {
                case AnonymousObjectMemberDeclaratorSyntax declarator
                    when declarator.Parent is AnonymousObjectCreationExpressionSyntax creation:
                    {
                        if (creation.Initializers.Any(i => i.NameEquals != null
                                && string.Equals(i.NameEquals.Name.Identifier.ValueText, DeepSeekCatalog.ThinkingProperty, StringComparison.OrdinalIgnoreCase)))
                        {
                            return null;
                        }

                        var pascal = char.IsUpper(declarator.NameEquals!.Name.Identifier.ValueText[0]);
                        var thinkingName = pascal ? "Thinking" : DeepSeekCatalog.ThinkingProperty;
                        var typeName = pascal ? "Type" : DeepSeekCatalog.ThinkingTypeProperty;
                        var thinking = SyntaxFactory.ParseExpression(
                            $"new {{ {typeName} = \"{DeepSeekCatalog.ThinkingDisabled}\" }}");
                        var newDeclarator = SyntaxFactory.AnonymousObjectMemberDeclarator(
                            SyntaxFactory.NameEquals(thinkingName), thinking);
                        var index = creation.Initializers.IndexOf(declarator);
                        var updated = creation.ReplaceNode(literal, replacement);
                        var separatorTrivia = SeparatorTrivia(creation.Initializers.GetSeparators().FirstOrDefault(), creation);
                        var list = InsertAfter(updated.Initializers, index, newDeclarator.WithLeadingTrivia(separatorTrivia));
                        return (creation, updated.WithInitializers(list));
                    }

                case AssignmentExpressionSyntax assignment
                    when assignment.Parent is InitializerExpressionSyntax initializer:
                    {
                        var thinkingValue = CreateNestedBody(initializer, model, cancellationToken);
                        if (thinkingValue == null || HasKey(initializer))
                        {
                            return null;
                        }

                        var entry = SyntaxFactory.AssignmentExpression(
                            SyntaxKind.SimpleAssignmentExpression,
                            SyntaxFactory.ImplicitElementAccess(SyntaxFactory.BracketedArgumentList(SyntaxFactory.SingletonSeparatedList(
                                SyntaxFactory.Argument(StringLiteral(DeepSeekCatalog.ThinkingProperty))))),
                            thinkingValue);
                        return InsertAfter(initializer, assignment, entry, literal, replacement);
                    }

                case InitializerExpressionSyntax pair
                    when pair.Parent is InitializerExpressionSyntax initializer:
                    {
                        var thinkingValue = CreateNestedBody(initializer, model, cancellationToken);
                        if (thinkingValue == null || HasKey(initializer))
                        {
                            return null;
                        }

                        var entry = SyntaxFactory.InitializerExpression(
                            SyntaxKind.ComplexElementInitializerExpression,
                            SyntaxFactory.SeparatedList(new[] { StringLiteral(DeepSeekCatalog.ThinkingProperty), thinkingValue }));
                        return InsertAfter(initializer, pair, entry, literal, replacement);
                    }

                default:
                    return null;
            }
        }

        private static LiteralExpressionSyntax StringLiteral(string value)
            => SyntaxFactory.LiteralExpression(SyntaxKind.StringLiteralExpression, SyntaxFactory.Literal(value));

        /// <summary>The value for the thinking entry in the dictionary's own shape, or null when its values cannot hold one.</summary>
        private static ExpressionSyntax? CreateNestedBody(InitializerExpressionSyntax initializer, SemanticModel? model, CancellationToken cancellationToken)
        {
            if (model == null || !(initializer.Parent is ExpressionSyntax creation))
            {
                return null;
            }

            var type = model.GetTypeInfo(creation, cancellationToken).Type as INamedTypeSymbol;
            if (type == null)
            {
                return null;
            }

            if (type.Name == "JsonObject" && type.ContainingNamespace?.ToDisplayString() == "System.Text.Json.Nodes")
            {
                var jsonObject = (ObjectCreationExpressionSyntax)SyntaxFactory.ParseExpression(
                    $"new global::System.Text.Json.Nodes.JsonObject {{ [\"{DeepSeekCatalog.ThinkingTypeProperty}\"] = \"{DeepSeekCatalog.ThinkingDisabled}\" }}");
                return jsonObject.WithType(jsonObject.Type.WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));
            }

            foreach (var candidate in type.AllInterfaces.Concat(new[] { type }))
            {
                if (candidate.Name == "IDictionary" && candidate.TypeArguments.Length == 2
                    && candidate.TypeArguments[0].SpecialType == SpecialType.System_String
                    && candidate.TypeArguments[1].SpecialType == SpecialType.System_Object)
                {
                    return SyntaxFactory.ParseExpression($"new {{ {DeepSeekCatalog.ThinkingTypeProperty} = \"{DeepSeekCatalog.ThinkingDisabled}\" }}");
                }
            }

            return null;
        }

        private static bool HasKey(InitializerExpressionSyntax initializer)
        {
            foreach (var expression in initializer.Expressions)
            {
                ExpressionSyntax? key = null;
                if (expression is AssignmentExpressionSyntax assignment && assignment.Left is ImplicitElementAccessSyntax access
                    && access.ArgumentList.Arguments.Count == 1)
                {
                    key = access.ArgumentList.Arguments[0].Expression;
                }
                else if (expression is InitializerExpressionSyntax pair && pair.Expressions.Count == 2)
                {
                    key = pair.Expressions[0];
                }

                if (key is LiteralExpressionSyntax literal
                    && string.Equals(literal.Token.ValueText, DeepSeekCatalog.ThinkingProperty, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        private static (SyntaxNode Old, SyntaxNode New) InsertAfter(
            InitializerExpressionSyntax initializer,
            ExpressionSyntax element,
            ExpressionSyntax entry,
            LiteralExpressionSyntax literal,
            ExpressionSyntax replacement)
        {
            var index = initializer.Expressions.IndexOf(element);
            var separatorTrivia = SeparatorTrivia(initializer.Expressions.GetSeparators().FirstOrDefault(), initializer);
            var updated = initializer.ReplaceNode(literal, replacement);
            var list = InsertAfter(updated.Expressions, index, entry.WithLeadingTrivia(separatorTrivia));
            return (initializer, updated.WithExpressions(list));
        }

        /// <summary>Inserts after <paramref name="index"/>; a new last element takes over the old last element's trailing trivia.</summary>
        private static SeparatedSyntaxList<T> InsertAfter<T>(SeparatedSyntaxList<T> list, int index, T element)
            where T : SyntaxNode
        {
            if (index == list.Count - 1 && list.SeparatorCount < list.Count)
            {
                var last = list[index];
                element = element.WithTrailingTrivia(last.GetTrailingTrivia());
                list = list.Replace(last, last.WithoutTrailingTrivia());
            }

            return list.Insert(index + 1, element);
        }

        /// <summary>The trivia that starts an element on the initializer's own layout (a new line and indentation, or a space).</summary>
        private static SyntaxTriviaList SeparatorTrivia(SyntaxToken firstSeparator, SyntaxNode container)
        {
            if (firstSeparator.RawKind != 0 && firstSeparator.TrailingTrivia.Any(SyntaxKind.EndOfLineTrivia))
            {
                var next = firstSeparator.GetNextToken();
                return next.LeadingTrivia;
            }

            return SyntaxFactory.TriviaList(SyntaxFactory.Space);
        }
    }
}
