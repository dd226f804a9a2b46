using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>
    /// House rules the build cannot check: the SDK's IDE0130 (namespace matches folder) is not reported by
    /// command-line builds (dotnet/sdk#39742), so it is checked here for every source file of the shipped projects.
    /// </summary>
    public class HouseStyleTests
    {
        private static readonly Regex NamespaceDeclaration = new Regex(@"^\s*namespace\s+([A-Za-z0-9_.]+)", RegexOptions.Multiline);

        // Project folder → root namespace (as in each .csproj). src/Shared is linked into two assemblies under its own namespace.
        private static readonly (string Folder, string RootNamespace)[] Projects =
        {
            ("src/DeepSeek.Analyzers.CSharp", "DeepSeek.Analyzers"),
            ("src/DeepSeek.Analyzers.CodeFixes", "DeepSeek.Analyzers"),
            ("src/DeepSeek.Runtime", "DeepSeek.Runtime"),
            ("src/Shared", "DeepSeek.Catalog"),
        };

        public static IEnumerable<object[]> SourceFiles()
            => Projects.SelectMany(p => Directory
                .EnumerateFiles(Path.Combine(RuleInventory.RepositoryRoot, p.Folder), "*.cs", SearchOption.AllDirectories)
                .Where(f => !IsBuildOutput(f))
                .Select(f => new object[] { Path.GetRelativePath(RuleInventory.RepositoryRoot, f).Replace('\\', '/') }))
                .OrderBy(f => (string)f[0], StringComparer.Ordinal);

        [Theory]
        [MemberData(nameof(SourceFiles))]
        public void Namespace_matches_folder(string relativePath)
        {
            var project = Projects.Single(p => relativePath.StartsWith(p.Folder + "/", StringComparison.Ordinal));
            var folder = Path.GetDirectoryName(relativePath.Substring(project.Folder.Length + 1))!.Replace('\\', '/');
            var expected = folder.Length == 0 ? project.RootNamespace : project.RootNamespace + "." + folder.Replace('/', '.');

            var declared = NamespaceDeclaration.Matches(RuleInventory.ReadRepositoryFile(relativePath))
                .Select(m => m.Groups[1].Value)
                .ToArray();

            Assert.NotEmpty(declared);
            Assert.All(declared, ns => Assert.Equal(expected, ns));
        }

        [Fact]
        public void The_check_sees_the_shipped_sources()
            => Assert.Contains(SourceFiles(), f => (string)f[0] == "src/DeepSeek.Analyzers.CSharp/Descriptors.cs");

        private static bool IsBuildOutput(string path)
        {
            var normalized = path.Replace('\\', '/');
            return normalized.Contains("/obj/", StringComparison.Ordinal) || normalized.Contains("/bin/", StringComparison.Ordinal);
        }
    }
}
