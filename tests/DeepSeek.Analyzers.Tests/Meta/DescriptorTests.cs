using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>What every rule must have: a docs page its help link points at, a release-tracking row, a README row, tests.</summary>
    public class DescriptorTests
    {
        [Fact]
        public void Inventory_is_not_empty()
        {
            Assert.NotEmpty(RuleInventory.Analyzers);
            Assert.NotEmpty(RuleInventory.CodeFixes);
            Assert.Contains(RuleInventory.Descriptors, d => d.Id == RuleIdentifiers.RetiredModelAlias);
        }

        [Theory]
        [MemberData(nameof(RuleInventory.DescriptorIds), MemberType = typeof(RuleInventory))]
        public void Id_is_well_formed_and_descriptor_is_complete(string id)
        {
            var descriptor = RuleInventory.Descriptor(id);
            Assert.Matches(new Regex("^DSK[0-9]{3}$"), id);
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Title.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
            Assert.False(string.IsNullOrWhiteSpace(descriptor.Description.ToString()));
            Assert.True(descriptor.IsEnabledByDefault);
            var categories = typeof(RuleCategories).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string)f.GetValue(null)!);
            Assert.Contains(descriptor.Category, categories);
        }

        [Theory]
        [MemberData(nameof(RuleInventory.DescriptorIds), MemberType = typeof(RuleInventory))]
        public void Help_link_points_at_the_rules_docs_page_which_exists(string id)
        {
            var descriptor = RuleInventory.Descriptor(id);
            Assert.Equal(RuleIdentifiers.HelpLinkBase + id + ".md", descriptor.HelpLinkUri);
            Assert.EndsWith("/docs/rules/" + id + ".md", descriptor.HelpLinkUri, StringComparison.Ordinal);
            var page = RuleInventory.ReadRepositoryFile(Path.Combine("docs", "rules", id + ".md"));
            Assert.StartsWith("# " + id + ": " + descriptor.Title, page, StringComparison.Ordinal);
            Assert.Contains("| Default severity | " + descriptor.DefaultSeverity + " |", page, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RuleInventory.DescriptorIds), MemberType = typeof(RuleInventory))]
        public void Is_listed_in_analyzer_releases_with_its_category_and_severity(string id)
        {
            var descriptor = RuleInventory.Descriptor(id);
            var releases = RuleInventory.ReadRepositoryFile("AnalyzerReleases.Shipped.md") + "\n"
                + RuleInventory.ReadRepositoryFile("AnalyzerReleases.Unshipped.md");
            var row = new Regex(@"^\s*" + id + @"\s*\|\s*" + descriptor.Category + @"\s*\|\s*" + descriptor.DefaultSeverity + @"\s*\|", RegexOptions.Multiline);
            Assert.Matches(row, releases);
        }

        [Theory]
        [MemberData(nameof(RuleInventory.DescriptorIds), MemberType = typeof(RuleInventory))]
        public void Is_listed_in_the_readme_rules_table(string id)
        {
            var descriptor = RuleInventory.Descriptor(id);
            var readme = RuleInventory.ReadRepositoryFile("README.md");
            var hasFix = RuleInventory.CodeFixes.Any(f => f.FixableDiagnosticIds.Contains(id)) ? "Yes" : "No";
            var row = "| " + id + " | " + descriptor.Title + " | " + descriptor.DefaultSeverity + " | " + hasFix + " | [" + id + "](docs/rules/" + id + ".md) |";
            Assert.Contains(row, readme, StringComparison.Ordinal);
        }

        [Theory]
        [MemberData(nameof(RuleInventory.DescriptorIds), MemberType = typeof(RuleInventory))]
        public void Has_tests(string id)
        {
            var testClasses = typeof(DescriptorTests).Assembly.GetTypes()
                .Where(t => t.Name.StartsWith(id, StringComparison.Ordinal) && t.Name.EndsWith("Tests", StringComparison.Ordinal));
            var tests = testClasses.SelectMany(t => t.GetMethods())
                .Count(m => m.GetCustomAttributes<FactAttribute>(inherit: true).Any());
            Assert.True(tests >= 3, $"{id} has {tests} tests; every rule needs positive, negative and option tests.");
        }

        [Theory]
        [MemberData(nameof(RuleInventory.AnalyzerNames), MemberType = typeof(RuleInventory))]
        public void Analyzer_file_and_type_start_with_its_rule_id(string analyzerName)
        {
            var analyzer = RuleInventory.Analyzers.Single(a => a.GetType().Name == analyzerName);
            var primary = analyzer.SupportedDiagnostics.First().Id;
            Assert.StartsWith(primary, analyzerName, StringComparison.Ordinal);
            Assert.True(
                File.Exists(Path.Combine(RuleInventory.RepositoryRoot, "src", "DeepSeek.Analyzers.CSharp", "Rules", analyzerName + ".cs")),
                $"{analyzerName} should live in src/DeepSeek.Analyzers.CSharp/Rules/{analyzerName}.cs");
        }

        [Fact]
        public void Every_code_fix_sits_beside_its_rule_and_supports_fix_all()
        {
            foreach (var fix in RuleInventory.CodeFixes)
            {
                var name = fix.GetType().Name;
                foreach (var id in fix.FixableDiagnosticIds)
                {
                    Assert.Contains(RuleInventory.Descriptors, d => d.Id == id);
                }

                var analyzerName = name.Replace("CodeFixProvider", "Analyzer", StringComparison.Ordinal);
                Assert.Contains(RuleInventory.Analyzers, a => a.GetType().Name == analyzerName);
                Assert.True(
                    File.Exists(Path.Combine(RuleInventory.RepositoryRoot, "src", "DeepSeek.Analyzers.CodeFixes", "Rules", name + ".cs")),
                    $"{name} should live in src/DeepSeek.Analyzers.CodeFixes/Rules/{name}.cs");
                Assert.NotNull(fix.GetFixAllProvider());
                var key = fix.GetType().GetField("EquivalenceKey", BindingFlags.Public | BindingFlags.Static);
                Assert.True(key != null && key.IsLiteral, $"{name} should expose its equivalence key as a constant");
            }
        }

        [Theory]
        [MemberData(nameof(RuleInventory.AnalyzerNames), MemberType = typeof(RuleInventory))]
        public async Task Analyzer_runs_clean_on_empty_and_trivial_source(string analyzerName)
        {
            var analyzer = RuleInventory.Analyzers.Single(a => a.GetType().Name == analyzerName);
            foreach (var source in new[] { string.Empty, "class C { }", "namespace N; public record R(string Model);" })
            {
                var compilation = CSharpCompilation.Create(
                    "Empty",
                    new[] { CSharpSyntaxTree.ParseText(source) },
                    TestReferences.Framework.AddRange(TestReferences.Sdks),
                    new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                Exception? thrown = null;
                var options = new CompilationWithAnalyzersOptions(
                    new AnalyzerOptions(default),
                    (ex, _, _) => thrown = ex,
                    concurrentAnalysis: false,
                    logAnalyzerExecutionTime: false);
                var diagnostics = await compilation.WithAnalyzers(ImmutableArrayOf(analyzer), options).GetAnalyzerDiagnosticsAsync();
                Assert.Null(thrown);
                Assert.Empty(diagnostics);
            }
        }

        private static System.Collections.Immutable.ImmutableArray<DiagnosticAnalyzer> ImmutableArrayOf(DiagnosticAnalyzer analyzer)
            => System.Collections.Immutable.ImmutableArray.Create(analyzer);
    }
}
