using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Analyzers.Tests.Meta;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// <see cref="DeclaredSymbols"/> matches members to their declarations through their type instead of asking the model
    /// for each: every declaration it answers must get the very symbol <c>GetDeclaredSymbol</c> gives, on a file of every
    /// kind of member (partial, explicit, positional, C# 14 extension members among them) and on every rule-test snippet.
    /// </summary>
    public class DeclaredSymbolsTests
    {
        private static readonly ImmutableArray<MetadataReference> References = TestReferences.All;

        private const string EveryMember = """
            using System;
            using System.Collections.Generic;

            public interface IShape { double Area(); string Name { get; } }

            public enum Tier { Flash = 1, Pro = Flash + 1, [Obsolete] Legacy }

            public class Shapes : IShape
            {
                private readonly int _a = 1, _b = 2;
                public static int Count;
                public event EventHandler? Changed;
                public event EventHandler Explicit { add { } remove { } }
                public Shapes() : this(1) { }
                public Shapes(int a) { _a = a; }
                static Shapes() { Count = 0; }
                ~Shapes() { }
                double IShape.Area() => _a * _b;
                string IShape.Name => "shape";
                public string this[int i] { get => i.ToString(); set { } }
                public int Auto { get; set; } = 3;
                public int Arrow => _a;
                public int Accessors { get { return _b; } private set { } }
                public static Shapes operator +(Shapes x, Shapes y) => x;
                public static implicit operator int(Shapes s) => s._a;
                public void Generic<T>(T value = default!) where T : struct { }
                public class Nested { public void Inner() { } public int Field = 5; }
            }

            // Partial members in a type declared once; a type declared twice (left to the model).
            public partial class Parts
            {
                public partial void Declared(int n);
                public partial void Declared(int n) { }
                public partial int Both { get; }
                public partial int Both => 4;
            }

            public partial class TwoParts { public void FirstPart() { } }

            public partial class TwoParts { public void OtherPart() { } }

            public record Point(int X, int Y = 2) { public int Sum => X + Y; }

            public record struct Size(int Width) { public int Twice() => Width * 2; }

            public static class Extensions
            {
                extension(string text)
                {
                    public int Twice => text.Length * 2;
                    public string Repeat(int count) => string.Concat(Enumerable.Repeat(text, count));
                }

                public static int Classic(this string text) => text.Length;
            }
            """;

        [Fact]
        public void Answers_every_member_as_the_model_does()
            => Assert.InRange(AssertSame(EveryMember), 30, int.MaxValue);

        public static IEnumerable<object[]> TestFiles() => RobustnessTests.TestFiles();

        [Theory]
        [MemberData(nameof(TestFiles))]
        public void Answers_the_members_of_every_test_snippet_as_the_model_does(string testFile)
        {
            foreach (var source in RobustnessTests.SourcesOf(testFile))
            {
                AssertSame(source);
            }
        }

        /// <summary>Asserts every answer from a member's type is the model's own; returns how many there were.</summary>
        private static int AssertSame(string source)
        {
            var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs");
            var compilation = CSharpCompilation.Create("Declared", new[] { tree }, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            var model = compilation.GetSemanticModel(tree);
            var symbols = new DeclaredSymbols(model, CancellationToken.None);
            var answered = 0;
            foreach (var node in tree.GetRoot().DescendantNodes().Where(IsDeclaration))
            {
                var expected = model.GetDeclaredSymbol(node);
                var fromType = symbols.FromContainingType(node);
                if (fromType != null)
                {
                    answered++;
                    Assert.True(ReferenceEquals(expected, fromType), $"{node.Kind()} '{node}': model {expected?.ToDisplayString()}, type {fromType.ToDisplayString()}");
                }

                Assert.True(ReferenceEquals(expected, symbols.Of(node)), $"{node.Kind()} '{node}'");
            }

            return answered;
        }

        private static bool IsDeclaration(SyntaxNode node)
            => node is BaseMethodDeclarationSyntax || node is BasePropertyDeclarationSyntax || node is AccessorDeclarationSyntax
               || node is VariableDeclaratorSyntax || node is EnumMemberDeclarationSyntax || node is ParameterSyntax
               || node is BaseTypeDeclarationSyntax;
    }
}
