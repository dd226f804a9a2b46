using System.Collections.Immutable;
using System.Globalization;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK007: a retry that never stops. Polly's <c>…Forever</c> policies, a count of <c>int.MaxValue</c> (Polly v7 and v8,
    /// Http.Resilience, <c>ClientRetryPolicy</c>) are reported everywhere: unbounded is never right for a paid API.
    /// Hand-written retries (loops, goto, recursion from a catch) are reported only where they retry a DeepSeek call.
    /// A construct that is unbounded gets DSK007 only, never DSK008 as well.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK007UnboundedRetryAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Which rewrite the fix applies (a <see cref="RetryForm"/> name, or a <see cref="RetryLoopKind"/> name).</summary>
        public const string FormProperty = "Form";

        /// <summary>The bound the fix writes: <c>deepseek_analyzers.max_retries</c>.</summary>
        public const string MaxRetriesProperty = "MaxRetries";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK007_UnboundedRetry);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            // Unbounded retry constructs are reported everywhere, but only a file that names a retry API and "Forever" or
            // int.MaxValue can hold one (in DeepSeek code, any file naming a retry API is read: its bound may be a constant
            // declared elsewhere); hand-written retries count only with DeepSeek evidence, so files the gate closes are not
            // walked for them.
            var constructs = deepSeek.Types.ReferencesRetryLibrary;
            GatedFiles.Register(
                context,
                (tree, cancellationToken) => (constructs && deepSeek.Gate.MayNameUnboundedRetry(tree, cancellationToken)) || deepSeek.Gate.MayHoldEvidence(tree, cancellationToken),
                file =>
                {
                    var evidence = deepSeek.Gate.MayHoldEvidence(file.Tree, file.CancellationToken);
                    if (constructs && (evidence ? deepSeek.Gate.MayNameRetry(file.Tree, file.CancellationToken) : deepSeek.Gate.MayNameUnboundedRetry(file.Tree, file.CancellationToken)))
                    {
                        RetryConstructs.RegisterActions(file, deepSeek.Types, (c, construct) => AnalyzeConstruct(c, deepSeek, construct));
                    }

                    if (evidence)
                    {
                        RetryLoops.RegisterActions(file, (c, retry) => AnalyzeRetry(c, deepSeek, retry));
                        file.RegisterOperationAction(c => AnalyzeRecursion(c, deepSeek), OperationKind.Try);
                    }
                });
        }

        private static void AnalyzeConstruct(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RetryConstruct construct)
        {
            if (!construct.IsUnbounded)
            {
                return;
            }

            var options = deepSeek.Options.Get(construct.Operation.Syntax.SyntaxTree);
            var name = construct.Form == RetryForm.StrategyAssignment || construct.Form == RetryForm.StrategyOptions
                ? "MaxRetryAttempts = int.MaxValue"
                : "'" + construct.Name + "'";
            Report(context, construct.Operation.Syntax.GetLocation(), construct.Form.ToString(), name, options);
        }

        private static void AnalyzeRecursion(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var attempt = (ITryOperation)context.Operation;
            if (!attempt.Catches.IsEmpty && context.ContainingSymbol is IMethodSymbol method)
            {
                AnalyzeRetry(context, deepSeek, RetryLoops.FromRecursion(attempt, method));
            }
        }

        private static void AnalyzeRetry(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RetryLoop? retry)
        {
            if (retry != null && !retry.Bounded && RetriesDeepSeek(context, deepSeek, retry))
            {
                var subject = retry.Kind == RetryLoopKind.Loop ? "This loop"
                    : retry.Kind == RetryLoopKind.Goto ? "This goto retry"
                    : "This recursive retry";
                Report(context, retry.Location, retry.Kind.ToString(), subject, deepSeek.Options.Get(retry.Attempt.Syntax.SyntaxTree));
            }
        }

        /// <summary>The one evidence question of this rule: does the retried code call a DeepSeek-bound client?</summary>
        private static bool RetriesDeepSeek(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RetryLoop retry)
            => RetrySites.CallsDeepSeek(
                retry.Attempt.Body,
                deepSeek.Evidence,
                deepSeek.Types,
                deepSeek.Options.Get(retry.Attempt.Syntax.SyntaxTree),
                context.CancellationToken);

        private static void Report(GatedOperationContext context, Location location, string form, string subject, DeepSeekOptions options)
            => context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK007_UnboundedRetry,
                location,
                ImmutableDictionary<string, string?>.Empty
                    .Add(FormProperty, form)
                    .Add(MaxRetriesProperty, options.MaxRetries.ToString(CultureInfo.InvariantCulture)),
                subject,
                options.MaxRetries));
    }
}
