using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>MiniJson, the analyzer's own reader of <c>deepseek.catalog.json</c>.</summary>
    public class MiniJsonProperties
    {
        private static readonly Gen<string> Text = Gen.Frequency((1, TextGen.Any), (4, TextGen.From(TextGen.JsonTokens, 24)));

        [Fact]
        public void Parses_or_reports_one_error_inside_the_text()
            => Property.Check(Gen.Frequency((3, Text), (1, Json.Documents.Select(d => Json.Write(d, Json.Layout.Compact)))), text =>
            {
                var node = Scanners.ParseJson(text, out var error);
                Assert.True((node == null) != (error == null), "a result and an error, or neither");
                if (error != null)
                {
                    Assert.InRange(error.Offset, 0, text.Length);
                    Assert.InRange(error.Length, 0, text.Length - error.Offset);
                    Assert.False(string.IsNullOrWhiteSpace(error.Message));
                    return;
                }

                AssertStartsInside(node!, text, 0);
            });

        [Fact]
        public void Every_prefix_of_a_document_parses_or_reports_an_error()
            => Property.Check(Json.Documents, document =>
            {
                // The user is typing the file: each half-typed state must be an error with a position, never an exception.
                var text = Json.Write(document, Json.Layout.Pretty);
                for (var length = 0; length < text.Length; length++)
                {
                    var node = Scanners.ParseJson(text.Substring(0, length), out var error);
                    Assert.True((node == null) != (error == null));
                    if (error != null)
                    {
                        Assert.InRange(error.Offset, 0, length);
                    }
                }
            }, iterations: 200);

        [Fact]
        public void Reads_back_what_is_written_in_any_layout()
            => Property.Check(Gen.Select(Json.Documents, Gen.Enum<Json.Layout>()), (document, layout) =>
            {
                var text = Json.Write(document, layout);
                var node = Scanners.ParseJson(text, out var error);
                Assert.True(error == null, error == null ? null : $"{error.Message} at {error.Offset} in {Property.Escape(text)}");
                Assert.Equal(Json.Write(document, Json.Layout.Compact), Json.Canonical(node!));
            });

        [Fact]
        public void Accepts_what_System_Text_Json_accepts_and_reads_the_same_values()
            => Property.Check(Text, text =>
            {
                // System.Text.Json reads a lone surrogate as U+FFFD; MiniJson keeps it. Neither is wrong for a catalog file.
                if (HasLoneSurrogate(text))
                {
                    return;
                }

                string expected;
                try
                {
                    using var document = JsonDocument.Parse(text, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
                    expected = Json.Canonical(document.RootElement);
                }
                catch (Exception e) when (e is JsonException || e is ArgumentException || e is InvalidOperationException)
                {
                    return;
                }

                var node = Scanners.ParseJson(text, out var error);
                Assert.True(error == null, error == null ? null : $"MiniJson rejects JSON that System.Text.Json reads: {error.Message} at {error.Offset}");
                Assert.Equal(expected, Json.Canonical(node!));
            }, iterations: 3000);

        [Fact]
        public void Deep_nesting_is_an_error_not_a_stack_overflow()
            => Property.Check(Gen.Select(Gen.Int[1, 5000], Gen.Bool), (depth, objects) =>
            {
                var text = objects
                    ? string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth)
                    : new string('[', depth) + new string(']', depth);
                var node = Scanners.ParseJson(text, out var error);
                if (depth <= 60)
                {
                    Assert.NotNull(node);
                }
                else if (depth >= 70)
                {
                    Assert.NotNull(error);
                }
            }, iterations: 100);

        private static bool HasLoneSurrogate(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
                {
                    i++;
                }
                else if (char.IsSurrogate(text[i]))
                {
                    return true;
                }
            }

            return false;
        }

        private static void AssertStartsInside(JsonNode node, string text, int min)
        {
            Assert.InRange(node.Start, min, text.Length - 1);
            switch (node)
            {
                case JsonObjectNode obj:
                    Assert.Equal('{', text[node.Start]);
                    var previous = node.Start;
                    foreach (var property in obj.Properties)
                    {
                        Assert.True(property.Value.Start > previous, "a property value that starts before the one before it");
                        AssertStartsInside(property.Value, text, previous + 1);
                        previous = property.Value.Start;
                    }

                    break;
                case JsonArrayNode array:
                    Assert.Equal('[', text[node.Start]);
                    var last = node.Start;
                    foreach (var item in array.Items)
                    {
                        Assert.True(item.Start > last, "an item that starts before the one before it");
                        AssertStartsInside(item, text, last + 1);
                        last = item.Start;
                    }

                    break;
                case JsonStringNode value:
                    // The end is where the string as written stops: its closing quote, and the text between reads back.
                    Assert.Equal('"', text[node.Start]);
                    Assert.InRange(value.End, node.Start + 2, text.Length);
                    Assert.Equal('"', text[value.End - 1]);
                    Assert.Equal(value.Value, ((JsonStringNode)Scanners.ParseJson(text.Substring(node.Start, value.End - node.Start), out _)!).Value);
                    break;
            }
        }
    }

    /// <summary>A JSON model for the tests: generated documents, a writer with several layouts, one canonical form.</summary>
    internal static class Json
    {
        public enum Layout
        {
            Compact,
            Pretty,
            Comments,
            TrailingCommas,
            Escaped,
        }

        /// <summary>A document: object, array, string, number, true/false/null (as C# values).</summary>
        public static readonly Gen<object?> Documents = Gen.Recursive<object?>((depth, self) =>
        {
            var strings = Gen.Frequency(
                (3, Gen.OneOf("model", "deepseek-v4-flash", "id", "price", string.Empty, "a b", "quote\"", "back\\slash", "tab\t", "é", "\uD83D\uDE00", "\u0001", "/*x*/")),
                (1, TextGen.AnyChar.Where(c => c != '\n' && c != '\r' && !char.IsSurrogate(c)).Array[0, 8].Select(c => new string(c))));
            var numbers = Gen.OneOf("0", "-1", "1.5", "1e3", "0.0028", "1E-7", "123456789012345678901234567890", "-0").Select(n => (object?)new Number(n));
            var leaves = Gen.Frequency(
                (3, strings.Select(s => (object?)s)),
                (2, numbers),
                (1, Gen.OneOf<object?>(true, false, null)));
            if (depth >= 4)
            {
                return leaves;
            }

            return Gen.Frequency(
                (3, leaves),
                (1, self.List[0, 4].Select(items => (object?)items)),
                (1, Gen.Select(strings, self).List[0, 4].Select(properties => (object?)properties.Select(p => new KeyValuePair<string, object?>(p.Item1, p.Item2)).ToList())));
        });

        /// <summary>A number kept as written.</summary>
        public sealed record Number(string Text);

        public static string Write(object? value, Layout layout)
        {
            var builder = new StringBuilder();
            if (layout == Layout.Comments)
            {
                builder.Append("// deepseek.catalog.json\n/* a block\n comment */ ");
            }

            Write(builder, value, layout, 0);
            return builder.ToString();
        }

        private static void Write(StringBuilder builder, object? value, Layout layout, int depth)
        {
            var pretty = layout != Layout.Compact && layout != Layout.Escaped;
            switch (value)
            {
                case null:
                    builder.Append("null");
                    break;
                case bool b:
                    builder.Append(b ? "true" : "false");
                    break;
                case Number n:
                    builder.Append(n.Text);
                    break;
                case string s:
                    WriteString(builder, s, layout == Layout.Escaped);
                    break;
                case List<object?> items:
                    builder.Append('[');
                    for (var i = 0; i < items.Count; i++)
                    {
                        Separator(builder, layout, i, pretty, depth);
                        Write(builder, items[i], layout, depth + 1);
                    }

                    Close(builder, layout, items.Count, pretty, depth, ']');
                    break;
                case List<KeyValuePair<string, object?>> properties:
                    builder.Append('{');
                    for (var i = 0; i < properties.Count; i++)
                    {
                        Separator(builder, layout, i, pretty, depth);
                        WriteString(builder, properties[i].Key, layout == Layout.Escaped);
                        builder.Append(pretty ? " : " : ":");
                        Write(builder, properties[i].Value, layout, depth + 1);
                    }

                    Close(builder, layout, properties.Count, pretty, depth, '}');
                    break;
                default:
                    throw new InvalidOperationException(value.GetType().Name);
            }
        }

        private static void Separator(StringBuilder builder, Layout layout, int index, bool pretty, int depth)
        {
            if (index > 0)
            {
                builder.Append(',');
            }

            if (layout == Layout.Comments)
            {
                builder.Append(" /* item */");
            }

            if (pretty)
            {
                builder.Append("\r\n").Append(' ', 2 * (depth + 1));
            }
        }

        private static void Close(StringBuilder builder, Layout layout, int count, bool pretty, int depth, char close)
        {
            if (layout == Layout.TrailingCommas && count > 0)
            {
                builder.Append(',');
            }

            if (layout == Layout.Comments)
            {
                builder.Append(" // end\n");
            }

            if (pretty && count > 0)
            {
                builder.Append('\n').Append('\t', depth);
            }

            builder.Append(close);
        }

        private static void WriteString(StringBuilder builder, string text, bool escapeAll)
        {
            builder.Append('"');
            foreach (var c in text)
            {
                switch (c)
                {
                    case '"':
                        builder.Append("\\\"");
                        break;
                    case '\\':
                        builder.Append(escapeAll ? "\\u005C" : "\\\\");
                        break;
                    case '\t':
                        builder.Append("\\t");
                        break;
                    case '/' when escapeAll:
                        builder.Append("\\/");
                        break;
                    default:
                        if (c < ' ' || (escapeAll && c > '~'))
                        {
                            builder.Append("\\u").Append(((int)c).ToString(escapeAll ? "X4" : "x4", CultureInfo.InvariantCulture));
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            builder.Append('"');
        }

        /// <summary>The compact form of a parsed MiniJson tree, comparable with <see cref="Write"/>(…, Compact).</summary>
        public static string Canonical(JsonNode node)
        {
            var builder = new StringBuilder();
            Canonical(builder, node);
            return builder.ToString();
        }

        private static void Canonical(StringBuilder builder, JsonNode node)
        {
            switch (node)
            {
                case JsonObjectNode obj:
                    builder.Append('{');
                    for (var i = 0; i < obj.Properties.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty);
                        WriteString(builder, obj.Properties[i].Key, escapeAll: false);
                        builder.Append(':');
                        Canonical(builder, obj.Properties[i].Value);
                    }

                    builder.Append('}');
                    break;
                case JsonArrayNode array:
                    builder.Append('[');
                    for (var i = 0; i < array.Items.Count; i++)
                    {
                        builder.Append(i > 0 ? "," : string.Empty);
                        Canonical(builder, array.Items[i]);
                    }

                    builder.Append(']');
                    break;
                case JsonStringNode text:
                    WriteString(builder, text.Value, escapeAll: false);
                    break;
                case JsonNumberNode number:
                    builder.Append(number.Text);
                    break;
                case JsonLiteralNode literal:
                    builder.Append(literal.Value == null ? "null" : literal.Value.Value ? "true" : "false");
                    break;
                default:
                    throw new InvalidOperationException(node.GetType().Name);
            }
        }

        /// <summary>The same compact form of a System.Text.Json element.</summary>
        public static string Canonical(JsonElement element)
        {
            var builder = new StringBuilder();
            Canonical(builder, element);
            return builder.ToString();
        }

        private static void Canonical(StringBuilder builder, JsonElement element)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    builder.Append('{');
                    var first = true;
                    foreach (var property in element.EnumerateObject())
                    {
                        builder.Append(first ? string.Empty : ",");
                        first = false;
                        WriteString(builder, property.Name, escapeAll: false);
                        builder.Append(':');
                        Canonical(builder, property.Value);
                    }

                    builder.Append('}');
                    break;
                case JsonValueKind.Array:
                    builder.Append('[');
                    var firstItem = true;
                    foreach (var item in element.EnumerateArray())
                    {
                        builder.Append(firstItem ? string.Empty : ",");
                        firstItem = false;
                        Canonical(builder, item);
                    }

                    builder.Append(']');
                    break;
                case JsonValueKind.String:
                    WriteString(builder, element.GetString()!, escapeAll: false);
                    break;
                case JsonValueKind.Number:
                    builder.Append(element.GetRawText());
                    break;
                case JsonValueKind.True:
                    builder.Append("true");
                    break;
                case JsonValueKind.False:
                    builder.Append("false");
                    break;
                default:
                    builder.Append("null");
                    break;
            }
        }
    }
}
