using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// <see cref="TypeLookup"/> answers from the merged namespaces where that is safe: every name the rules look up, plus
    /// nested, generic and absent names, must get exactly <c>GetTypeByMetadataName</c>'s answer — with every SDK referenced,
    /// with none, with source types that collide with SDK types (one of them file-local), and with an SDK behind an
    /// <c>extern alias</c>.
    /// </summary>
    public class TypeLookupTests
    {
        private static readonly string[] Names = typeof(MetadataNames)
            .GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .Concat(new[]
            {
                "System.CodeDom.Compiler.GeneratedCodeAttribute", "System.Environment+SpecialFolder", "System.Collections.Generic.List`1",
                "No.Such.Type", "System.NoSuchType", "OpenAI.Chat.ChatClient`1", "Microsoft.SemanticKernel.Kernel",
                "System.ClientModel.Primitives.ClientPipelineOptions", "Colliding.Local",
            })
            .ToArray();

        private const string Colliding = """
            namespace OpenAI.Chat { public class ChatClient { } }
            namespace Colliding { file class Local { } }
            namespace System.Net.Http { internal class HttpClient { } }
            """;

        public static IEnumerable<object[]> Compilations()
        {
            yield return new object[] { "every SDK", TestReferences.All, string.Empty };
            yield return new object[] { "framework only", TestReferences.Framework, string.Empty };
            yield return new object[] { "colliding source types", TestReferences.All, Colliding };
            yield return new object[]
            {
                "OpenAI behind an extern alias",
                TestReferences.Framework.AddRange(TestReferences.Sdks.Select(r => r.Display?.EndsWith("OpenAI.dll", System.StringComparison.OrdinalIgnoreCase) == true ? r.WithAliases(new[] { "oai" }) : r)),
                string.Empty,
            };
        }

        [Theory]
        [MemberData(nameof(Compilations))]
        public void Answers_as_GetTypeByMetadataName(string what, ImmutableArray<MetadataReference> references, string source)
        {
            var compilation = Compile(references, source);
            foreach (var name in Names)
            {
                var expected = compilation.GetTypeByMetadataName(name);
                Assert.True(ReferenceEquals(expected, TypeLookup.Find(compilation, name)), $"{what}: {name} should be {expected?.ToDisplayString() ?? "missing"}");
            }
        }

        [Fact]
        public void Answers_the_rules_names_from_the_namespaces_when_no_reference_has_an_alias()
        {
            var compilation = Compile(TestReferences.All, string.Empty);
            Assert.All(typeof(MetadataNames).GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)
                    .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!),
                name => Assert.True(TypeLookup.IsAnsweredFromNamespaces(compilation, name), name));

            // Not from the namespaces: a nested type's name, a name two types answer.
            Assert.False(TypeLookup.IsAnsweredFromNamespaces(compilation, "System.Environment+SpecialFolder"));
            Assert.False(TypeLookup.IsAnsweredFromNamespaces(Compile(TestReferences.All, Colliding), "OpenAI.Chat.ChatClient"));
            var aliased = Compile((ImmutableArray<MetadataReference>)Compilations().Last()[1], string.Empty);
            // A type behind an extern alias is missing to both: GetTypeByMetadataName does not look there either.
            Assert.True(TypeLookup.IsAnsweredFromNamespaces(aliased, MetadataNames.ChatClient));
            Assert.Null(aliased.GetTypeByMetadataName(MetadataNames.ChatClient));
            Assert.Null(TypeLookup.Find(aliased, MetadataNames.ChatClient));
        }

        private static Compilation Compile(ImmutableArray<MetadataReference> references, string source)
            => CSharpCompilation.Create(
                "Lookup",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview)) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }
}
