using System.Linq;
using CsCheck;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>
    /// Generators of user text: arbitrary UTF-16 (lone surrogates included) and strings built from a scanner's own
    /// vocabulary, where the interesting edge cases live (a random string almost never holds "http://x@" or a key).
    /// </summary>
    internal static class TextGen
    {
        /// <summary>Characters that matter to some scanner, with surrogates (paired and lone) and non-ASCII letters.</summary>
        private static readonly char[] Special =
        {
            '"', '\\', '\'', '@', ':', '/', '?', '#', '[', ']', '{', '}', ',', '.', '-', '_', '*', '%', '$', '<', '>',
            ' ', '\t', '\r', '\n', '\0', '\uFEFF', '\u00A0', '\u2028', '…', 'é', 'İ', 'ß', 'ſ', 'K',
            '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uD83D', '\uDE00',
        };

        /// <summary>Any UTF-16 code unit, biased towards ASCII and the characters above.</summary>
        public static readonly Gen<char> AnyChar = Gen.Frequency(
            (4, Gen.Char[' ', '~']),
            (2, Gen.OneOf(Special)),
            (1, Gen.Int[0, 0xFFFF].Select(i => (char)i)));

        /// <summary>Arbitrary text, empty and one-character strings included.</summary>
        public static readonly Gen<string> Any = Gen.Frequency(
            (1, Gen.OneOf(string.Empty)),
            (1, AnyChar.Select(c => c.ToString())),
            (8, AnyChar.Array[0, 60].Select(chars => new string(chars))));

        /// <summary>Lower-case hexadecimal digits.</summary>
        public static Gen<string> Hex(int min, int max)
            => Gen.Char["0123456789abcdef"].Array[min, max].Select(chars => new string(chars));

        /// <summary>A DeepSeek-shaped key with random hex (patterned hex, which the classifier treats as a placeholder, has negligible probability).</summary>
        public static readonly Gen<string> RandomKey = Hex(32, 32).Select(hex => "sk-" + hex);

        /// <summary>Concatenations of up to <paramref name="max"/> pieces, each a vocabulary token or a short arbitrary string.</summary>
        public static Gen<string> From(Gen<string> tokens, int max = 16)
            => Gen.Frequency((6, tokens), (1, Any.Select(s => s.Length > 6 ? s.Substring(0, 6) : s)))
                .Array[0, max]
                .Select(parts => string.Concat(parts));

        public static Gen<string> Tokens(params string[] tokens) => Gen.OneOf(tokens);

        // ---- Vocabularies -------------------------------------------------------------------------------------

        public static readonly Gen<string> UrlTokens = Gen.OneOf(
            Tokens(
                "http://", "https://", "ws://", "wss://", "file://", "urn:", "://", ":/", "//", "HTTP://",
                "@", "@", ":", ":", "[", "]", "[::1]", "::", ":443", ":8080", ":11434", "/", "/", "?", "#", "\"", " ", "\t", "\\", "%40", ".",
                "deepseek", "DeepSeek", "deep-seek", "api.deepseek.com", "api.deepseek.com.evil.io", "api.openai.com", "openrouter.ai",
                "myresource.openai.azure.com", "localhost", "127.0.0.1", "ollama", "user", "user:pass", "example.org", "v1",
                "chat/completions", "é", "\uD83D\uDE00", "\uD800", "\uDC00"),
            Gen.Int[0, 65535].Select(i => ":" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));

        public static readonly Gen<string> KeyTokens = Gen.OneOf(
            Tokens(
                "sk-", "sk-", "sk-proj-", "SK-", "-", "_", " ", "\"", "=", ";", ":", "Bearer ", "bearer ", "key", "Key",
                "your", "YOUR_", "example", "Test", "test", "dummy", "sample", "demo", "mock", "replace", "MyTestKey",
                "xxx", "XXXX", "****", "...", "…", "${", "}", "{{", "}}", "<", ">", "%", "$", "{", "KEY", "NAME",
                "DEEPSEEK_API_KEY", "DeepSeek:ApiKey", "deepseek", "DeepSeek", "Api", "https://", "://", "0", "a", "Z", "9",
                "0123456789abcdef0123456789abcdef", "00000000000000000000000000000000", "deadbeefdeadbeefdeadbeefdeadbeef",
                "a1b2c3d4e5f6a7b8c9d0a1b2c3d4e5f6", "é", "\uD83D\uDE00", "\uD800", "\uDFFF"),
            Hex(30, 34),
            Hex(1, 8),
            RandomKey);

        public static readonly Gen<string> JsonTextTokens = Gen.OneOf(
            Tokens(
                "{", "}", "[", "]", "\"", "\"", "\\\"", "\"\"", ":", ":", ",", " ", "\\n", "\\t", "\n", "\r", "\t", "\\",
                "\"model\"", "model", "\\\"model\\\"", "\"\"model\"\"", "\"Model\"", "\"modelName\"", "\"name\"", "\"choices\"",
                "choices", "deepseek-chat", "DeepSeek-Chat", "deepseek-reasoner", "deepseek-", "deepseek-v4-flash",
                "deepseek-v4-pro", "\"deepseek-chat\"", "x", "1", "é", "\uD83D\uDE00", "\uD800"));

        public static readonly Gen<string> JsonTokens = Gen.OneOf(
            Tokens(
                "{", "{", "}", "}", "[", "[", "]", "]", "\"", "\"", ":", ":", ",", ",", " ", "\n", "\r", "\t", "\uFEFF",
                "\"model\"", "\"models\"", "\"aliases\"", "\"id\"", "\"alias\"", "\"price\"", "\"a\"", "\"\"",
                "\"deepseek-v4-flash\"", "\"x\\u0041\"", "\\u", "\\u00e9", "\\uD83D", "\\", "\\\"", "\\n", "\\x", "\\/",
                "true", "false", "null", "tru", "nul", "truex", "0", "1", "-", "-1", "1.5", "1e3", "1e999", "-0.0", ".", "e", "+", "01",
                "//", "/*", "*/", "// c\n", "/* c */", "é", "\uD83D\uDE00", "\uD800"));

        public static readonly Gen<string> NameTokens = Tokens(
            "Deep", "deep", "DEEP", "Seek", "seek", "SEEK", "DeepSeek", "deepseek", "DEEPSEEK", "_", "__", "Api", "API", "api",
            "Key", "KEY", "key", "Token", "token", "Secret", "SECRET", "Name", "Cache", "Stop", "Access", "Auth", "Client",
            "User", "App", "Variable", "V2", "2", "x", "X", "é", "İ", "\uD800");
    }
}
