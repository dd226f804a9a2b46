using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK006 fix: sends <c>max_tokens</c> (value: <c>deepseek_analyzers.default_max_tokens</c>, or the literal the options
    /// already give <c>MaxOutputTokenCount</c>) in the request's own shape — a member of the anonymous, dictionary,
    /// <c>JsonObject</c> or JSON-text body, or <c>options.Patch.Set("$.max_tokens"u8, n)</c> for an OpenAI chat call.
    /// Fix All applies the findings of a document one after the other, in source order, so new option locals get distinct
    /// names and shared options get one line.
    /// </summary>
    [ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(DSK006MissingMaxTokensCodeFixProvider))]
    [Shared]
    public sealed class DSK006MissingMaxTokensCodeFixProvider : CodeFixProvider
    {
        public const string EquivalenceKey = "DSK006_SendMaxTokens";

        /// <summary>The second fix, where DeepSeek.Runtime is referenced: its policy on the client's options.</summary>
        public const string RuntimeEquivalenceKey = "DSK006_UseDeepSeekPolicy";

        public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(RuleIdentifiers.MissingMaxTokens);

        public override FixAllProvider GetFixAllProvider() => FixAllProvider.Create(FixDocumentAsync);

        public override async Task RegisterCodeFixesAsync(CodeFixContext context)
        {
            foreach (var diagnostic in context.Diagnostics)
            {
                if (!TryRead(diagnostic, out var shape, out var maxTokens))
                {
                    continue;
                }

                var document = context.Document;
                var span = diagnostic.Location.SourceSpan;
                var changes = await MaxTokensFix.ChangesAsync(document, span, shape, maxTokens, context.CancellationToken).ConfigureAwait(false);
                if (changes != null && changes.Count > 0)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            $"Send max_tokens = {maxTokens}",
                            ct => MaxTokensFix.ApplyAsync(document, changes, ct),
                            EquivalenceKey),
                        diagnostic);
                }

                var runtime = diagnostic.AdditionalLocations.Count == 1
                    ? await MaxTokensFix.RuntimeChangesAsync(document, diagnostic.AdditionalLocations[0].SourceSpan, maxTokens, context.CancellationToken).ConfigureAwait(false)
                    : null;
                if (runtime != null && runtime.Count > 0)
                {
                    context.RegisterCodeFix(
                        CodeAction.Create(
                            "Attach DeepSeek.Runtime's request policy to the client (UseDeepSeek)",
                            ct => MaxTokensFix.ApplyAsync(document, runtime, ct),
                            RuntimeEquivalenceKey),
                        diagnostic);
                }
            }
        }

        private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var runtime = context.CodeActionEquivalenceKey == RuntimeEquivalenceKey;
            var pending = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();

            // The runtime fix edits the client's options (the additional location), the other one the finding itself.
            var spans = pending.Select(d => runtime ? (d.AdditionalLocations.Count == 1 ? d.AdditionalLocations[0].SourceSpan : default(TextSpan?)) : d.Location.SourceSpan).ToList();
            for (var i = 0; i < pending.Count; i++)
            {
                var span = spans[i];
                if (span == null || !TryRead(pending[i], out var shape, out var maxTokens))
                {
                    continue;
                }

                var changes = runtime
                    ? await MaxTokensFix.RuntimeChangesAsync(document, span.Value, maxTokens, context.CancellationToken).ConfigureAwait(false)
                    : await MaxTokensFix.ChangesAsync(document, span.Value, shape, maxTokens, context.CancellationToken).ConfigureAwait(false);
                if (changes == null || changes.Count == 0)
                {
                    continue;
                }

                document = await MaxTokensFix.ApplyAsync(document, changes, context.CancellationToken).ConfigureAwait(false);

                // Each change moves the findings after it; the same order as fixing them one by one names new locals alike.
                for (var j = i + 1; j < spans.Count; j++)
                {
                    if (spans[j] is TextSpan later)
                    {
                        var start = MaxTokensFix.Map(later.Start, changes);
                        spans[j] = new TextSpan(start, MaxTokensFix.Map(later.End, changes) - start);
                    }
                }
            }

            return document;
        }

        private static bool TryRead(Diagnostic diagnostic, out string shape, out int maxTokens)
        {
            maxTokens = 0;
            shape = string.Empty;
            return diagnostic.Properties.TryGetValue(DSK006MissingMaxTokensAnalyzer.ShapeProperty, out var s) && s != null
                   && diagnostic.Properties.TryGetValue(DSK006MissingMaxTokensAnalyzer.MaxTokensProperty, out var value)
                   && int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out maxTokens)
                   && (shape = s).Length > 0;
        }
    }
}
