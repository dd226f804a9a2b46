using System;
using System.Runtime.CompilerServices;
using CsCheck;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>
    /// Runs a property over generated inputs. CI runs a fixed number of cases from a fixed seed per property (derived from
    /// its name), so a failure reproduces on every machine. CsCheck's own <c>Sample(seed:)</c> fixes only the first case,
    /// hence this loop.
    /// <para>
    /// A longer run by hand: <c>DEEPSEEK_PROPTEST_ITER=200000 DEEPSEEK_PROPTEST_SEED=random dotnet test
    /// tests/DeepSeek.Analyzers.Tests --filter "FullyQualifiedName~.Properties."</c>. A failure prints the seed of the
    /// failing case; <c>DEEPSEEK_PROPTEST_SEED=&lt;that seed&gt;</c> replays it as the first case.
    /// </para>
    /// </summary>
    internal static class Property
    {
        private const string IterVariable = "DEEPSEEK_PROPTEST_ITER";
        private const string SeedVariable = "DEEPSEEK_PROPTEST_SEED";
        private const uint Stream = 16;

        /// <summary>Cases per property in CI: the whole suite stays within a few seconds on a loaded two-core machine.</summary>
        public const int DefaultIterations = 1000;

        public static void Check<T>(
            Gen<T> gen,
            Action<T> assert,
            int iterations = DefaultIterations,
            Func<T, string>? print = null,
            [CallerMemberName] string name = "")
        {
            var iter = int.TryParse(Environment.GetEnvironmentVariable(IterVariable), out var n) && n > 0 ? n : iterations;
            var pcg = StartOf(name);
            var start = pcg.ToString();
            for (var i = 0; i < iter; i++)
            {
                var state = pcg.State;
                var value = gen.Generate(pcg, null, out _);
                try
                {
                    assert(value);
                }
                catch (Exception e)
                {
                    var seed = pcg.ToString(state);
                    var shown = print != null ? print(value) : Show(value);
                    var message = $"Property '{name}' failed at case {i} of the run from seed {start}.\n"
                        + $"Replay: {SeedVariable}={seed}\nInput: {shown}\n{e.GetType().Name}: {e.Message}";

                    // Let CsCheck shrink from the failing case, for a smaller example beside the reproducible one.
                    string? shrunk = null;
                    try
                    {
                        gen.Sample(assert, seed: seed, iter: 2000, threads: 1, print: print ?? Show);
                    }
                    catch (CsCheckException shrinkFailure)
                    {
                        shrunk = Shrunk(shrinkFailure.Message);
                    }

                    throw new PropertyFailedException(shrunk == null ? message : message + "\nSmallest failing input found: " + shrunk, e);
                }
            }
        }

        public static void Check<T1, T2>(Gen<(T1, T2)> gen, Action<T1, T2> assert, int iterations = DefaultIterations, [CallerMemberName] string name = "")
            => Check(gen, t => assert(t.Item1, t.Item2), iterations, null, name);

        public static void Check<T1, T2, T3>(Gen<(T1, T2, T3)> gen, Action<T1, T2, T3> assert, int iterations = DefaultIterations, [CallerMemberName] string name = "")
            => Check(gen, t => assert(t.Item1, t.Item2, t.Item3), iterations, null, name);

        public static void Check<T1, T2, T3, T4>(Gen<(T1, T2, T3, T4)> gen, Action<T1, T2, T3, T4> assert, int iterations = DefaultIterations, [CallerMemberName] string name = "")
            => Check(gen, t => assert(t.Item1, t.Item2, t.Item3, t.Item4), iterations, null, name);

        public static void Check<T1, T2, T3, T4, T5>(Gen<(T1, T2, T3, T4, T5)> gen, Action<T1, T2, T3, T4, T5> assert, int iterations = DefaultIterations, [CallerMemberName] string name = "")
            => Check(gen, t => assert(t.Item1, t.Item2, t.Item3, t.Item4, t.Item5), iterations, null, name);

        /// <summary>CsCheck's report ("Set seed: "…" or …\n&lt;input&gt;") as this runner's replay instruction.</summary>
        private static string Shrunk(string report)
        {
            const string Marker = "Set seed: \"";
            var newLine = report.IndexOf('\n');
            var input = newLine >= 0 ? report.Substring(newLine + 1) : report;
            var start = report.IndexOf(Marker, StringComparison.Ordinal);
            var end = start < 0 ? -1 : report.IndexOf('"', start + Marker.Length);
            return end < 0 ? input : $"{input} (replay: {SeedVariable}={report.Substring(start + Marker.Length, end - start - Marker.Length)})";
        }

        private static PCG StartOf(string name)
        {
            var seed = Environment.GetEnvironmentVariable(SeedVariable);
            if (string.Equals(seed, "random", StringComparison.OrdinalIgnoreCase))
            {
                return new PCG(Stream, (ulong)DateTime.UtcNow.Ticks ^ Fnv(name));
            }

            return string.IsNullOrWhiteSpace(seed) ? new PCG(Stream, Fnv(name)) : PCG.Parse(seed.Trim());
        }

        // A stable hash (string.GetHashCode is randomised per process).
        private static ulong Fnv(string text)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in text)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }

        /// <summary>A string shown with every non-ASCII or control character escaped, so a lone surrogate is visible.</summary>
        public static string Show<T>(T value)
        {
            if (value is string text)
            {
                return Escape(text);
            }

            if (value is ITuple tuple)
            {
                var parts = new string[tuple.Length];
                for (var i = 0; i < tuple.Length; i++)
                {
                    parts[i] = tuple[i] is string s ? Escape(s) : tuple[i]?.ToString() ?? "null";
                }

                return "(" + string.Join(", ", parts) + ")";
            }

            return value?.ToString() ?? "null";
        }

        public static string Escape(string text)
        {
            var builder = new System.Text.StringBuilder("\"");
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append("\\\\");
                        break;
                    default:
                        if (c < ' ' || c > '~')
                        {
                            builder.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.Append('"').ToString();
        }
    }

    /// <summary>A property that does not hold, with the input and the seed that replays it.</summary>
    public sealed class PropertyFailedException : Exception
    {
        public PropertyFailedException(string message, Exception inner)
            : base(message, inner)
        {
        }
    }
}
