using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The rewrites of the retry fixes (DSK007, DSK008): a bounded count with exponential backoff in the shape of the API the
    /// code already uses. Each returns null where it cannot prove the rewrite compiles and keeps everything but the bound
    /// and the delay, and the fix is then not offered.
    /// </summary>
    internal static class RetryFix
    {
        private const string ExponentialBackoff = "global::System.TimeSpan.FromSeconds(global::System.Math.Pow(2, {0}))";

        /// <summary>The retry count a rule put in its diagnostic for the fix to write.</summary>
        public static bool TryGetCount(Diagnostic diagnostic, string property, out int count)
        {
            count = 0;
            return diagnostic.Properties.TryGetValue(property, out var text)
                   && int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out count);
        }

        /// <summary>The rewritten document, or null when the construct at <paramref name="span"/> has no safe rewrite.</summary>
        public static async Task<Document?> FixConstructAsync(Document document, TextSpan span, RetryForm form, int count, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var node = root.FindNode(span, getInnermostNodeForTie: true);
            SyntaxNode? oldNode = null;
            SyntaxNode? newNode = null;
            switch (form)
            {
                case RetryForm.PollyPolicy when node is InvocationExpressionSyntax invocation:
                    oldNode = invocation;
                    newNode = RewritePolly(invocation, model, count, cancellationToken);
                    break;
                case RetryForm.StrategyOptions when node is BaseObjectCreationExpressionSyntax creation && creation.Initializer != null:
                    oldNode = creation.Initializer;
                    newNode = RewriteStrategyInitializer(creation.Initializer, count);
                    break;
                case RetryForm.StrategyAssignment when node is AssignmentExpressionSyntax assignment:
                    oldNode = assignment.Right;
                    newNode = IsMember(assignment.Left, RetryConstructs.BackoffType) ? Exponential() : CountLiteral(count);
                    newNode = newNode.WithTriviaFrom(assignment.Right);
                    break;
                case RetryForm.ClientRetryPolicy when node is BaseObjectCreationExpressionSyntax creation && creation.ArgumentList?.Arguments.Count == 1:
                    oldNode = creation.ArgumentList.Arguments[0].Expression;
                    newNode = CountLiteral(count).WithTriviaFrom(oldNode);
                    break;
            }

            if (oldNode == null || newNode == null)
            {
                return null;
            }

            return await FinishAsync(document.WithSyntaxRoot(root.ReplaceNode(oldNode, newNode)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary>Adds the imports the rewrite needs, then shortens the names it wrote.</summary>
        public static async Task<Document> FinishAsync(Document document, CancellationToken cancellationToken)
        {
            document = await ImportAdder.AddImportsAsync(document, Simplifier.AddImportsAnnotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            document = await Simplifier.ReduceAsync(document, Simplifier.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
            return await Formatter.FormatAsync(document, Formatter.Annotation, cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        public static LiteralExpressionSyntax CountLiteral(int count)
            => SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(count));

        /// <summary>
        /// Polly v7: <c>RetryForever()</c> / <c>Retry(n)</c> → <c>WaitAndRetry(count, attempt =&gt; 2^attempt s)</c>;
        /// <c>WaitAndRetryForever(delay, onRetry)</c> → <c>WaitAndRetry(count, delay, onRetry)</c>; <c>WaitAndRetry(n, …)</c> →
        /// <c>WaitAndRetry(count, …)</c>; a delay that ignores the attempt becomes exponential. Async stays async. Only where
        /// the new call binds to an overload whose other parameters have the same types (so callbacks keep their meaning).
        /// </summary>
        private static InvocationExpressionSyntax? RewritePolly(InvocationExpressionSyntax invocation, SemanticModel model, int count, CancellationToken cancellationToken)
        {
            if (!(invocation.Expression is MemberAccessExpressionSyntax access)
                || !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
                || invocation.ArgumentList.Arguments.Any(a => a.NameColon != null))
            {
                return null;
            }

            var name = method.Name;
            var isAsync = name.EndsWith("Async", StringComparison.Ordinal);
            var arguments = invocation.ArgumentList.Arguments;
            var parameters = method.Parameters;
            var newArguments = new List<ArgumentSyntax> { SyntaxFactory.Argument(CountLiteral(count)) };
            var keptParameters = new List<IParameterSymbol>();
            var attemptName = FreeName(model, invocation.SpanStart, "attempt");
            switch (name)
            {
                case "Retry":
                case "RetryAsync":
                case "RetryForever":
                case "RetryForeverAsync":
                    // Retry callbacks take (exception, retryCount); WaitAndRetry's take a delay too: no overload keeps them.
                    if (parameters.Any(p => p.Name != "retryCount"))
                    {
                        return null;
                    }

                    newArguments.Add(SyntaxFactory.Argument(ExponentialLambda(attemptName)));
                    break;
                case "WaitAndRetryForever":
                case "WaitAndRetryForeverAsync":
                case "WaitAndRetry":
                case "WaitAndRetryAsync":
                    for (var i = 0; i < arguments.Count && i < parameters.Length; i++)
                    {
                        var parameter = parameters[i];
                        if (parameter.Name == "retryCount")
                        {
                            continue;
                        }

                        if (parameter.Name == "sleepDurations")
                        {
                            return null;
                        }

                        var argument = arguments[i];
                        if (parameter.Name == "sleepDurationProvider" && IgnoresItsParameter(argument.Expression, model, cancellationToken))
                        {
                            if (!(parameter.Type is INamedTypeSymbol provider) || provider.DelegateInvokeMethod?.Parameters.Length != 1)
                            {
                                return null;
                            }

                            argument = SyntaxFactory.Argument(ExponentialLambda(attemptName)).WithTriviaFrom(argument);
                        }

                        newArguments.Add(argument);
                        keptParameters.Add(parameter);
                    }

                    break;
                default:
                    return null;
            }

            var newName = isAsync ? "WaitAndRetryAsync" : "WaitAndRetry";
            var rewritten = invocation
                .WithExpression(access.WithName(SyntaxFactory.IdentifierName(newName).WithTriviaFrom(access.Name)))
                .WithArgumentList(invocation.ArgumentList.WithArguments(SyntaxFactory.SeparatedList(newArguments)));

            // The overload must exist and take the kept arguments as the same types: an onRetry (exception, count) must not
            // quietly bind as (exception, delay).
            var bound = model.GetSpeculativeSymbolInfo(invocation.SpanStart, rewritten, SpeculativeBindingOption.BindAsExpression).Symbol as IMethodSymbol;
            if (bound == null || bound.Name != newName || bound.Parameters.Length < newArguments.Count || bound.Parameters[0].Name != "retryCount")
            {
                return null;
            }

            for (var i = 0; i < keptParameters.Count; i++)
            {
                if (!SymbolEqualityComparer.Default.Equals(bound.Parameters[i + 1].Type, keptParameters[i].Type))
                {
                    return null;
                }
            }

            return rewritten.WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>v8 / Http.Resilience: <c>MaxRetryAttempts = count, BackoffType = Exponential, UseJitter = true</c>, set or replaced.</summary>
        private static InitializerExpressionSyntax RewriteStrategyInitializer(InitializerExpressionSyntax initializer, int count)
        {
            var wanted = new List<(string Name, ExpressionSyntax Value)>
            {
                (RetryConstructs.MaxRetryAttempts, CountLiteral(count)),
                (RetryConstructs.BackoffType, Exponential()),
                ("UseJitter", SyntaxFactory.LiteralExpression(SyntaxKind.TrueLiteralExpression)),
            };
            var expressions = initializer.Expressions;
            foreach (var (memberName, value) in wanted)
            {
                var index = -1;
                for (var i = 0; i < expressions.Count; i++)
                {
                    if (expressions[i] is AssignmentExpressionSyntax existing && existing.Left is IdentifierNameSyntax id && id.Identifier.ValueText == memberName)
                    {
                        index = i;
                        break;
                    }
                }

                if (index >= 0)
                {
                    var existing = (AssignmentExpressionSyntax)expressions[index];
                    expressions = expressions.Replace(existing, existing.WithRight(value.WithTriviaFrom(existing.Right)));
                }
                else
                {
                    expressions = expressions.Add(SyntaxFactory.AssignmentExpression(
                        SyntaxKind.SimpleAssignmentExpression,
                        SyntaxFactory.IdentifierName(memberName),
                        value));
                }
            }

            return initializer.WithExpressions(expressions).WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static ExpressionSyntax Exponential()
            => SyntaxFactory.ParseExpression("global::Polly.DelayBackoffType.Exponential")
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);

        public static ExpressionSyntax ExponentialLambda(string parameter)
            => SyntaxFactory.SimpleLambdaExpression(
                    SyntaxFactory.Parameter(SyntaxFactory.Identifier(parameter)),
                    SyntaxFactory.ParseExpression(string.Format(CultureInfo.InvariantCulture, ExponentialBackoff, parameter))
                        .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation));

        private static bool IsMember(ExpressionSyntax target, string name)
            => (target is MemberAccessExpressionSyntax access && access.Name.Identifier.ValueText == name)
               || (target is IdentifierNameSyntax id && id.Identifier.ValueText == name);

        /// <summary>A lambda whose first parameter is never read (<c>_ =&gt; TimeSpan.FromSeconds(1)</c>).</summary>
        private static bool IgnoresItsParameter(ExpressionSyntax expression, SemanticModel model, CancellationToken cancellationToken)
        {
            ParameterSyntax? parameter;
            SyntaxNode body;
            switch (expression)
            {
                case SimpleLambdaExpressionSyntax simple:
                    parameter = simple.Parameter;
                    body = simple.Body;
                    break;
                case ParenthesizedLambdaExpressionSyntax parenthesized when parenthesized.ParameterList.Parameters.Count > 0:
                    parameter = parenthesized.ParameterList.Parameters[0];
                    body = parenthesized.Body;
                    break;
                default:
                    return false;
            }

            var symbol = model.GetDeclaredSymbol(parameter, cancellationToken);
            return symbol != null && !body.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>()
                .Any(id => id.Identifier.ValueText == parameter.Identifier.ValueText
                           && SymbolEqualityComparer.Default.Equals(model.GetSymbolInfo(id, cancellationToken).Symbol, symbol));
        }

        /// <summary><paramref name="preferred"/>, or with a number appended, so it shadows nothing in scope at <paramref name="position"/>.</summary>
        public static string FreeName(SemanticModel model, int position, string preferred, SyntaxNode? inside = null)
        {
            var declaredInside = inside == null
                ? new HashSet<string>()
                : new HashSet<string>(inside.DescendantTokens().Where(t => t.IsKind(SyntaxKind.IdentifierToken)).Select(t => t.ValueText));
            var name = preferred;
            for (var i = 2; model.LookupSymbols(position, name: name).Length > 0 || declaredInside.Contains(name); i++)
            {
                name = preferred + i.ToString(CultureInfo.InvariantCulture);
            }

            return name;
        }
    }
}
