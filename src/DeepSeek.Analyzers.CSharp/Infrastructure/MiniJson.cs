using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>A parsed JSON value with the offset it starts at (for diagnostics that point into the file).</summary>
    internal abstract class JsonNode
    {
        protected JsonNode(int start)
        {
            Start = start;
        }

        public int Start { get; }
    }

    internal sealed class JsonObjectNode : JsonNode
    {
        public JsonObjectNode(int start, List<KeyValuePair<string, JsonNode>> properties)
            : base(start)
        {
            Properties = properties;
        }

        /// <summary>Properties in file order; a repeated name keeps every occurrence and <see cref="Get"/> returns the last.</summary>
        public List<KeyValuePair<string, JsonNode>> Properties { get; }

        public JsonNode? Get(string name)
        {
            JsonNode? result = null;
            foreach (var property in Properties)
            {
                if (string.Equals(property.Key, name, StringComparison.OrdinalIgnoreCase))
                {
                    result = property.Value;
                }
            }

            return result;
        }
    }

    internal sealed class JsonArrayNode : JsonNode
    {
        public JsonArrayNode(int start, List<JsonNode> items)
            : base(start)
        {
            Items = items;
        }

        public List<JsonNode> Items { get; }
    }

    internal sealed class JsonStringNode : JsonNode
    {
        public JsonStringNode(int start, string value)
            : this(start, value, -1)
        {
        }

        public JsonStringNode(int start, string value, int end)
            : base(start)
        {
            Value = value;
            End = end;
        }

        public string Value { get; }

        /// <summary>The offset just after the closing quote (the string as written spans <c>[Start, End)</c>), or -1 when unknown.</summary>
        public int End { get; }
    }

    internal sealed class JsonNumberNode : JsonNode
    {
        public JsonNumberNode(int start, string text)
            : base(start)
        {
            Text = text;
        }

        /// <summary>The number as written; converted on use so decimals keep their exact value.</summary>
        public string Text { get; }

        public bool TryGetDecimal(out decimal value)
            => decimal.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    internal sealed class JsonLiteralNode : JsonNode
    {
        public JsonLiteralNode(int start, bool? value)
            : base(start)
        {
            Value = value;
        }

        /// <summary>true, false, or null for the JSON <c>null</c>.</summary>
        public bool? Value { get; }
    }

    /// <summary>A JSON syntax or schema error at an offset of the file.</summary>
    internal sealed class JsonError
    {
        public JsonError(int offset, int length, string message)
        {
            Offset = offset;
            Length = length;
            Message = message;
        }

        public int Offset { get; }

        public int Length { get; }

        public string Message { get; }
    }

    /// <summary>
    /// A small, strict-enough JSON reader for <c>deepseek.catalog.json</c>. The analyzer ships without dependencies
    /// (System.Text.Json is not loadable in every compiler host), so it reads JSON itself. It accepts what editors
    /// write in .NET projects — <c>//</c> and <c>/* */</c> comments and trailing commas — limits nesting, and never throws
    /// on bad input: it returns the first error with its offset.
    /// </summary>
    internal sealed class MiniJson
    {
        private const int MaxDepth = 64;

        private readonly string _text;
        private int _position;
        private JsonError? _error;

        private MiniJson(string text)
        {
            _text = text;
        }

        public static JsonNode? Parse(string text, out JsonError? error)
        {
            var reader = new MiniJson(text);
            reader.SkipTrivia();
            var value = reader.ReadValue(0);
            if (reader._error == null)
            {
                reader.SkipTrivia();
                if (reader._position < text.Length)
                {
                    reader.Fail("unexpected text after the end of the JSON value");
                }
            }

            error = reader._error;
            return error == null ? value : null;
        }

        private JsonNode? ReadValue(int depth)
        {
            if (_error != null)
            {
                return null;
            }

            if (depth > MaxDepth)
            {
                return Fail("nesting is too deep");
            }

            if (_position >= _text.Length)
            {
                return Fail("unexpected end of file; a value was expected");
            }

            var c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject(depth);
                case '[':
                    return ReadArray(depth);
                case '"':
                    {
                        var start = _position;
                        var value = ReadString();
                        return value == null ? null : new JsonStringNode(start, value, _position);
                    }

                case 't':
                    return ReadKeyword("true", true);
                case 'f':
                    return ReadKeyword("false", false);
                case 'n':
                    return ReadKeyword("null", null);
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    return Fail($"unexpected character '{c}'");
            }
        }

        private JsonNode? ReadObject(int depth)
        {
            var start = _position++;
            var properties = new List<KeyValuePair<string, JsonNode>>();
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length)
                {
                    return Fail("unexpected end of file; '}' was expected");
                }

                if (_text[_position] == '}')
                {
                    _position++;
                    return new JsonObjectNode(start, properties);
                }

                if (_text[_position] != '"')
                {
                    return Fail("a property name in double quotes was expected");
                }

                var name = ReadString();
                if (name == null)
                {
                    return null;
                }

                SkipTrivia();
                if (_position >= _text.Length || _text[_position] != ':')
                {
                    return Fail("':' was expected after the property name");
                }

                _position++;
                SkipTrivia();
                var value = ReadValue(depth + 1);
                if (value == null)
                {
                    return null;
                }

                properties.Add(new KeyValuePair<string, JsonNode>(name, value));
                SkipTrivia();
                if (_position < _text.Length && _text[_position] == ',')
                {
                    _position++;
                }
                else if (_position < _text.Length && _text[_position] != '}')
                {
                    return Fail("',' or '}' was expected");
                }
            }
        }

        private JsonNode? ReadArray(int depth)
        {
            var start = _position++;
            var items = new List<JsonNode>();
            while (true)
            {
                SkipTrivia();
                if (_position >= _text.Length)
                {
                    return Fail("unexpected end of file; ']' was expected");
                }

                if (_text[_position] == ']')
                {
                    _position++;
                    return new JsonArrayNode(start, items);
                }

                var value = ReadValue(depth + 1);
                if (value == null)
                {
                    return null;
                }

                items.Add(value);
                SkipTrivia();
                if (_position < _text.Length && _text[_position] == ',')
                {
                    _position++;
                }
                else if (_position < _text.Length && _text[_position] != ']')
                {
                    return Fail("',' or ']' was expected");
                }
            }
        }

        private string? ReadString()
        {
            var start = _position;
            _position++;
            var builder = new StringBuilder();
            while (_position < _text.Length)
            {
                var c = _text[_position++];
                if (c == '"')
                {
                    return builder.ToString();
                }

                if (c == '\\')
                {
                    if (_position >= _text.Length)
                    {
                        break;
                    }

                    var escape = _text[_position++];
                    switch (escape)
                    {
                        case '"':
                            builder.Append('"');
                            break;
                        case '\\':
                            builder.Append('\\');
                            break;
                        case '/':
                            builder.Append('/');
                            break;
                        case 'b':
                            builder.Append('\b');
                            break;
                        case 'f':
                            builder.Append('\f');
                            break;
                        case 'n':
                            builder.Append('\n');
                            break;
                        case 'r':
                            builder.Append('\r');
                            break;
                        case 't':
                            builder.Append('\t');
                            break;
                        case 'u':
                            if (_position + 4 > _text.Length
                                || !int.TryParse(_text.Substring(_position, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var code))
                            {
                                _position -= 2;
                                Fail("invalid \\u escape");
                                return null;
                            }

                            builder.Append((char)code);
                            _position += 4;
                            break;
                        default:
                            _position -= 2;
                            Fail($"invalid escape '\\{escape}'");
                            return null;
                    }
                }
                else if (c == '\n' || c == '\r')
                {
                    _position--;
                    Fail("a string must end on the line it starts");
                    return null;
                }
                else
                {
                    builder.Append(c);
                }
            }

            _position = start;
            Fail("unterminated string");
            return null;
        }

        private JsonNode? ReadNumber()
        {
            var start = _position;
            if (_text[_position] == '-')
            {
                _position++;
            }

            while (_position < _text.Length && IsNumberChar(_text[_position]))
            {
                _position++;
            }

            var text = _text.Substring(start, _position - start);
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                _position = start;
                return Fail($"'{text}' is not a number");
            }

            return new JsonNumberNode(start, text);
        }

        private JsonNode? ReadKeyword(string keyword, bool? value)
        {
            if (string.CompareOrdinal(_text, _position, keyword, 0, keyword.Length) != 0
                || (_position + keyword.Length < _text.Length && char.IsLetterOrDigit(_text[_position + keyword.Length])))
            {
                return Fail("unexpected word; a value was expected");
            }

            var start = _position;
            _position += keyword.Length;
            return new JsonLiteralNode(start, value);
        }

        private void SkipTrivia()
        {
            while (_position < _text.Length)
            {
                var c = _text[_position];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '/')
                {
                    while (_position < _text.Length && _text[_position] != '\n')
                    {
                        _position++;
                    }
                }
                else if (c == '/' && _position + 1 < _text.Length && _text[_position + 1] == '*')
                {
                    var end = _text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                    {
                        Fail("unterminated comment");
                        _position = _text.Length;
                        return;
                    }

                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        private static bool IsNumberChar(char c)
            => (c >= '0' && c <= '9') || c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-';

        private JsonNode? Fail(string message)
        {
            if (_error == null)
            {
                var offset = Math.Min(_position, _text.Length);
                _error = new JsonError(offset, offset < _text.Length ? 1 : 0, message);
            }

            return null;
        }
    }
}
