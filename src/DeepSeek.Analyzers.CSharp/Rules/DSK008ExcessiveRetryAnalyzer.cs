using System.Collections.Immutable;
using System.Globalization;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK008: on DeepSeek-bound code, a retry count above <c>deepseek_analyzers.max_retries</c>, retries without a delay
    /// or at a constant pace, or an app-level retry stacked on an OpenAI SDK client that still retries by itself. One
    /// finding per construct, in that order; an unbounded construct is DSK007's alone. Defaults are not reported (the
    /// SDK's own 3 retries, a resilience handler's default count): only what the code writes.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK008ExcessiveRetryAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Which rewrite the fix applies: a <see cref="RetryForm"/> name; absent when there is no fix (a stacked retry).</summary>
        public const string FormProperty = "Form";

        /// <summary>The count the fix writes: the code's count, lowered to <c>deepseek_analyzers.max_retries</c>.</summary>
        public const string MaxRetriesProperty = "MaxRetries";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK008_ExcessiveRetry);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            // A finite retry is DSK008's only with DeepSeek evidence, and a construct only where the file spells "Retry".
            // A hand-written retry is only ever DSK008's as a retry stacked on the OpenAI SDK's own.
            var constructs = deepSeek.Types.ReferencesRetryLibrary;
            var loops = deepSeek.Types.OpenAIClientOptions != null;
            if (!constructs && !loops)
            {
                return;
            }

            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file =>
            {
                var tree = file.Tree;
                if (constructs && deepSeek.Gate.MayNameRetry(tree, file.CancellationToken))
                {
                    RetryConstructs.RegisterActions(file, deepSeek.Types, (c, construct) => AnalyzeConstruct(c, deepSeek, construct));
                }

                if (loops)
                {
                    RetryLoops.RegisterActions(file, (c, retry) => AnalyzeLoop(c, deepSeek, retry));
                }
            });
        }

        private static void AnalyzeConstruct(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RetryConstruct construct)
        {
            if (construct.IsUnbounded)
            {
                return;
            }

            var options = deepSeek.Options.Get(construct.Operation.Syntax.SyntaxTree);
            var cap = options.MaxRetries;
            var aboveCap = construct.Count > cap;
            var stacked = !aboveCap && construct.Form == RetryForm.PollyPolicy && ExecutesSelfRetryingClient(construct.Operation, deepSeek, context);
            if (!aboveCap && !stacked && !construct.NoDelay && !construct.ConstantDelay)
            {
                return;
            }

            if (!IsDeepSeekSite(context, deepSeek, construct.Operation, options))
            {
                return;
            }

            string message;
            if (aboveCap)
            {
                message = string.Format(
                    CultureInfo.InvariantCulture,
                    "{0} retries exceed the cap of {1} (deepseek_analyzers.max_retries): every retry of a DeepSeek call is billed; retry at most {1} times",
                    construct.Count,
                    cap);
            }
            else if (stacked)
            {
                message = StackedMessage(construct.Count);
            }
            else if (construct.NoDelay)
            {
                message = "'" + construct.Name + "' retries at once, without a delay, into the rate limit or outage that failed the call; back off exponentially";
            }
            else
            {
                message = "A constant delay retries at a fixed pace into the rate limit or outage that failed the call; back off exponentially";
            }

            // A count within the cap whose only fault is the delay keeps its count.
            var target = construct.Count == null || aboveCap ? cap : construct.Count.Value;
            Report(context, construct.Operation.Syntax.GetLocation(), stacked ? null : construct.Form.ToString(), target, message);
        }

        private static void AnalyzeLoop(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RetryLoop retry)
        {
            // An unbounded one is DSK007's.
            if (!retry.Bounded)
            {
                return;
            }

            var client = SdkRetryPolicies.FindSelfRetryingClient(retry.Attempt.Body, deepSeek.Types, context.CancellationToken);
            if (client != null && IsDeepSeekClient(context, deepSeek, client))
            {
                Report(context, retry.Location, form: null, deepSeek.Options.Get(retry.Attempt.Syntax.SyntaxTree).MaxRetries, StackedMessage(count: null));
            }
        }

        /// <summary><c>policy.ExecuteAsync(() =&gt; chat.CompleteChatAsync(…))</c>, on the policy built here or a local holding it.</summary>
        private static bool ExecutesSelfRetryingClient(IOperation policy, DeepSeekCompilationContext deepSeek, GatedOperationContext context)
        {
            foreach (var execute in RetrySites.ExecutionsOf(policy, context.CancellationToken))
            {
                foreach (var argument in execute.Arguments)
                {
                    var client = SdkRetryPolicies.FindSelfRetryingClient(argument.Value, deepSeek.Types, context.CancellationToken);
                    if (client != null && IsDeepSeekClient(context, deepSeek, client))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        /// <summary>The evidence question for a retry construct: its registration, the options it is set on, or the code around it.</summary>
        private static bool IsDeepSeekSite(GatedOperationContext context, DeepSeekCompilationContext deepSeek, IOperation construct, DeepSeekOptions options)
            => IsDeepSeek(context, deepSeek, construct, options, asClient: false);

        /// <summary>The evidence question for the client a retry calls.</summary>
        private static bool IsDeepSeekClient(GatedOperationContext context, DeepSeekCompilationContext deepSeek, IOperation client)
            => IsDeepSeek(context, deepSeek, client, deepSeek.Options.Get(client.Syntax.SyntaxTree), asClient: true);

        /// <summary>Every evidence question of this rule goes through here.</summary>
        private static bool IsDeepSeek(GatedOperationContext context, DeepSeekCompilationContext deepSeek, IOperation operation, DeepSeekOptions options, bool asClient)
        {
            if (!deepSeek.Gate.MayHoldEvidence(operation, context.CancellationToken))
            {
                return false;
            }

            if (asClient)
            {
                return deepSeek.Evidence.IsDeepSeekBound(operation, options, context.CancellationToken);
            }

            switch (RetrySites.BindingOfConstruct(operation, deepSeek.Evidence, deepSeek.Types, context.CancellationToken))
            {
                case DeepSeekBinding.Bound:
                    return true;
                case DeepSeekBinding.OtherHost:
                    return false;
                default:
                    return RetrySites.IsOpenAICompatibleSite(operation, deepSeek.Evidence, deepSeek.Types, options, context.CancellationToken);
            }
        }

        private static string StackedMessage(int? count)
            => count == null
                ? "This retry is stacked on the OpenAI SDK's own 3 retries, so every attempt can be 4 calls; set RetryPolicy = new ClientRetryPolicy(0) on the client's options, or drop this retry"
                : string.Format(
                    CultureInfo.InvariantCulture,
                    "This retry is stacked on the OpenAI SDK's own 3 retries: {0} attempts x 4 calls = {1} calls; set RetryPolicy = new ClientRetryPolicy(0) on the client's options, or drop this retry",
                    count.Value + 1,
                    (count.Value + 1) * 4);

        private static void Report(GatedOperationContext context, Location location, string? form, int target, string message)
        {
            var properties = ImmutableDictionary<string, string?>.Empty.Add(MaxRetriesProperty, target.ToString(CultureInfo.InvariantCulture));
            if (form != null)
            {
                properties = properties.Add(FormProperty, form);
            }

            context.ReportDiagnostic(Diagnostic.Create(Descriptors.DSK008_ExcessiveRetry, location, properties, message));
        }
    }
}
