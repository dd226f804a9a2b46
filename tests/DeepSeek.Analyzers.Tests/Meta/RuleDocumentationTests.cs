using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>Every shipped descriptor has its help link, docs page, README row and release-tracking row.</summary>
    public class RuleDocumentationTests
    {
        private static readonly string Root = typeof(RuleDocumentationTests).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        public static IEnumerable<object[]> Descriptors() => typeof(DeepSeekAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t))
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .Select(d => new object[] { d.Id, d })
            .ToArray();

        [Theory]
        [MemberData(nameof(Descriptors))]
        public void Descriptor_is_documented(string id, DiagnosticDescriptor descriptor)
        {
            Assert.Equal(RuleIdentifiers.GetHelpUri(id), descriptor.HelpLinkUri);
            Assert.True(File.Exists(Path.Combine(Root, "docs", "rules", id + ".md")), $"docs/rules/{id}.md is missing");
            Assert.Contains($"| {id} | {descriptor.Title} |", File.ReadAllText(Path.Combine(Root, "README.md")));
            Assert.Contains($"{id} | {descriptor.Category} | {descriptor.DefaultSeverity} |", File.ReadAllText(Path.Combine(Root, "AnalyzerReleases.Unshipped.md")));
        }
    }
}
