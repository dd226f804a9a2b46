using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// Code-fix tests on appsettings*.json. Microsoft.CodeAnalysis.Testing only fixes diagnostics of source documents (it
    /// looks the document up by the diagnostic's syntax tree), so this drives the fixer as an IDE does for an additional
    /// document: a workspace project with the JSON as an additional document, the analyzer's diagnostics, a
    /// <see cref="CodeFixContext"/> on the <see cref="TextDocument"/>, and Fix All through a <see cref="FixAllContext"/>.
    /// </summary>
    internal static class AppSettingsFixes
    {
        public const string JsonPath = "/app/appsettings.json";
        private const string CodePath = "/app/Program.cs";

        /// <summary>Applies the fixer's first action to one JSON finding at a time until none is left; returns the file.</summary>
        public static async Task<string> FixEachAsync<TAnalyzer, TFix>(string json, string code = "class C { }", string? editorconfig = null)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TFix : CodeFixProvider, new()
        {
            var project = CreateProject(json, code, editorconfig);
            var fixer = new TFix();
            for (var round = 0; round < 20; round++)
            {
                var diagnostic = (await AnalyzeAsync(project, new TAnalyzer())).FirstOrDefault(d => d.Location.Kind == LocationKind.ExternalFile);
                if (diagnostic == null)
                {
                    return (await JsonOf(project).GetTextAsync()).ToString();
                }

                var actions = new List<CodeAction>();
                var context = new CodeFixContext(JsonOf(project), diagnostic, (action, _) => actions.Add(action), CancellationToken.None);
                await fixer.RegisterCodeFixesAsync(context);
                Assert.True(actions.Count > 0, $"no fix offered for {diagnostic}");
                project = (await ApplyAsync(actions[0])).GetProject(project.Id)!;
            }

            throw new InvalidOperationException("the fixes did not converge");
        }

        /// <summary>Fix All in the given scope from the first JSON finding; returns the JSON file and the code.</summary>
        public static async Task<(string Json, string Code)> FixAllAsync<TAnalyzer, TFix>(string json, string code, FixAllScope scope)
            where TAnalyzer : DiagnosticAnalyzer, new()
            where TFix : CodeFixProvider, new()
        {
            var project = CreateProject(json, code, editorconfig: null);
            var diagnostics = await AnalyzeAsync(project, new TAnalyzer());
            var fixer = new TFix();
            var first = diagnostics.First(d => d.Location.Kind == LocationKind.ExternalFile);
            string? key = null;
            await fixer.RegisterCodeFixesAsync(new CodeFixContext(JsonOf(project), first, (action, _) => key ??= action.EquivalenceKey, CancellationToken.None));
            var context = new FixAllContext(
                project, fixer, scope, key, fixer.FixableDiagnosticIds, new Provider(diagnostics), CancellationToken.None);
            var fix = await fixer.GetFixAllProvider()!.GetFixAsync(context);
            Assert.NotNull(fix);
            var fixedProject = (await ApplyAsync(fix!)).GetProject(project.Id)!;
            return ((await JsonOf(fixedProject).GetTextAsync()).ToString(), (await fixedProject.Documents.Single().GetTextAsync()).ToString());
        }

        private static Project CreateProject(string json, string code, string? editorconfig)
        {
            var workspace = new AdhocWorkspace();
            var project = workspace.AddProject(ProjectInfo.Create(
                ProjectId.CreateNewId(),
                VersionStamp.Default,
                "App",
                "App",
                LanguageNames.CSharp,
                filePath: "/app/App.csproj",
                compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary),
                metadataReferences: TestReferences.Framework.AddRange(TestReferences.Sdks)));
            project = project.AddDocument("Program.cs", SourceText.From(code), filePath: CodePath).Project;
            project = project.AddAdditionalDocument("appsettings.json", SourceText.From(json), filePath: JsonPath).Project;
            if (editorconfig != null)
            {
                project = project.AddAnalyzerConfigDocument(".editorconfig", SourceText.From("root = true\n\n" + editorconfig), filePath: "/app/.editorconfig").Project;
            }

            return project;
        }

        private static TextDocument JsonOf(Project project) => project.AdditionalDocuments.Single(d => d.FilePath == JsonPath);

        private static async Task<ImmutableArray<Diagnostic>> AnalyzeAsync(Project project, DiagnosticAnalyzer analyzer)
        {
            var compilation = await project.GetCompilationAsync();
            return await compilation!.WithAnalyzers(ImmutableArray.Create(analyzer), project.AnalyzerOptions).GetAnalyzerDiagnosticsAsync();
        }

        private static async Task<Solution> ApplyAsync(CodeAction action)
        {
            var operations = await action.GetOperationsAsync(CancellationToken.None);
            return operations.OfType<ApplyChangesOperation>().Single().ChangedSolution;
        }

        private sealed class Provider : FixAllContext.DiagnosticProvider
        {
            private readonly ImmutableArray<Diagnostic> _diagnostics;

            public Provider(ImmutableArray<Diagnostic> diagnostics) => _diagnostics = diagnostics;

            public override Task<IEnumerable<Diagnostic>> GetAllDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics);

            public override async Task<IEnumerable<Diagnostic>> GetDocumentDiagnosticsAsync(Document document, CancellationToken cancellationToken)
            {
                var tree = await document.GetSyntaxTreeAsync(cancellationToken);
                return _diagnostics.Where(d => d.Location.SourceTree == tree).ToList();
            }

            public override Task<IEnumerable<Diagnostic>> GetProjectDiagnosticsAsync(Project project, CancellationToken cancellationToken)
                => Task.FromResult<IEnumerable<Diagnostic>>(_diagnostics.Where(d => d.Location == Location.None).ToList());
        }
    }
}
