using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DeepSeek.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// One test of a rule (and its fix) against net10.0 and the real SDK assemblies. Options are one line:
    /// <c>.WithOptions("deepseek_analyzers.target_model = x")</c>; DeepSeek.Runtime is <c>.WithRuntime()</c>.
    /// Every code-fix test also checks Fix All at document, project and solution scope (the library's default).
    /// </summary>
    public sealed class DeepSeekTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public DeepSeekTest()
        {
            ReferenceAssemblies = new ReferenceAssemblies("net10.0");
            TestState.AdditionalReferences.AddRange(TestReferences.Framework);
            TestState.AdditionalReferences.AddRange(TestReferences.Sdks);
            SolutionTransforms.Add((solution, projectId) =>
            {
                var project = solution.GetProject(projectId)!;
                var options = ((CSharpCompilationOptions)project.CompilationOptions!)
                    .WithNullableContextOptions(NullableContextOptions.Enable)
                    .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic>
                    {
                        // Experimental SDK APIs that real DeepSeek code uses on purpose.
                        ["SCME0001"] = ReportDiagnostic.Suppress,
                        ["OPENAI001"] = ReportDiagnostic.Suppress,
                        ["SKEXP0001"] = ReportDiagnostic.Suppress,
                        ["SKEXP0010"] = ReportDiagnostic.Suppress,
                        ["MEAI001"] = ReportDiagnostic.Suppress,
                    });
                return solution.WithProjectCompilationOptions(projectId, options)
                    .WithProjectParseOptions(projectId, new CSharpParseOptions(LanguageVersion.Preview));
            });
        }

        /// <summary>Adds .editorconfig lines (e.g. <c>deepseek_analyzers.target_model = deepseek-v4-pro</c>) for every file.</summary>
        public DeepSeekTest<TAnalyzer, TCodeFix> WithOptions(params string[] lines)
        {
            var text = "root = true\n\n[*]\n" + string.Join("\n", lines) + "\n";
            TestState.AnalyzerConfigFiles.Add(("/.editorconfig", text));
            FixedState.AnalyzerConfigFiles.Add(("/.editorconfig", text));
            return this;
        }

        private readonly System.Collections.Generic.List<string> _buildProperties = new System.Collections.Generic.List<string>();

        /// <summary>
        /// Sets an MSBuild property the compiler sees (<c>build_property.&lt;name&gt;</c> in the global config), as the
        /// package's props make <c>UsingMicrosoftNETSdkBlazorWebAssembly</c> and <c>TargetPlatformIdentifier</c> visible.
        /// </summary>
        public DeepSeekTest<TAnalyzer, TCodeFix> WithBuildProperty(string name, string value)
        {
            _buildProperties.Add("build_property." + name + " = " + value);
            var text = "is_global = true\n" + string.Join("\n", _buildProperties) + "\n";
            TestState.AnalyzerConfigFiles.RemoveAll(file => file.filename == "/.globalconfig");
            FixedState.AnalyzerConfigFiles.RemoveAll(file => file.filename == "/.globalconfig");
            TestState.AnalyzerConfigFiles.Add(("/.globalconfig", text));
            FixedState.AnalyzerConfigFiles.Add(("/.globalconfig", text));
            return this;
        }

        /// <summary>References DeepSeek.Runtime, so fixes target its API.</summary>
        public DeepSeekTest<TAnalyzer, TCodeFix> WithRuntime()
        {
            TestState.AdditionalReferences.Add(TestReferences.Runtime);
            return this;
        }

        /// <summary>Compiles as an application (top-level statements).</summary>
        public DeepSeekTest<TAnalyzer, TCodeFix> AsApplication()
        {
            TestState.OutputKind = OutputKind.ConsoleApplication;
            return this;
        }

        public new Task RunAsync(CancellationToken cancellationToken = default) => base.RunAsync(cancellationToken);
    }

    /// <summary>Shorthands in the style of the SDK's own analyzer tests (<c>VerifyCS</c>).</summary>
    public static class Verify<TAnalyzer, TCodeFix>
        where TAnalyzer : DiagnosticAnalyzer, new()
        where TCodeFix : CodeFixProvider, new()
    {
        public static DiagnosticResult Diagnostic(string id) => new DiagnosticResult(id, DiagnosticSeverity.Warning)
            .WithSeverity(GetSeverity(id));

        public static DeepSeekTest<TAnalyzer, TCodeFix> Test(string source, string? fixedSource = null, params DiagnosticResult[] expected)
        {
            var test = new DeepSeekTest<TAnalyzer, TCodeFix> { TestCode = source };
            if (fixedSource != null)
            {
                test.FixedCode = fixedSource;
            }

            test.ExpectedDiagnostics.AddRange(expected);
            return test;
        }

        public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected) => Test(source, null, expected).RunAsync();

        public static Task CodeFixAsync(string source, string fixedSource, params DiagnosticResult[] expected)
            => Test(source, fixedSource, expected).RunAsync();

        private static DiagnosticSeverity GetSeverity(string id)
        {
            foreach (var descriptor in new TAnalyzer().SupportedDiagnostics)
            {
                if (descriptor.Id == id)
                {
                    return descriptor.DefaultSeverity;
                }
            }

            return DiagnosticSeverity.Warning;
        }
    }
}
