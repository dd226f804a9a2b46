using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The model-id fixes in appsettings*.json (additional documents): the JSON string value the diagnostic spans, quotes
    /// included, becomes the replacement the analyzer chose. Only the id changes; the thinking mode is the code's business.
    /// </summary>
    internal static class AppSettingsFix
    {
        /// <summary>True for a diagnostic of a model id in an appsettings file.</summary>
        public static bool IsAppSettingsFinding(Diagnostic diagnostic)
            => diagnostic.Properties.TryGetValue(ModelIdDiagnostic.ShapeProperty, out var shape) && shape == ModelIdDiagnostic.AppSettingsShape
                && diagnostic.Properties.TryGetValue(ModelIdDiagnostic.ReplacementProperty, out var replacement) && replacement != null;

        /// <summary>The solution with every finding's value replaced in <paramref name="document"/>; stale spans are skipped.</summary>
        public static async Task<Solution> FixAsync(TextDocument document, IEnumerable<Diagnostic> diagnostics, CancellationToken cancellationToken)
        {
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var changes = new List<TextChange>();
            var end = -1;
            foreach (var diagnostic in diagnostics.Where(IsAppSettingsFinding).OrderBy(d => d.Location.SourceSpan.Start))
            {
                var span = diagnostic.Location.SourceSpan;
                if (span.Start < end || span.End > text.Length || span.Length < 2 || text[span.Start] != '"' || text[span.End - 1] != '"')
                {
                    continue;
                }

                changes.Add(new TextChange(span, "\"" + diagnostic.Properties[ModelIdDiagnostic.ReplacementProperty] + "\""));
                end = span.End;
            }

            return changes.Count == 0
                ? document.Project.Solution
                : document.Project.Solution.WithAdditionalDocumentText(document.Id, text.WithChanges(changes));
        }

        /// <summary>The additional document a diagnostic is located in, or null.</summary>
        public static TextDocument? DocumentOf(Project project, Diagnostic diagnostic)
        {
            if (diagnostic.Location.Kind != LocationKind.ExternalFile)
            {
                return null;
            }

            var path = diagnostic.Location.GetLineSpan().Path;
            return project.AdditionalDocuments.FirstOrDefault(d => string.Equals(d.FilePath, path, StringComparison.OrdinalIgnoreCase));
        }
    }

    /// <summary>
    /// Fix All of the model-id fixes: the batch fixer for code, then the appsettings findings of the projects in scope. A Fix
    /// All started in one appsettings file (document scope) fixes nothing in JSON: Roslyn 4.8's <see cref="FixAllContext"/>
    /// names only source documents, so the file is not known; project and solution scope fix every appsettings file.
    /// </summary>
    internal sealed class ModelIdFixAllProvider : FixAllProvider
    {
        public static readonly ModelIdFixAllProvider Instance = new ModelIdFixAllProvider();

        public override IEnumerable<FixAllScope> GetSupportedFixAllScopes()
            => ImmutableArray.Create(FixAllScope.Document, FixAllScope.Project, FixAllScope.Solution);

        public override async Task<CodeAction?> GetFixAsync(FixAllContext fixAllContext)
        {
            var cancellationToken = fixAllContext.CancellationToken;
            var solution = fixAllContext.Solution;
            // FixAllContext.Document is typed Document: a document-scope Fix All without one names no C# file to batch-fix.
            var batch = fixAllContext.Scope == FixAllScope.Document && fixAllContext.Document == null
                ? null
                : await WellKnownFixAllProviders.BatchFixer.GetFixAsync(fixAllContext).ConfigureAwait(false);
            if (batch != null)
            {
                foreach (var operation in await batch.GetOperationsAsync(cancellationToken).ConfigureAwait(false))
                {
                    if (operation is ApplyChangesOperation apply)
                    {
                        solution = apply.ChangedSolution;
                    }
                }
            }

            IEnumerable<Project> projects = fixAllContext.Scope switch
            {
                FixAllScope.Project => new[] { fixAllContext.Project },
                FixAllScope.Solution => fixAllContext.Solution.Projects,
                _ => Array.Empty<Project>(),
            };
            foreach (var project in projects)
            {
                var diagnostics = await fixAllContext.GetAllDiagnosticsAsync(project).ConfigureAwait(false);
                foreach (var group in diagnostics.Where(AppSettingsFix.IsAppSettingsFinding).GroupBy(d => AppSettingsFix.DocumentOf(project, d)))
                {
                    var document = group.Key == null ? null : solution.GetAdditionalDocument(group.Key.Id);
                    if (document != null)
                    {
                        solution = await AppSettingsFix.FixAsync(document, group, cancellationToken).ConfigureAwait(false);
                    }
                }
            }

            return solution == fixAllContext.Solution
                ? null
                : CodeAction.Create(fixAllContext.CodeActionEquivalenceKey ?? "FixAll", _ => Task.FromResult(solution), fixAllContext.CodeActionEquivalenceKey);
        }
    }
}
