using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Simplification;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// DSK007's fix for a hand-written retry loop. With DeepSeek.Runtime referenced and the loop only retrying one awaited call
    /// (<c>while (true) { try { return await call; } catch { await Task.Delay(…); } }</c>), <c>DeepSeekRetry.ExecuteAsync</c>;
    /// otherwise a <c>for</c> with an attempt counter whose catches rethrow on the last attempt. Loops where the rewrite could
    /// change more than the bound (a <c>continue</c> outside a catch, a <c>for</c> with its own clauses, a <c>do</c> with a
    /// real condition) get no fix.
    /// </summary>
    internal static class RetryLoopFix
    {
        public static async Task<Document?> FixAsync(Document document, TextSpan span, int count, bool preferRuntime, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model == null)
            {
                return null;
            }

            var loop = root.FindToken(span.Start).Parent as StatementSyntax;
            if (!(loop is WhileStatementSyntax) && !(loop is DoStatementSyntax) && !(loop is ForStatementSyntax))
            {
                return null;
            }

            if (!(model.GetOperation(loop, cancellationToken) is ILoopOperation operation)
                || !(RetryLoops.FromLoop(operation) is RetryLoop retry)
                || !(retry.Attempt.Syntax is TryStatementSyntax attempt))
            {
                return null;
            }

            var replacement = preferRuntime ? RuntimeRewrite(loop, attempt, model, count, cancellationToken) : null;
            replacement ??= CounterRewrite(loop, attempt, model, count);
            if (replacement == null)
            {
                return null;
            }

            return await RetryFix.FinishAsync(document.WithSyntaxRoot(root.ReplaceNode(loop, replacement)), cancellationToken).ConfigureAwait(false);
        }

        /// <summary><c>for (var attempt = 0; cond; attempt++)</c> with <c>if (attempt &gt;= n) throw;</c> opening each swallowing catch.</summary>
        private static StatementSyntax? CounterRewrite(StatementSyntax loop, TryStatementSyntax attempt, SemanticModel model, int count)
        {
            ExpressionSyntax? condition;
            StatementSyntax body;
            switch (loop)
            {
                case WhileStatementSyntax whileLoop:
                    condition = whileLoop.Condition.IsKind(SyntaxKind.TrueLiteralExpression) ? null : whileLoop.Condition;
                    body = whileLoop.Statement;
                    break;
                case DoStatementSyntax doLoop when doLoop.Condition.IsKind(SyntaxKind.TrueLiteralExpression):
                    condition = null;
                    body = doLoop.Statement;
                    break;
                case ForStatementSyntax forLoop when forLoop.Declaration == null && forLoop.Initializers.Count == 0 && forLoop.Incrementors.Count == 0:
                    condition = forLoop.Condition is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.TrueLiteralExpression) ? null : forLoop.Condition;
                    body = forLoop.Statement;
                    break;
                default:
                    return null;
            }

            // A continue would now count as an attempt; in a catch that is what it means, anywhere else it is not.
            if (!(body is BlockSyntax) || OwnContinues(body).Any(c => c.FirstAncestorOrSelf<CatchClauseSyntax>() == null
                                                                       || !attempt.Catches.Contains(c.FirstAncestorOrSelf<CatchClauseSyntax>())))
            {
                return null;
            }

            var counter = RetryFix.FreeName(model, loop.SpanStart, "attempt", loop);
            var guard = SyntaxFactory.ParseStatement(string.Format(CultureInfo.InvariantCulture, "if ({0} >= {1}) throw;", counter, count))
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(SyntaxFactory.ElasticMarker);
            var newAttempt = attempt.WithCatches(SyntaxFactory.List(attempt.Catches.Select(c =>
                c.Filter == null && !Exits(c.Block) ? c.WithBlock(Guarded(c.Block, guard)) : c)));
            var newBody = body.ReplaceNode(attempt, newAttempt);
            var header = SyntaxFactory.ParseStatement(string.Format(
                CultureInfo.InvariantCulture,
                "for (var {0} = 0; {1}; {0}++) {{ }}",
                counter,
                condition?.WithoutTrivia().ToFullString() ?? string.Empty));
            if (!(header is ForStatementSyntax forStatement))
            {
                return null;
            }

            return forStatement
                .WithStatement(newBody)
                .WithLeadingTrivia(loop.GetLeadingTrivia())
                .WithTrailingTrivia(loop.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        /// <summary>
        /// <c>return await DeepSeekRetry.ExecuteAsync(_ =&gt; call, new DeepSeekRetryOptions { MaxRetries = n });</c> for a loop
        /// that only returns one awaited call and swallows every exception (at most waiting in its catch).
        /// </summary>
        private static StatementSyntax? RuntimeRewrite(StatementSyntax loop, TryStatementSyntax attempt, SemanticModel model, int count, CancellationToken cancellationToken)
        {
            var body = loop is WhileStatementSyntax w && w.Condition.IsKind(SyntaxKind.TrueLiteralExpression) ? w.Statement
                : loop is DoStatementSyntax d && d.Condition.IsKind(SyntaxKind.TrueLiteralExpression) ? d.Statement
                : loop is ForStatementSyntax f && f.Declaration == null && f.Initializers.Count == 0 && f.Incrementors.Count == 0 && f.Condition == null ? f.Statement
                : null;
            if (!(body is BlockSyntax block) || block.Statements.Count != 1 || block.Statements[0] != attempt
                || attempt.Finally != null || attempt.Catches.Count != 1 || attempt.Block.Statements.Count != 1
                || !(attempt.Block.Statements[0] is ReturnStatementSyntax ret) || !(ret.Expression is AwaitExpressionSyntax awaited)
                || awaited.Expression.DescendantNodesAndSelf().OfType<AwaitExpressionSyntax>().Any())
            {
                return null;
            }

            var clause = attempt.Catches[0];
            if (clause.Filter != null || !CatchesEverything(clause, model, cancellationToken) || !OnlyWaits(clause.Block, model, cancellationToken))
            {
                return null;
            }

            // The HttpResponseMessage overload also retries on a failed status, which the loop returned: not the same program.
            var callType = model.GetTypeInfo(awaited.Expression, cancellationToken).Type as INamedTypeSymbol;
            if (callType == null || callType.Name != "Task" || callType.TypeArguments.Length != 1
                || callType.TypeArguments[0].Name == "HttpResponseMessage"
                || !CapturesSafely(awaited.Expression, model))
            {
                return null;
            }

            var parameter = RetryFix.FreeName(model, loop.SpanStart, "_", loop);
            var call = SyntaxFactory.ParseExpression(string.Format(
                    CultureInfo.InvariantCulture,
                    "await global::DeepSeek.Runtime.DeepSeekRetry.ExecuteAsync({0} => {1}, new global::DeepSeek.Runtime.DeepSeekRetryOptions {{ MaxRetries = {2} }})",
                    parameter,
                    awaited.Expression.WithoutTrivia().ToFullString(),
                    count))
                .WithAdditionalAnnotations(Simplifier.Annotation, Simplifier.AddImportsAnnotation);
            var statement = SyntaxFactory.ReturnStatement(call)
                .WithLeadingTrivia(loop.GetLeadingTrivia())
                .WithTrailingTrivia(loop.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);

            var bound = model.GetSpeculativeTypeInfo(loop.SpanStart, (ExpressionSyntax)((AwaitExpressionSyntax)call).Expression, SpeculativeBindingOption.BindAsExpression).Type;
            return SymbolEqualityComparer.Default.Equals(bound, callType) ? statement : null;
        }

        /// <summary>The catch block with the guard first; a one-line block (<c>catch { }</c>) is laid out on lines again.</summary>
        private static BlockSyntax Guarded(BlockSyntax block, StatementSyntax guard)
        {
            var statements = block.Statements.Insert(0, guard);
            var tree = block.SyntaxTree;
            var oneLine = tree.GetLineSpan(block.OpenBraceToken.Span).StartLinePosition.Line == tree.GetLineSpan(block.CloseBraceToken.Span).StartLinePosition.Line;
            if (!oneLine)
            {
                return block.WithStatements(statements).WithAdditionalAnnotations(Formatter.Annotation);
            }

            return SyntaxFactory.Block(statements.Select(s => s.WithoutLeadingTrivia().WithTrailingTrivia(SyntaxFactory.ElasticMarker)))
                .WithLeadingTrivia(SyntaxFactory.ElasticMarker)
                .WithTrailingTrivia(block.GetTrailingTrivia())
                .WithAdditionalAnnotations(Formatter.Annotation);
        }

        private static bool CatchesEverything(CatchClauseSyntax clause, SemanticModel model, CancellationToken cancellationToken)
        {
            if (clause.Declaration == null)
            {
                return true;
            }

            var type = model.GetTypeInfo(clause.Declaration.Type, cancellationToken).Type;
            if (type == null || type.Name != "Exception" || type.ContainingNamespace?.Name != "System")
            {
                return false;
            }

            // The exception is used in the catch (logged, inspected): the runtime helper's retry would drop that.
            return clause.Declaration.Identifier.IsKind(SyntaxKind.None) || clause.Block.Statements.Count == 0
                   || !clause.Block.DescendantNodes().OfType<IdentifierNameSyntax>().Any(id => id.Identifier.ValueText == clause.Declaration.Identifier.ValueText);
        }

        /// <summary>An empty catch, or one that only waits (<c>await Task.Delay(…)</c>, <c>Thread.Sleep(…)</c>): the runtime helper's backoff replaces it.</summary>
        private static bool OnlyWaits(BlockSyntax block, SemanticModel model, CancellationToken cancellationToken)
        {
            foreach (var statement in block.Statements)
            {
                var expression = statement is ExpressionStatementSyntax e ? e.Expression : null;
                if (expression is AwaitExpressionSyntax await)
                {
                    expression = await.Expression;
                }

                if (!(expression is InvocationExpressionSyntax invocation)
                    || !(model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol method)
                    || !((method.Name == "Delay" && method.ContainingType?.Name == "Task") || (method.Name == "Sleep" && method.ContainingType?.Name == "Thread")))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A lambda cannot capture ref, out or in parameters or ref-like locals.</summary>
        private static bool CapturesSafely(ExpressionSyntax expression, SemanticModel model)
        {
            var flow = model.AnalyzeDataFlow(expression);
            if (flow == null || !flow.Succeeded)
            {
                return false;
            }

            foreach (var symbol in flow.ReadInside.Concat(flow.WrittenInside))
            {
                if ((symbol is IParameterSymbol parameter && (parameter.RefKind != RefKind.None || parameter.Type.IsRefLikeType))
                    || (symbol is ILocalSymbol local && (local.IsRef || local.Type.IsRefLikeType)))
                {
                    return false;
                }
            }

            return flow.WrittenInside.IsEmpty;
        }

        private static bool Exits(BlockSyntax block)
            => block.DescendantNodes().Any(n => n is ThrowStatementSyntax || n is ThrowExpressionSyntax || n is ReturnStatementSyntax || n is BreakStatementSyntax);

        /// <summary>The continue statements that continue this loop (not a nested loop, lambda or local function).</summary>
        private static System.Collections.Generic.IEnumerable<ContinueStatementSyntax> OwnContinues(StatementSyntax body)
            => body.DescendantNodes(n => !(n is WhileStatementSyntax) && !(n is DoStatementSyntax) && !(n is ForStatementSyntax)
                                          && !(n is ForEachStatementSyntax) && !(n is AnonymousFunctionExpressionSyntax)
                                          && !(n is LocalFunctionStatementSyntax))
                .OfType<ContinueStatementSyntax>();
    }
}
