using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>The symbols evidence flows through: what a value is assigned to, what a reference reads, which ones a file's facts track.</summary>
    internal static class EvidenceSymbols
    {

        /// <summary>The local, field or property a value initialises or is assigned to (for <c>const string Model = "…"</c>).</summary>
        public static ISymbol? GetAssignedSymbol(IOperation value)
        {
            var node = value;
            var parent = value.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation || parent is ISwitchExpressionArmOperation
                   || parent is ISwitchExpressionOperation || parent is ICoalesceOperation || parent is IConditionalOperation)
            {
                node = parent;
                parent = parent.Parent;
            }

            switch (parent)
            {
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclaratorOperation declarator:
                    return declarator.Symbol;
                case IVariableInitializerOperation initializer when initializer.Parent is IVariableDeclarationOperation declaration
                                                                   && declaration.Declarators.Length == 1:
                    return declaration.Declarators[0].Symbol;
                case IFieldInitializerOperation field when field.InitializedFields.Length == 1:
                    return field.InitializedFields[0].OriginalDefinition;
                case IPropertyInitializerOperation property when property.InitializedProperties.Length == 1:
                    return property.InitializedProperties[0].OriginalDefinition;
                case IParameterInitializerOperation parameter:
                    return parameter.Parameter.OriginalDefinition;
                case IReturnOperation ret when ret.ReturnedValue == node && ret.SemanticModel != null:
                    // string ToModelId(this Tier tier) => tier switch { … => "…" }: the value of every call.
                    return ReturnedBy(ret.SemanticModel.GetEnclosingSymbol(ret.Syntax.SpanStart));
                case ISimpleAssignmentOperation assignment when assignment.Value == node:
                    return SymbolOf(assignment.Target);
                default:
                    return null;
            }
        }


        /// <summary>The method (or the property, for a getter) whose calls yield a returned value; null for lambdas.</summary>
        private static ISymbol? ReturnedBy(ISymbol? member)
        {
            if (!(member is IMethodSymbol method) || method.MethodKind == MethodKind.AnonymousFunction)
            {
                return null;
            }

            return method.AssociatedSymbol is IPropertySymbol property ? property.OriginalDefinition : method.OriginalDefinition;
        }


        public static ISymbol? SymbolOf(IOperation? operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter.OriginalDefinition;
                case IFieldReferenceOperation field:
                    return field.Field.OriginalDefinition;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return property.Property.OriginalDefinition;
                default:
                    return null;
            }
        }


        /// <summary>The property a record's primary-constructor parameter declares, or null.</summary>
        public static ISymbol? RecordPropertyOf(IParameterSymbol parameter)
        {
            if (!(parameter.ContainingSymbol is IMethodSymbol constructor) || constructor.MethodKind != MethodKind.Constructor
                || !constructor.ContainingType.IsRecord)
            {
                return null;
            }

            foreach (var member in constructor.ContainingType.GetMembers(parameter.Name))
            {
                if (member is IPropertySymbol property)
                {
                    return property.OriginalDefinition;
                }
            }

            return null;
        }

        /// <summary>Locals, parameters and this project's fields and properties: the symbols whose assignments a file's facts record.</summary>
        public static bool IsTracked(ISymbol symbol)
            => symbol is ILocalSymbol || symbol is IParameterSymbol
               || ((symbol is IFieldSymbol || symbol is IPropertySymbol) && !symbol.DeclaringSyntaxReferences.IsEmpty);
    }
}
