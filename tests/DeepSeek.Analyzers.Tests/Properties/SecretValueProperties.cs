using System;
using System.Linq;
using CsCheck;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>
    /// <c>SecretValues</c>: the written string constants behind a value (<c>"Bearer " + Key</c>, <c>$"Bearer {Key}"</c>).
    /// Its text part is the offset walk that finds which constant holds the secret; arbitrary constant text feeds it here.
    /// </summary>
    public class SecretValueProperties
    {
        private static readonly MetadataReference[] References = { Basic.Reference.Assemblies.Net100.References.SystemRuntime };

        private static readonly Gen<string> Constant = Gen.Frequency(
            (2, TextGen.Any),
            (3, TextGen.From(TextGen.KeyTokens, 4)),
            (1, Gen.OneOf(string.Empty, "Bearer ", "Bearer", " ", "Bearer  sk-")));

        /// <summary>One operand: a literal, the const, the field, or an interpolation of the const.</summary>
        private static readonly Gen<string> Operand = Gen.Frequency(
            (3, Constant.Select(Literal)),
            (2, Gen.OneOf("K", "F", "C.K")),
            (1, Gen.Select(Constant, Constant).Select((a, b) => "$" + Literal(Braces(a) + "{K}" + Braces(b)))));

        private static string Braces(string text) => text.Replace("{", "{{").Replace("}", "}}");

        private static readonly Gen<(string, string, string)> Programs = Gen.Select(
            Constant,
            Constant,
            Operand.Array[1, 4].Select(parts => string.Join(" + ", parts)));

        private static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

        [Fact]
        public void Every_constant_found_is_written_in_the_code_and_holds_its_value()
            => Property.Check(Programs, (k, f, expression) =>
            {
                var source = "class C\n{\n    const string K = " + Literal(k) + ";\n    static readonly string F = " + Literal(f)
                    + ";\n    string M() => " + expression + ";\n}\n";
                var tree = CSharpSyntaxTree.ParseText(source);
                var compilation = CSharpCompilation.Create("P", new[] { tree }, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
                var model = compilation.GetSemanticModel(tree);
                var method = tree.GetRoot().DescendantNodes().OfType<MethodDeclarationSyntax>().Single();
                var value = model.GetOperation(method.ExpressionBody!.Expression)!;
                var symbol = model.GetDeclaredSymbol(method)!;

                foreach (var (node, text) in Scanners.SecretValuesOf(value, symbol, model))
                {
                    Assert.Same(tree, node.SyntaxTree);
                    var constant = model.GetConstantValue(node);
                    if (constant.HasValue)
                    {
                        Assert.Equal(constant.Value, text);
                    }
                    else
                    {
                        // F's initialiser, read from its declaration.
                        Assert.Equal(f, text);
                    }
                }
            }, iterations: 200);
    }
}
