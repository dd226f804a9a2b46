using System.Collections.Generic;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What the declaration a price literal sits in says: whether it is a price, its role, and a DeepSeek name.</summary>
    internal readonly struct PriceSlot
    {
        public PriceSlot(bool isPrice, PriceRole? role, bool saysDeepSeek)
        {
            IsPrice = isPrice;
            Role = role;
            SaysDeepSeek = saysDeepSeek;
        }

        public bool IsPrice { get; }

        public PriceRole? Role { get; }

        /// <summary>A name on the way (a dictionary key <c>"deepseek-chat"</c>, the field <c>DeepSeekPrices</c>) says DeepSeek.</summary>
        public bool SaysDeepSeek { get; }
    }

    /// <summary>
    /// DSK005's reading of where a numeric literal is declared: the names from the literal outwards — a named or positional
    /// argument's parameter (record primary constructors too), a tuple element, a dictionary key, an object-initializer
    /// member, the created type, and the field, property, local or parameter that holds it all — then the containing type.
    /// The innermost name that is not a DeepSeek model key must say price or role; the role is the innermost one said; the
    /// price word may come from any of them (<c>record ModelPrice(decimal Input, …)</c>, <c>static class DeepSeekPricing</c>).
    /// </summary>
    internal static class PriceSlots
    {
        private const int MaxNames = 8;

        /// <summary>
        /// The expression whose slot decides: the literal, through parentheses, a cast and a <c>/ 1000</c> or
        /// <c>/ 1_000_000</c> that turns a per-1M price into a per-1K or per-token one.
        /// </summary>
        public static ExpressionSyntax ValueExpression(LiteralExpressionSyntax literal)
        {
            ExpressionSyntax value = literal;
            value = Unwrap(value);
            if (value.Parent is BinaryExpressionSyntax divide && divide.IsKind(SyntaxKind.DivideExpression) && divide.Left == value
                && IsUnitDivisor(divide.Right))
            {
                value = Unwrap(divide);
            }

            return value;
        }

        /// <summary>True for <c>1000</c>, <c>1_000_000</c>, <c>1e6</c>, <c>1000m</c>, <c>1_000_000.0</c>.</summary>
        public static bool IsUnitDivisor(ExpressionSyntax expression)
        {
            if (!(expression is LiteralExpressionSyntax literal) || !literal.IsKind(SyntaxKind.NumericLiteralExpression))
            {
                return false;
            }

            switch (literal.Token.Value)
            {
                case int i:
                    return i == 1000 || i == 1000000;
                case long l:
                    return l == 1000 || l == 1000000;
                case double d:
                    return d == 1000 || d == 1000000;
                case decimal m:
                    return m == 1000 || m == 1000000;
                case float f:
                    return f == 1000 || f == 1000000;
                default:
                    return false;
            }
        }

        public static PriceSlot Read(LiteralExpressionSyntax literal, SemanticModel model, CancellationToken cancellationToken)
        {
            var names = new List<PriceName>(4);
            Collect(ValueExpression(literal), model, names, cancellationToken);

            var saysDeepSeek = false;
            var significant = -1;
            for (var i = 0; i < names.Count; i++)
            {
                saysDeepSeek |= names[i].SaysDeepSeek;
                if (significant < 0 && !names[i].IsSignificant)
                {
                    // A model key ("deepseek-chat") is the row of a table, not the slot: the name around it decides.
                    if (names[i].SaysDeepSeek)
                    {
                        continue;
                    }

                    return new PriceSlot(false, null, saysDeepSeek);
                }

                if (significant < 0)
                {
                    significant = i;
                }
            }

            // A ratio named for its role (OutputTokensRatio in a cost tracker) is no price unless the name itself says price.
            if (significant < 0 || (names[significant].SaysRatio && !names[significant].IsPrice))
            {
                return new PriceSlot(false, null, saysDeepSeek);
            }

            var isPrice = false;
            PriceRole? role = null;
            var roleDecided = false;
            for (var i = significant; i < names.Count; i++)
            {
                isPrice |= names[i].IsPrice;
                if (!roleDecided && (names[i].Role.HasValue || names[i].RoleConflict))
                {
                    role = names[i].Role;
                    roleDecided = true;
                }
            }

            return new PriceSlot(isPrice, role, saysDeepSeek);
        }

        private static void Collect(ExpressionSyntax value, SemanticModel model, List<PriceName> names, CancellationToken cancellationToken)
        {
            while (names.Count < MaxNames)
            {
                var parent = value.Parent;
                switch (parent)
                {
                    case EqualsValueClauseSyntax equals:
                        switch (equals.Parent)
                        {
                            case VariableDeclaratorSyntax declarator:
                                names.Add(PriceNames.Classify(declarator.Identifier.ValueText));
                                break;
                            case PropertyDeclarationSyntax property:
                                names.Add(PriceNames.Classify(property.Identifier.ValueText));
                                break;
                            case ParameterSyntax parameter:
                                names.Add(PriceNames.Classify(parameter.Identifier.ValueText));
                                break;
                        }

                        AddContainingType(parent, names);
                        return;

                    case ArrowExpressionClauseSyntax arrow when arrow.Parent is PropertyDeclarationSyntax property:
                        names.Add(PriceNames.Classify(property.Identifier.ValueText));
                        AddContainingType(parent, names);
                        return;

                    case AnonymousObjectMemberDeclaratorSyntax member when member.NameEquals != null:
                        names.Add(PriceNames.Classify(member.NameEquals.Name.Identifier.ValueText));
                        if (!(member.Parent is ExpressionSyntax anonymous))
                        {
                            return;
                        }

                        value = Unwrap(anonymous);
                        break;

                    case ArgumentSyntax argument:
                        if (!ReadArgument(argument, model, names, cancellationToken, out var next))
                        {
                            return;
                        }

                        value = next!;
                        break;

                    case AssignmentExpressionSyntax assignment when assignment.IsKind(SyntaxKind.SimpleAssignmentExpression) && assignment.Right == value:
                        AddAssignedName(assignment.Left, names);
                        if (assignment.Parent is InitializerExpressionSyntax objectInitializer && objectInitializer.Parent is ExpressionSyntax created)
                        {
                            AddCreatedType(created, model, names, cancellationToken);
                            value = Unwrap(created);
                            break;
                        }

                        AddContainingType(parent, names);
                        return;

                    case InitializerExpressionSyntax elementInitializer:
                        var initializer = elementInitializer;
                        if (initializer.IsKind(SyntaxKind.ComplexElementInitializerExpression))
                        {
                            // { "input", 0.27m }: the key names the value.
                            if (initializer.Expressions.Count != 2 || initializer.Expressions[1] != value)
                            {
                                return;
                            }

                            names.Add(NameOfKey(initializer.Expressions[0]));
                            if (!(initializer.Parent is InitializerExpressionSyntax collection) || !(collection.Parent is ExpressionSyntax dictionary))
                            {
                                return;
                            }

                            AddCreatedType(dictionary, model, names, cancellationToken);
                            value = Unwrap(dictionary);
                            break;
                        }

                        if (initializer.IsKind(SyntaxKind.ArrayInitializerExpression) || initializer.IsKind(SyntaxKind.CollectionInitializerExpression))
                        {
                            if (initializer.Parent is ExpressionSyntax owner)
                            {
                                value = Unwrap(owner);
                                break;
                            }

                            // decimal[] InputPrices = { 0.27m, 0.56m };
                            if (initializer.Parent is EqualsValueClauseSyntax)
                            {
                                value = initializer;
                                break;
                            }
                        }

                        return;

                    default:
                        if (parent is ExpressionElementSyntax element && element.Parent is CollectionExpressionSyntax list)
                        {
                            value = Unwrap(list);
                            break;
                        }

                        return;
                }
            }
        }

        /// <summary>A named or positional argument (its parameter's name), or a tuple element (its name); then the call or tuple.</summary>
        private static bool ReadArgument(
            ArgumentSyntax argument, SemanticModel model, List<PriceName> names, CancellationToken cancellationToken, out ExpressionSyntax? next)
        {
            next = null;
            switch (argument.Parent)
            {
                case TupleExpressionSyntax tuple:
                    {
                        var name = argument.NameColon?.Name.Identifier.ValueText;
                        if (name == null && model.GetTypeInfo(tuple, cancellationToken).ConvertedType is INamedTypeSymbol tupleType && tupleType.IsTupleType)
                        {
                            var index = tuple.Arguments.IndexOf(argument);
                            var elements = tupleType.TupleElements;
                            if (index >= 0 && index < elements.Length && !elements[index].IsImplicitlyDeclared
                                && elements[index].Name != elements[index].CorrespondingTupleField?.Name)
                            {
                                name = elements[index].Name;
                            }
                        }

                        names.Add(PriceNames.Classify(name));
                        next = Unwrap(tuple);
                        return true;
                    }

                case ArgumentListSyntax list when list.Parent is ExpressionSyntax call
                                                  && (call is BaseObjectCreationExpressionSyntax || call is InvocationExpressionSyntax):
                    {
                        var name = argument.NameColon?.Name.Identifier.ValueText;
                        if (name == null && model.GetOperation(argument, cancellationToken) is IArgumentOperation operation)
                        {
                            name = operation.Parameter?.Name;
                        }

                        names.Add(PriceNames.Classify(name));
                        if (call is BaseObjectCreationExpressionSyntax)
                        {
                            AddCreatedType(call, model, names, cancellationToken);
                        }

                        next = Unwrap(call);
                        return true;
                    }

                default:
                    return false;
            }
        }

        private static void AddAssignedName(ExpressionSyntax left, List<PriceName> names)
        {
            switch (left)
            {
                case IdentifierNameSyntax identifier:
                    names.Add(PriceNames.Classify(identifier.Identifier.ValueText));
                    break;
                case MemberAccessExpressionSyntax member:
                    names.Add(PriceNames.Classify(member.Name.Identifier.ValueText));
                    break;
                case ImplicitElementAccessSyntax implicitAccess when implicitAccess.ArgumentList.Arguments.Count == 1:
                    names.Add(NameOfKey(implicitAccess.ArgumentList.Arguments[0].Expression));
                    break;
                case ElementAccessExpressionSyntax access when access.ArgumentList.Arguments.Count == 1:
                    names.Add(NameOfKey(access.ArgumentList.Arguments[0].Expression));
                    AddAssignedName(access.Expression, names);
                    break;
                default:
                    names.Add(default);
                    break;
            }
        }

        /// <summary>A dictionary key: a string's text, a constant's or enum member's name, <c>nameof(X)</c>'s X.</summary>
        private static PriceName NameOfKey(ExpressionSyntax key)
        {
            switch (key)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return PriceNames.Classify(literal.Token.ValueText);
                case IdentifierNameSyntax identifier:
                    return PriceNames.Classify(identifier.Identifier.ValueText);
                case MemberAccessExpressionSyntax member:
                    return PriceNames.Classify(member.Name.Identifier.ValueText);
                default:
                    return default;
            }
        }

        /// <summary>The created type's name (<c>new ModelPrice(…)</c>, target-typed <c>new(…)</c>) says price, not role.</summary>
        private static void AddCreatedType(ExpressionSyntax created, SemanticModel model, List<PriceName> names, CancellationToken cancellationToken)
        {
            string? name = null;
            if (created is ObjectCreationExpressionSyntax explicitCreation)
            {
                name = RightmostName(explicitCreation.Type);
            }
            else if (created is ImplicitObjectCreationExpressionSyntax)
            {
                name = model.GetTypeInfo(created, cancellationToken).Type?.Name;
            }

            // Dictionary, List, an options type: the row's container, not a name of the value.
            var read = PriceNames.Classify(name);
            if (read.IsPrice || read.SaysDeepSeek)
            {
                names.Add(new PriceName(read.IsPrice, null, false, read.SaysDeepSeek));
            }
        }

        private static void AddContainingType(SyntaxNode node, List<PriceName> names)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is BaseTypeDeclarationSyntax type)
                {
                    var read = PriceNames.Classify(type.Identifier.ValueText);
                    names.Add(new PriceName(read.IsPrice, read.Role, read.RoleConflict, read.SaysDeepSeek));
                    return;
                }
            }
        }

        private static string? RightmostName(TypeSyntax type)
        {
            switch (type)
            {
                case SimpleNameSyntax simple:
                    return simple.Identifier.ValueText;
                case QualifiedNameSyntax qualified:
                    return qualified.Right.Identifier.ValueText;
                case AliasQualifiedNameSyntax alias:
                    return alias.Name.Identifier.ValueText;
                default:
                    return null;
            }
        }

        private static ExpressionSyntax Unwrap(ExpressionSyntax expression)
        {
            while (expression.Parent is ParenthesizedExpressionSyntax || expression.Parent is CastExpressionSyntax
                   || (expression.Parent is PostfixUnaryExpressionSyntax postfix && postfix.IsKind(SyntaxKind.SuppressNullableWarningExpression)))
            {
                expression = (ExpressionSyntax)expression.Parent;
            }

            return expression;
        }
    }
}
