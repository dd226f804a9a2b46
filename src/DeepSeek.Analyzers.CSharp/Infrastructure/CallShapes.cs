using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>Two questions DSK006's readers ask of many operations: the receiver of a call, and the member body an operation is in.</summary>
    internal static class CallShapes
    {
        /// <summary>The object a call is made on: its instance, or the first argument of an extension method (<c>chat.AsIChatClient()</c>).</summary>
        public static IOperation? ReceiverOf(IInvocationOperation invocation)
            => invocation.Instance
               ?? (invocation.TargetMethod.IsExtensionMethod && invocation.Arguments.Length > 0 ? invocation.Arguments[0].Value : null);

        /// <summary>The root of an operation's tree: the body (or initializer) of the member that holds it.</summary>
        public static IOperation RootOf(IOperation operation)
        {
            var root = operation;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            return root;
        }
    }
}
