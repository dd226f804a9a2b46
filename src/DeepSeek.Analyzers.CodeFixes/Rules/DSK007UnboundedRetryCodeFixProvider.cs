using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK007 fix: a bounded retry with exponential backoff, count = <c>deepseek_analyzers.max_retries</c>, in the shape of the
    /// API already used (Polly v7 <c>WaitAndRetry(n, attempt =&gt; 2^attempt s)</c>, v8 <c>MaxRetryAttempts = n, BackoffType =
    /// Exponential, UseJitter = true</c>, <c>ClientRetryPolicy(n)</c>), and for loops <c>DeepSeekRetry.ExecuteAsync</c> (with
    /// DeepSeek.Runtime) or an attempt counter that rethrows on the last attempt. Not offered where the rewrite could change
    /// more than the bound and the delay (a retry callback no bounded overload takes, a goto or recursive retry).
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK007UnboundedRetryCodeFixProvider))]
    [Shared]
    public sealed class DSK007UnboundedRetryCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK007_BoundRetry";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.UnboundedRetry);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DSK007UnboundedRetryAnalyzer.FormProperty, out var form)
                    || !RetryFix.TryGetCount(diagnostic, DSK007UnboundedRetryAnalyzer.MaxRetriesProperty, out var count))
                {
                    continue;
                }

                var span = diagnostic.Location.SourceSpan;
                var document = context.Document;
                var isLoop = form == nameof(RetryLoopKind.Loop);
                var retryForm = RetryForm.PollyPolicy;
                if (!isLoop && !Enum.TryParse(form, out retryForm))
                {
                    continue;
                }

                var model = await document.GetSemanticModelAsync(context.CancellationToken).ConfigureAwait(false);
                var runtime = model?.Compilation.GetTypeByMetadataName(MetadataNames.RuntimeRetry) != null;
                Task<Document?> Apply(CancellationToken ct) => isLoop
                    ? RetryLoopFix.FixAsync(document, span, count, runtime, ct)
                    : RetryFix.FixConstructAsync(document, span, retryForm, count, ct);

                // Offered only where a safe rewrite exists.
                if (await Apply(context.CancellationToken).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        isLoop ? $"Retry at most {count} times" : $"Retry at most {count} times with exponential backoff",
                        async ct => await Apply(ct).ConfigureAwait(false) ?? document,
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
