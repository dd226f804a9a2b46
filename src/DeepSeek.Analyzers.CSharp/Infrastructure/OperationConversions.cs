using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The one place that sees through conversions and parentheses (VB trees have them; C# ones do not), downwards to the
    /// value and upwards to the construct that uses it.
    /// </summary>
    internal static class OperationConversions
    {
        /// <summary>The value under any conversions and parentheses.</summary>
        public static IOperation WithoutConversions(this IOperation operation)
        {
            while (true)
            {
                switch (operation)
                {
                    case IConversionOperation conversion:
                        operation = conversion.Operand;
                        continue;
                    case IParenthesizedOperation parenthesized:
                        operation = parenthesized.Operand;
                        continue;
                    default:
                        return operation;
                }
            }
        }

        /// <summary>
        /// The nearest ancestor that is not a conversion or parentheses (nor an <c>await</c>, when <paramref name="throughAwait"/>);
        /// <paramref name="child"/> is the outermost of the skipped operations (the operation itself when none was skipped).
        /// </summary>
        public static IOperation? ParentThroughConversions(this IOperation operation, out IOperation child, bool throughAwait = false)
        {
            child = operation;
            var parent = operation.Parent;
            while (parent is IConversionOperation || parent is IParenthesizedOperation || (throughAwait && parent is IAwaitOperation))
            {
                child = parent;
                parent = parent.Parent;
            }

            return parent;
        }
    }
}
