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
                if (changes == null || changes.Count == 0)
                {
                    continue;
                }

                context.RegisterCodeFix(
                    CodeAction.Create(
                        $"Send max_tokens = {maxTokens}",
                        ct => MaxTokensFix.ApplyAsync(document, changes, ct),
                        EquivalenceKey),
                    diagnostic);
            }
        }

        private static async Task<Document?> FixDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
        {
            var pending = diagnostics.OrderBy(d => d.Location.SourceSpan.Start).ToList();
            var spans = pending.Select(d => d.Location.SourceSpan).ToList();
            for (var i = 0; i < pending.Count; i++)
            {
                if (!TryRead(pending[i], out var shape, out var maxTokens))
                {
                    continue;
                }

                var changes = await MaxTokensFix.ChangesAsync(document, spans[i], shape, maxTokens, context.CancellationToken).ConfigureAwait(false);
                if (changes == null || changes.Count == 0)
                {
                    continue;
                }

                document = await MaxTokensFix.ApplyAsync(document, changes, context.CancellationToken).ConfigureAwait(false);

                // Each change moves the findings after it; the same order as fixing them one by one names new locals alike.
                for (var j = i + 1; j < spans.Count; j++)
                {
                    var start = MaxTokensFix.Map(spans[j].Start, changes);
                    spans[j] = new TextSpan(start, MaxTokensFix.Map(spans[j].End, changes) - start);
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
