using System;
using System.Collections.Immutable;
using System.Composition;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK008 fix: the count lowered to <c>deepseek_analyzers.max_retries</c> and the delay made exponential, in the shape of the
    /// API already used. A retry stacked on the OpenAI SDK's own retries has no fix: which of the two to drop is a design choice.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK008ExcessiveRetryCodeFixProvider))]
    [Shared]
    public sealed class DSK008ExcessiveRetryCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK008_CapRetryWithBackoff";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.ExcessiveRetry);

        public override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!diagnostic.Properties.TryGetValue(DSK008ExcessiveRetryAnalyzer.FormProperty, out var formText)
                    || !Enum.TryParse<RetryForm>(formText, out var form)
                    || !RetryFix.TryGetCount(diagnostic, DSK008ExcessiveRetryAnalyzer.MaxRetriesProperty, out var count))
                {
                    continue;
                }

                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                if (await RetryFix.FixConstructAsync(document, span, form, count, context.CancellationToken).ConfigureAwait(false) == null)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Retry at most {count} times with exponential backoff",
                        async ct => await RetryFix.FixConstructAsync(document, span, form, count, ct).ConfigureAwait(false) ?? document,
                        EquivalenceKey),
                    diagnostic);
            }
        }
    }
}
