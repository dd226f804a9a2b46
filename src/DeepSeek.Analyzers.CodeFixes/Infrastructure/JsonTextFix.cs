using System;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// Rewrites a model id inside JSON written in a string literal or an interpolated string, in the literal's own
    /// source form (<c>\"</c> in regular strings, <c>""</c> in verbatim ones, <c>"</c> in raw ones), shared by the model-id fixes.
    /// </summary>
    internal static class JsonTextFix
    {
        /// <summary>The literal with <paramref name="oldId"/> replaced in its JSON, and <c>thinking</c> disabled when asked and possible.</summary>
        public static SyntaxToken FixLiteral(SyntaxToken token, string oldId, string newId, bool disableThinking)
        {
            var newText = Rewrite(token.Text, oldId, newId, QuoteFor(token.Text), disableThinking, escapeBraces: false);
            return newText == null ? token : SyntaxFactory.ParseToken(newText).WithTriviaFrom(token);
        }

        /// <summary>
        /// The interpolated string with <paramref name="oldId"/> replaced in the first text part that holds it. Re-parsed
        /// rather than built token by token: the text token's value (escapes, braces) must match what the compiler reads.
        /// </summary>
        public static ExpressionSyntax FixInterpolated(InterpolatedStringExpressionSyntax interpolated, string oldId, string newId, bool disableThinking)
        {
            var start = interpolated.StringStartToken.Text;
            var raw = start.Contains("\"\"\"");
            var quote = QuoteFor(start.Replace("$", string.Empty));
            var full = interpolated.ToFullString();
            foreach (var content in interpolated.Contents)
            {
                if (content is InterpolatedStringTextSyntax text)
                {
                    var newText = Rewrite(text.TextToken.Text, oldId, newId, quote, disableThinking && CanAddThinking(interpolated), escapeBraces: !raw);
                    if (newText != null)
                    {
                        var offset = text.TextToken.SpanStart - interpolated.FullSpan.Start;
                        return SyntaxFactory.ParseExpression(
                            full.Substring(0, offset) + newText + full.Substring(offset + text.TextToken.Text.Length));
                    }
                }
            }

            return interpolated;
        }

        /// <summary>A <c>$"""</c> raw string (one dollar) cannot hold a literal brace, so no <c>thinking</c> object fits in it.</summary>
        public static bool CanAddThinking(InterpolatedStringExpressionSyntax interpolated)
        {
            var start = interpolated.StringStartToken.Text;
            return !(start.Contains("\"\"\"") && start.IndexOf('$') == start.LastIndexOf('$'));
        }

        /// <summary>The text with the JSON model value replaced (and thinking disabled after it), or null when it has none.</summary>
        private static string? Rewrite(string text, string oldId, string newId, string quote, bool disableThinking, bool escapeBraces)
        {
            var index = JsonModelText.IndexOfModelValue(text, oldId, quote);
            if (index < 0)
            {
                return null;
            }

            var end = index + oldId.Length + quote.Length;
            var insertion = string.Empty;
            if (disableThinking && !JsonModelText.HasProperty(text, DeepSeekCatalog.ThinkingProperty, quote))
            {
                var open = escapeBraces ? "{{" : "{";
                var close = escapeBraces ? "}}" : "}";
                insertion = $", {quote}{DeepSeekCatalog.ThinkingProperty}{quote}: {open}{quote}{DeepSeekCatalog.ThinkingTypeProperty}{quote}: {quote}{DeepSeekCatalog.ThinkingDisabled}{quote}{close}";
            }

            return text.Substring(0, index) + newId + quote + insertion + text.Substring(end);
        }

        /// <summary>How a JSON quote is written in a literal whose source starts with <paramref name="start"/>.</summary>
        public static string QuoteFor(string start)
        {
            if (start.StartsWith("\"\"\"", StringComparison.Ordinal))
            {
                return "\"";
            }

            return start.StartsWith("@", StringComparison.Ordinal) ? "\"\"" : "\\\"";
        }
    }
}
