using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>Every analyzer, fixer and descriptor the package ships, found by reflection so a new rule is covered automatically.</summary>
    internal static class RuleInventory
    {
        public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(DeepSeekAnalyzer).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static readonly ImmutableArray<CodeFixProvider> CodeFixes = typeof(DSK002RetiredModelAliasCodeFixProvider).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t) && t.GetCustomAttribute<ExportCodeFixProviderAttribute>() != null)
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => (CodeFixProvider)Activator.CreateInstance(t)!)
            .ToImmutableArray();

        public static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = Analyzers
            .SelectMany(a => a.SupportedDiagnostics)
            .GroupBy(d => d.Id)
            .Select(g => g.First())
            .OrderBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();

        public static IEnumerable<object[]> DescriptorIds() => Descriptors.Select(d => new object[] { d.Id });

        public static IEnumerable<object[]> AnalyzerNames() => Analyzers.Select(a => new object[] { a.GetType().Name });

        public static DiagnosticDescriptor Descriptor(string id) => Descriptors.Single(d => d.Id == id);

        public static string RepositoryRoot { get; } = typeof(RuleInventory).Assembly
            .GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "RepositoryRoot").Value!;

        public static string ReadRepositoryFile(string relativePath) => File.ReadAllText(Path.Combine(RepositoryRoot, relativePath));
    }
}
