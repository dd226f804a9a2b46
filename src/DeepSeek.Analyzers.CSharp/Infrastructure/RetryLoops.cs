using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    internal enum RetryLoopKind
    {
        /// <summary><c>while</c>, <c>do … while</c>, <c>for</c>.</summary>
        Loop,

        /// <summary>A catch that jumps back to a label before the <c>try</c>.</summary>
        Goto,

        /// <summary>A catch that calls its own method again.</summary>
        Recursion,
    }

    /// <summary>A hand-written retry: a <c>try</c> whose catch swallows the failure and tries again.</summary>
    internal sealed class RetryLoop
    {
        public RetryLoop(RetryLoopKind kind, IOperation construct, ITryOperation attempt, Location location, bool bounded)
        {
            Kind = kind;
            Construct = construct;
            Attempt = attempt;
            Location = location;
            Bounded = bounded;
        }

        public RetryLoopKind Kind { get; }

        /// <summary>The loop, the labeled statement, or the recursive invocation.</summary>
        public IOperation Construct { get; }

        /// <summary>The <c>try</c> whose body is the attempt.</summary>
        public ITryOperation Attempt { get; }

        /// <summary>The loop's first keyword, the label, or the recursive call.</summary>
        public Location Location { get; }

        /// <summary>An attempt counter bounds it, or its catch rethrows, breaks or returns.</summary>
        public bool Bounded { get; }
    }

    /// <summary>
    /// Recognises hand-written retries. A loop is a retry only when a <c>try</c> in it leaves the loop on success
    /// (<c>break</c>, <c>return</c>, or a flag the condition reads) and a catch swallows the failure; a loop that calls again
    /// after a success is an event loop or a REPL, not a retry. A counter bounds a retry only when it is tested.
    /// </summary>
    internal static class RetryLoops
    {
        /// <summary>
        /// Registers <paramref name="analyze"/> for every retry loop and goto-retry (at the loop and at the label) of the file.
        /// A hand-written retry counts only with DeepSeek evidence: callers register only in files that pass the gate.
        /// </summary>
        public static void RegisterActions(GatedFile context, Action<GatedOperationContext, RetryLoop> analyze)
        {
            context.RegisterOperationAction(
                c =>
                {
                    var loop = (ILoopOperation)c.Operation;
                    var retry = LoopTries.MayRetry(loop, c.CancellationToken) ? FromLoop(loop) : null;
                    if (retry != null)
                    {
                        analyze(c, retry);
                    }
                },
                OperationKind.Loop);
            context.RegisterOperationAction(
                c =>
                {
                    var retry = FromLabel((ILabeledOperation)c.Operation);
                    if (retry != null)
                    {
                        analyze(c, retry);
                    }
                },
                OperationKind.Labeled);
        }

        public static RetryLoop? FromLoop(ILoopOperation loop)
        {
            IOperation? condition;
            Location location;
            switch (loop)
            {
                case IWhileLoopOperation whileLoop when loop.Syntax is WhileStatementSyntax whileSyntax:
                    condition = whileLoop.Condition;
                    location = whileSyntax.WhileKeyword.GetLocation();
                    break;
                case IWhileLoopOperation whileLoop when loop.Syntax is DoStatementSyntax doSyntax:
                    condition = whileLoop.Condition;
                    location = doSyntax.DoKeyword.GetLocation();
                    break;
                case IForLoopOperation forLoop when loop.Syntax is ForStatementSyntax forSyntax:
                    condition = forLoop.Condition;
                    location = forSyntax.ForKeyword.GetLocation();
                    break;
                default:
                    return null;
            }

            ITryOperation? attempt = null;
            foreach (var candidate in OwnTries(loop.Body, loop))
            {
                if (SwallowingCatch(candidate) != null && ExitsOnSuccess(candidate, loop, condition))
                {
                    attempt = candidate;
                    break;
                }
            }

            if (attempt == null)
            {
                return null;
            }

            var counters = Counters(loop);
            var bounded = (condition != null && !(condition.ConstantValue.Value is true) && (ReadsCounter(condition, counters) || IsDeadline(condition)))
                          || HasCheckedExit(loop.Body, counters)
                          || HasExitingCatch(attempt);
            return new RetryLoop(RetryLoopKind.Loop, loop, attempt, location, bounded);
        }

        /// <summary>A goto-retry started at <paramref name="labeled"/>: a later <c>try</c> of the same block whose catch jumps back to it.</summary>
        public static RetryLoop? FromLabel(ILabeledOperation labeled)
        {
            if (labeled.Operation is ITryOperation own)
            {
                var retry = FromGoto(own);
                if (retry != null && retry.Construct == labeled)
                {
                    return retry;
                }
            }

            if (!(labeled.Parent is IBlockOperation block))
            {
                return null;
            }

            var after = false;
            foreach (var statement in block.Operations)
            {
                if (statement == labeled)
                {
                    after = true;
                    continue;
                }

                if (after && statement is ITryOperation attempt)
                {
                    var retry = FromGoto(attempt);
                    if (retry != null && retry.Construct == labeled)
                    {
                        return retry;
                    }
                }
            }

            return null;
        }

        /// <summary>A goto-retry: a catch of <paramref name="attempt"/> that jumps back to a label before it.</summary>
        private static RetryLoop? FromGoto(ITryOperation attempt)
        {
            var swallowing = SwallowingCatch(attempt);
            if (swallowing == null)
            {
                return null;
            }

            foreach (var statement in swallowing.Handler.Operations)
            {
                // Only an unconditional jump back: one inside an if is a choice, and the code after it decides.
                if (statement is IBranchOperation branch && branch.BranchKind == BranchKind.GoTo)
                {
                    var labeled = LabeledBefore(attempt, branch.Target);
                    if (labeled != null)
                    {
                        var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
                        var region = RegionFrom(labeled, attempt);
                        foreach (var operation in region)
                        {
                            AddCounters(operation, counters);
                        }

                        AddCounters(attempt, counters);
                        var bounded = swallowing.Filter != null;
                        foreach (var operation in region)
                        {
                            bounded |= HasCheckedExit(operation, counters);
                        }

                        return new RetryLoop(RetryLoopKind.Goto, labeled, attempt, ((LabeledStatementSyntax)labeled.Syntax).Identifier.GetLocation(), bounded);
                    }
                }
            }

            return null;
        }

        /// <summary>A catch (no filter, no throw) that calls its own method again: <c>catch { return await AskAsync(prompt); }</c>.</summary>
        public static RetryLoop? FromRecursion(ITryOperation attempt, IMethodSymbol method)
        {
            foreach (var clause in attempt.Catches)
            {
                if (ContainsThrow(clause.Handler))
                {
                    continue;
                }

                foreach (var operation in Own(clause.Handler))
                {
                    if (operation is IInvocationOperation call
                        && SymbolEqualityComparer.Default.Equals(call.TargetMethod.OriginalDefinition, method.OriginalDefinition))
                    {
                        var bounded = clause.Filter != null || PassesCheckedCountdown(call, attempt);
                        return new RetryLoop(RetryLoopKind.Recursion, call, attempt, call.Syntax.GetLocation(), bounded);
                    }
                }
            }

            return null;
        }

        private static bool ContainsThrow(IOperation root)
        {
            foreach (var operation in Own(root))
            {
                if (operation is IThrowOperation)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first catch that swallows: no throw, return or break out of it (a filter may still bound it).</summary>
        public static ICatchClauseOperation? SwallowingCatch(ITryOperation attempt)
        {
            foreach (var clause in attempt.Catches)
            {
                var exits = false;
                foreach (var operation in clause.Handler.Descendants())
                {
                    if (operation is IThrowOperation || operation is IReturnOperation
                        || (operation is IBranchOperation branch && branch.BranchKind == BranchKind.Break))
                    {
                        exits = true;
                        break;
                    }
                }

                if (!exits)
                {
                    return clause;
                }
            }

            return null;
        }

        /// <summary>The <c>try</c> statements that belong to this loop (not to a nested loop, lambda or local function).</summary>
        private static IEnumerable<ITryOperation> OwnTries(IOperation body, ILoopOperation loop)
        {
            foreach (var operation in Own(body))
            {
                if (operation is ITryOperation attempt && attempt.Catches.Length > 0 && NearestLoop(attempt) == loop)
                {
                    yield return attempt;
                }
            }
        }

        /// <summary>Descendants, without nested lambdas and local functions (their code runs elsewhere).</summary>
        private static IEnumerable<IOperation> Own(IOperation root)
        {
            var stack = new Stack<IOperation>();
            stack.Push(root);
            while (stack.Count > 0)
            {
                var operation = stack.Pop();
                yield return operation;
                foreach (var child in operation.ChildOperations)
                {
                    if (!(child is IAnonymousFunctionOperation) && !(child is ILocalFunctionOperation))
                    {
                        stack.Push(child);
                    }
                }
            }
        }

        private static ILoopOperation? NearestLoop(IOperation operation)
        {
            for (var parent = operation.Parent; parent != null; parent = parent.Parent)
            {
                if (parent is ILoopOperation loop)
                {
                    return loop;
                }

                if (parent is IAnonymousFunctionOperation || parent is ILocalFunctionOperation)
                {
                    return null;
                }
            }

            return null;
        }

        /// <summary>The try body leaves the loop on success: a break of this loop, a return, or a flag the condition reads.</summary>
        private static bool ExitsOnSuccess(ITryOperation attempt, ILoopOperation loop, IOperation? condition)
        {
            var read = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            if (condition != null)
            {
                foreach (var operation in condition.DescendantsAndSelf())
                {
                    var symbol = SymbolOf(operation);
                    if (symbol != null)
                    {
                        read.Add(symbol);
                    }
                }
            }

            foreach (var operation in Own(attempt.Body))
            {
                switch (operation)
                {
                    case IReturnOperation ret when ret.Kind == OperationKind.Return:
                        return true;
                    case IBranchOperation branch when branch.BranchKind == BranchKind.Break
                                                      && SymbolEqualityComparer.Default.Equals(branch.Target, loop.ExitLabel):
                        return true;
                    case ISimpleAssignmentOperation assignment when read.Count > 0 && SymbolOf(assignment.Target) is ISymbol flag && read.Contains(flag):
                        return true;
                }
            }

            return false;
        }

        /// <summary>Variables counted up or down in the loop (body, condition and incrementors).</summary>
        private static HashSet<ISymbol> Counters(ILoopOperation loop)
        {
            var counters = new HashSet<ISymbol>(SymbolEqualityComparer.Default);
            AddCounters(loop, counters);
            return counters;
        }

        private static void AddCounters(IOperation root, HashSet<ISymbol> counters)
        {
            foreach (var operation in Own(root))
            {
                ISymbol? symbol = null;
                switch (operation)
                {
                    case IIncrementOrDecrementOperation step:
                        symbol = SymbolOf(step.Target);
                        break;
                    case ICompoundAssignmentOperation compound when compound.OperatorKind == BinaryOperatorKind.Add
                                                                    || compound.OperatorKind == BinaryOperatorKind.Subtract:
                        symbol = SymbolOf(compound.Target);
                        break;
                }

                if (symbol != null)
                {
                    counters.Add(symbol);
                }
            }
        }

        /// <summary>A comparison that reads a counter: <c>attempt &lt; 3</c>, <c>retries-- &gt; 0</c>, <c>++attempt == max</c>.</summary>
        private static bool ReadsCounter(IOperation condition, HashSet<ISymbol> counters)
        {
            if (counters.Count == 0)
            {
                return false;
            }

            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation binary && IsComparison(binary.OperatorKind))
                {
                    foreach (var side in binary.Descendants())
                    {
                        var symbol = SymbolOf(side);
                        if (symbol != null && counters.Contains(symbol))
                        {
                            return true;
                        }
                    }
                }
            }

            return false;
        }

        /// <summary><c>DateTime.UtcNow &lt; deadline</c>, <c>stopwatch.Elapsed &lt; limit</c>: a time bound is a bound.</summary>
        private static bool IsDeadline(IOperation condition)
        {
            foreach (var operation in condition.DescendantsAndSelf())
            {
                if (operation is IBinaryOperation binary && IsComparison(binary.OperatorKind) && binary.LeftOperand.Type is ITypeSymbol type
                    && (type.Name == "DateTime" || type.Name == "DateTimeOffset" || type.Name == "TimeSpan")
                    && type.ContainingNamespace?.Name == "System")
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>if (attempt &gt;= max) throw;</c> (or break/return) anywhere in the retried code.</summary>
        private static bool HasCheckedExit(IOperation root, HashSet<ISymbol> counters)
        {
            foreach (var operation in Own(root))
            {
                if (operation is IConditionalOperation conditional && ReadsCounter(conditional.Condition, counters)
                    && (Exits(conditional.WhenTrue) || (conditional.WhenFalse != null && Exits(conditional.WhenFalse))))
                {
                    return true;
                }
            }

            return false;
        }

        private static bool Exits(IOperation branch)
        {
            foreach (var operation in Own(branch))
            {
                if (operation is IThrowOperation || operation is IReturnOperation
                    || (operation is IBranchOperation jump && jump.BranchKind == BranchKind.Break))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Any other catch of the attempt that rethrows (<c>catch (X) when (attempt &lt; 3)</c>, <c>catch { …; throw; }</c>).</summary>
        private static bool HasExitingCatch(ITryOperation attempt)
        {
            foreach (var clause in attempt.Catches)
            {
                if (clause.Filter != null || Exits(clause.Handler))
                {
                    return true;
                }
            }

            return false;
        }

        private static ILabeledOperation? LabeledBefore(ITryOperation attempt, ILabelSymbol target)
        {
            // again: try { … } catch { goto again; }
            if (attempt.Parent is ILabeledOperation own && SymbolEqualityComparer.Default.Equals(own.Label, target))
            {
                return own;
            }

            if (!(attempt.Parent is IBlockOperation parent))
            {
                return null;
            }

            foreach (var statement in parent.Operations)
            {
                if (statement.Syntax.SpanStart >= attempt.Syntax.SpanStart)
                {
                    break;
                }

                if (statement is ILabeledOperation labeled && SymbolEqualityComparer.Default.Equals(labeled.Label, target))
                {
                    return labeled;
                }
            }

            return null;
        }

        /// <summary>The statements from the label up to the try: where a counter check would sit.</summary>
        private static List<IOperation> RegionFrom(ILabeledOperation labeled, ITryOperation attempt)
        {
            var region = new List<IOperation>();
            if (attempt.Parent is IBlockOperation parent)
            {
                foreach (var statement in parent.Operations)
                {
                    if (statement.Syntax.SpanStart >= labeled.Syntax.SpanStart && statement.Syntax.SpanStart < attempt.Syntax.SpanStart)
                    {
                        region.Add(statement);
                    }
                }
            }

            return region;
        }

        /// <summary>
        /// <c>return Ask(prompt, retries - 1);</c> in a method that tests <c>retries</c>: a decreasing, checked counter.
        /// </summary>
        private static bool PassesCheckedCountdown(IInvocationOperation call, ITryOperation attempt)
        {
            var root = (IOperation)attempt;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            foreach (var argument in call.Arguments)
            {
                var value = argument.Value;
                IParameterSymbol? counted = null;
                switch (value)
                {
                    case IBinaryOperation binary when binary.OperatorKind == BinaryOperatorKind.Subtract || binary.OperatorKind == BinaryOperatorKind.Add:
                        counted = (binary.LeftOperand as IParameterReferenceOperation)?.Parameter;
                        break;
                    case IIncrementOrDecrementOperation step:
                        counted = (step.Target as IParameterReferenceOperation)?.Parameter;
                        break;
                }

                if (counted == null)
                {
                    continue;
                }

                foreach (var operation in root.Descendants())
                {
                    if (operation is IBinaryOperation comparison && IsComparison(comparison.OperatorKind))
                    {
                        foreach (var side in comparison.Descendants())
                        {
                            if (side is IParameterReferenceOperation reference && SymbolEqualityComparer.Default.Equals(reference.Parameter, counted))
                            {
                                return true;
                            }
                        }
                    }
                }
            }

            return false;
        }

        private static bool IsComparison(BinaryOperatorKind kind)
            => kind == BinaryOperatorKind.LessThan || kind == BinaryOperatorKind.LessThanOrEqual
               || kind == BinaryOperatorKind.GreaterThan || kind == BinaryOperatorKind.GreaterThanOrEqual
               || kind == BinaryOperatorKind.Equals || kind == BinaryOperatorKind.NotEquals;

        private static ISymbol? SymbolOf(IOperation operation)
        {
            switch (operation)
            {
                case ILocalReferenceOperation local:
                    return local.Local;
                case IParameterReferenceOperation parameter:
                    return parameter.Parameter;
                case IFieldReferenceOperation field:
                    return field.Field;
                case IPropertyReferenceOperation property when property.Arguments.Length == 0:
                    return property.Property;
                default:
                    return null;
            }
        }
    }
}
