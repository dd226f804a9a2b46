using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Analyzers.Tests.Verifiers;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Meta
{
    /// <summary>
    /// <see cref="GatedFiles"/> replaces the driver's operation dispatch in files a gate opens: it must hand a rule the same
    /// operations, with the same owning member, as <c>RegisterOperationAction</c> would — for every operation kind the
    /// shared walk keeps (<see cref="FileOperations.ReadKinds"/>), on a file holding every kind of code block, and on every
    /// rule-test snippet; and no rule may register a kind it does not keep.
    /// </summary>
    public class GatedFilesTests
    {
        private static readonly ImmutableArray<MetadataReference> References = TestReferences.All;

        /// <summary>Every kind the shared walk keeps: the parity tests compare the driver and GatedFiles on all of them.</summary>
        private static readonly ImmutableArray<OperationKind> ReadKinds = FileOperations.ReadKinds;

        /// <summary>A kind no rule reads (Visual Basic's <c>Stop</c>): the test of the walk's guard registers it.</summary>
        internal const OperationKind UnreadTestKind = OperationKind.Stop;

        private const string EveryCodeBlock = """
            using System;
            using System.ComponentModel;
            using System.Collections.Generic;

            [assembly: CLSCompliant(false)]

            [Description("type")]
            public enum Tier { Flash = 1, Pro = Flash + 1 }

            [Description("class")]
            public class Base(string name)
            {
                public string Name { get; } = name;
            }

            public record Settings(string Endpoint = "https://api.deepseek.com", int Retries = 2);

            public class Client(string key) : Base(key + "-client")
            {
                private readonly string _key = key, _other = "x";
                private static int s_count = 3;
                public event EventHandler? Changed = null;

                [Obsolete("ctor")]
                public Client() : this("sk")
                {
                    s_count++;
                }

                [Description("property")]
                public string Key => _key + _other;

                public string Model { get; set; } = "deepseek-flash";

                public int this[int index] => index * 2;

                public string Send(string prompt = "hi", [Description("parameter")] int max = 1024)
                {
                    string Local(int n = 3) => prompt + n;
                    Func<string, string> upper = s => s.ToUpperInvariant();
                    var list = new List<string> { Local(), upper(Model) };
                    Changed?.Invoke(this, EventArgs.Empty);
                    return string.Join(",", list) + max + this[1];
                }

                public string Get
                {
                    get { return Model; }
                    [Description("setter")]
                    set { Model = value ?? throw new ArgumentNullException(nameof(value)); }
                }

                public static Client operator +(Client a, Client b) => a;

                ~Client()
                {
                    s_count--;
                }
            }
            """;

        /// <summary>Declarations nested in namespaces and types, and the rarer members: each code block in them too.</summary>
        private const string NestedDeclarations = """
            using System;
            using System.ComponentModel;

            namespace Outer
            {
                [Description("delegate")]
                public delegate string Handler([Description("delegate parameter")] string value = "d");

                public interface IClient
                {
                    [Description("interface member")]
                    string Describe(int level = 1) => "client" + level;
                }

                public struct Point(int x = 1)
                {
                    [Description("field")]
                    public int X = x + 1;

                    public static explicit operator int(Point p) => p.X;
                }

                namespace Inner
                {
                    public enum Mode { [Description("enum member")] Fast = 1 << 2, Slow }

                    public record struct Pair(string Left = "l", [Description("record parameter")] string Right = "r");

                    public class Holder
                    {
                        static Holder() => Count = 2;

                        public static int Count { get; private set; }

                        private EventHandler? _changed;

                        public event EventHandler Changed
                        {
                            [Description("add")]
                            add { _changed += value; }
                            remove => _changed -= value;
                        }

                        public string this[[Description("indexer parameter")] int index, string suffix = "!"]
                        {
                            get => index + suffix;
                        }

                        [return: Description("return")]
                        public T First<T>(T[] items, int start = 0) where T : class => items[start];

                        public class Nested
                        {
                            public string Value { get; } = "nested" + Count;
                        }
                    }
                }
            }
            """;

        private const string TopLevel = """
            using System;

            var greeting = "hello";
            Console.WriteLine(greeting + Helper(2));
            static int Helper(int n = 1) => n * 2;
            """;

        [Fact]
        public async Task Hands_rules_every_code_block_the_driver_does()
        {
            Assert.InRange(await AssertSameAsync(EveryCodeBlock, OutputKind.DynamicallyLinkedLibrary).ConfigureAwait(true), 10, int.MaxValue);
            Assert.InRange(await AssertSameAsync(NestedDeclarations, OutputKind.DynamicallyLinkedLibrary).ConfigureAwait(true), 10, int.MaxValue);
            Assert.InRange(await AssertSameAsync(TopLevel, OutputKind.ConsoleApplication).ConfigureAwait(true), 10, int.MaxValue);
        }

        public static IEnumerable<object[]> TestFiles() => RobustnessTests.TestFiles();

        [Theory]
        [MemberData(nameof(TestFiles))]
        public async Task Hands_rules_the_operations_of_every_test_snippet_the_driver_does(string testFile)
        {
            foreach (var source in RobustnessTests.SourcesOf(testFile))
            {
                var kind = source.Contains("static void Main", StringComparison.Ordinal) || !source.Contains("class ", StringComparison.Ordinal)
                    ? OutputKind.ConsoleApplication
                    : OutputKind.DynamicallyLinkedLibrary;
                await AssertSameAsync(source, kind).ConfigureAwait(true);
            }
        }

        [Fact]
        public async Task A_kind_the_walk_does_not_keep_is_noted_and_never_handed_out()
        {
            var compilation = Compile(EveryCodeBlock, OutputKind.DynamicallyLinkedLibrary);
            var gated = new GatedRecorder(open: true, UnreadTestKind, OperationKind.Literal);
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(gated)).GetAnalyzerDiagnosticsAsync().ConfigureAwait(true);
            Assert.True(FileOperations.UnreadRegistrations.ContainsKey(UnreadTestKind));
            Assert.NotEmpty(gated.Seen);
            Assert.All(gated.Seen, seen => Assert.StartsWith("Literal ", seen, StringComparison.Ordinal));
        }

        [Fact]
        public void The_walk_keeps_every_kind_the_evidence_engine_and_the_shared_selection_read()
        {
            Assert.DoesNotContain(EvidenceFacts.CollectedKinds, k => !FileOperations.IsRead(k));
            Assert.DoesNotContain(ModelIdCandidates.CandidateKinds, k => !FileOperations.IsRead(k));
            Assert.False(FileOperations.IsRead(OperationKind.Conversion));
        }

        [Fact]
        public async Task A_closed_file_is_not_walked()
        {
            var compilation = Compile(EveryCodeBlock, OutputKind.DynamicallyLinkedLibrary);
            var gated = new GatedRecorder(open: false);
            await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(gated)).GetAnalyzerDiagnosticsAsync().ConfigureAwait(true);
            Assert.Empty(gated.Seen);
        }

        /// <summary>Asserts both saw the same operations with the same owners; returns how many.</summary>
        private static async Task<int> AssertSameAsync(string source, OutputKind outputKind)
        {
            var compilation = Compile(source, outputKind);
            var driver = new DriverRecorder();
            var gated = new GatedRecorder(open: true);
            var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(driver, gated)).GetAnalyzerDiagnosticsAsync().ConfigureAwait(true);
            Assert.Empty(diagnostics);

            var expected = driver.Seen.OrderBy(s => s, StringComparer.Ordinal).ToList();
            var actual = gated.Seen.OrderBy(s => s, StringComparer.Ordinal).ToList();
            var missing = expected.ToList();
            foreach (var seen in actual)
            {
                missing.Remove(seen);
            }

            var extra = actual.ToList();
            foreach (var seen in expected)
            {
                extra.Remove(seen);
            }

            Assert.True(
                missing.Count == 0 && extra.Count == 0,
                "not handed to the rule: " + string.Join("; ", missing) + "\nhanded, but not by the driver: " + string.Join("; ", extra) + "\nin:\n" + source);
            return expected.Count;
        }

        private static Compilation Compile(string source, OutputKind outputKind)
            => CSharpCompilation.Create(
                "Walk",
                new[] { CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Preview), path: "/0/Test0.cs") },
                References,
                new CSharpCompilationOptions(outputKind, nullableContextOptions: NullableContextOptions.Enable));

        // The driver skips an analyzer that supports no diagnostic: the recorders declare one they never report.
        private static readonly DiagnosticDescriptor Unused = new DiagnosticDescriptor("WALK", "Walk", "Walk", "Test", DiagnosticSeverity.Warning, true);

        private static string Describe(IOperation operation, ISymbol containingSymbol)
            => operation.Kind + " " + operation.Syntax.Span + " in " + containingSymbol.ToDisplayString();

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class DriverRecorder : DiagnosticAnalyzer
        {
            public ConcurrentBag<string> Seen { get; } = new ConcurrentBag<string>();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterOperationAction(c => Seen.Add(Describe(c.Operation, c.ContainingSymbol)), ReadKinds);
            }
        }

        [DiagnosticAnalyzer(LanguageNames.CSharp)]
        private sealed class GatedRecorder : DiagnosticAnalyzer
        {
            private readonly bool _open;
            private readonly OperationKind[] _kinds;

            public GatedRecorder(bool open, params OperationKind[] kinds)
            {
                _open = open;
                _kinds = kinds.Length == 0 ? ReadKinds.ToArray() : kinds;
            }

            public ConcurrentBag<string> Seen { get; } = new ConcurrentBag<string>();

            public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(Unused);

            public override void Initialize(AnalysisContext context)
            {
                context.EnableConcurrentExecution();
                context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
                context.RegisterCompilationStartAction(start => GatedFiles.Register(
                    start,
                    (_, _) => _open,
                    file => file.RegisterOperationAction(c => Seen.Add(Describe(c.Operation, c.ContainingSymbol)), _kinds)));
            }
        }
    }
}
