using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.FindSymbols;
using Microsoft.CodeAnalysis.Simplification;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>DSK001 fix, the rewrite: each secret in a literal, concatenation, interpolation or UTF-8 string becomes the lookup; a <c>const</c> becomes <c>static readonly</c>.</summary>
    public sealed partial class DSK001HardcodedApiKeyCodeFixProvider
    {
        // ---- Replacing the secret -----------------------------------------------------------------------------------

        private static ExpressionSyntax? ReplaceSecrets(
            ExpressionSyntax expression,
            string kind,
            Lookup lookup,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            switch (expression)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.Utf8StringLiteralExpression):
                    return ReplaceInUtf8(literal, kind, lookup, model, cancellationToken);
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return BuildConcatenation(literal.Token.ValueText, FindSecrets(literal.Token.ValueText, kind), lookup, NeedsParentheses(literal));
                case InterpolatedStringExpressionSyntax interpolated:
                    return ReplaceInInterpolatedString(interpolated, kind, lookup);
                case BinaryExpressionSyntax binary:
                    return ReplaceInConcatenation(binary, kind, lookup, model, cancellationToken);
                default:
                    return null;
            }
        }

        /// <summary>The [start, length) ranges of the secrets in a value: every real DeepSeek key, or the value after its scheme.</summary>
        private static List<(int Start, int Length)> FindSecrets(string value, string kind)
        {
            var ranges = new List<(int, int)>();
            if (kind == DSK001HardcodedApiKeyAnalyzer.ShapeKind)
            {
                for (var index = SecretText.IndexOfRealKey(value); index >= 0; index = SecretText.IndexOfRealKey(value, index + SecretText.KeyLength))
                {
                    ranges.Add((index, SecretText.KeyLength));
                }
            }
            else
            {
                var secret = SecretText.WithoutScheme(value);
                var start = secret.Length == 0 ? -1 : value.IndexOf(secret, StringComparison.Ordinal);
                if (start >= 0)
                {
                    ranges.Add((start, secret.Length));
                }
            }

            return ranges;
        }

        /// <summary><c>"Bearer " + lookup</c>: the text around the secrets as plain literals, each secret as the lookup.</summary>
        private static ExpressionSyntax? BuildConcatenation(string value, List<(int Start, int Length)> secrets, Lookup lookup, bool isOperand)
        {
            if (secrets.Count == 0)
            {
                return null;
            }

            var parts = new List<string>();
            var position = 0;
            foreach (var (start, length) in secrets)
            {
                if (start > position)
                {
                    parts.Add(Quote(value.Substring(position, start - position)));
                }

                parts.Add(lookup.Text);
                position = start + length;
            }

            if (position < value.Length)
            {
                parts.Add(Quote(value.Substring(position)));
            }

            string text;
            if (parts.Count == 1)
            {
                text = isOperand ? lookup.AsOperand : lookup.Text;
            }
            else
            {
                text = string.Join(" + ", parts.Select(p => p == lookup.Text ? lookup.AsOperand : p));
                if (isOperand)
                {
                    text = "(" + text + ")";
                }
            }

            return SyntaxFactory.ParseExpression(text);
        }

        /// <summary>True when the expression is an operand whose precedence a <c>??</c> or <c>+</c> would change.</summary>
        private static bool NeedsParentheses(ExpressionSyntax expression)
        {
            switch (expression.Parent)
            {
                case BinaryExpressionSyntax _:
                case MemberAccessExpressionSyntax _:
                case ElementAccessExpressionSyntax _:
                case ConditionalAccessExpressionSyntax _:
                case CastExpressionSyntax _:
                case PrefixUnaryExpressionSyntax _:
                case PostfixUnaryExpressionSyntax _:
                case IsPatternExpressionSyntax _:
                case SwitchExpressionSyntax _:
                case RangeExpressionSyntax _:
                    return true;
                case ConditionalExpressionSyntax conditional:
                    return conditional.Condition == expression;
                default:
                    return false;
            }
        }

        /// <summary>
        /// A constant concatenation: when one written literal holds every secret, only that literal changes (the other
        /// operands, such as named constants, stay); otherwise the whole concatenation is rebuilt from its value.
        /// </summary>
        private static ExpressionSyntax? ReplaceInConcatenation(
            BinaryExpressionSyntax binary,
            string kind,
            Lookup lookup,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            if (!(model.GetConstantValue(binary, cancellationToken).Value is string value))
            {
                return null;
            }

            var secrets = FindSecrets(value, kind);
            if (secrets.Count == 0)
            {
                return null;
            }

            var offset = 0;
            foreach (var leaf in Leaves(binary))
            {
                var constant = model.GetConstantValue(leaf, cancellationToken);
                if (constant.HasValue && constant.Value == null)
                {
                    continue;
                }

                if (!(constant.Value is string leafValue))
                {
                    break;
                }

                var start = offset;
                offset += leafValue.Length;
                if (leaf is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.StringLiteralExpression)
                    && secrets.All(s => s.Start >= start && s.Start + s.Length <= offset))
                {
                    var shifted = secrets.Select(s => (s.Start - start, s.Length)).ToList();
                    var fixedLeaf = BuildConcatenation(leafValue, shifted, lookup, isOperand: true);
                    if (fixedLeaf == null)
                    {
                        return null;
                    }

                    // A lone secret operand needs no extra parentheses around "(lookup)": string + is associative.
                    return binary.ReplaceNode(leaf, fixedLeaf.WithTriviaFrom(leaf));
                }
            }

            return BuildConcatenation(value, secrets, lookup, NeedsParentheses(binary));
        }

        private static IEnumerable<ExpressionSyntax> Leaves(ExpressionSyntax expression)
        {
            while (expression is ParenthesizedExpressionSyntax parenthesized)
            {
                expression = parenthesized.Expression;
            }

            if (expression is BinaryExpressionSyntax binary && binary.IsKind(SyntaxKind.AddExpression))
            {
                foreach (var leaf in Leaves(binary.Left))
                {
                    yield return leaf;
                }

                foreach (var leaf in Leaves(binary.Right))
                {
                    yield return leaf;
                }
            }
            else
            {
                yield return expression;
            }
        }

        /// <summary>
        /// An interpolated string keeps its holes and text; each key in its text becomes a hole <c>{lookup}</c> (with as many
        /// braces as a raw string's <c>$</c>s).
        /// </summary>
        private static ExpressionSyntax? ReplaceInInterpolatedString(InterpolatedStringExpressionSyntax interpolated, string kind, Lookup lookup)
        {
            var start = interpolated.StringStartToken.Text;
            var dollars = start.Count(c => c == '$');
            var raw = start.Contains("\"\"\"");
            var open = raw ? new string('{', dollars) : "{";
            var close = raw ? new string('}', dollars) : "}";
            var hole = open + lookup.AsOperand + close;

            var text = interpolated.ToString();
            var edits = new List<(int Start, int Length)>();
            foreach (var content in interpolated.Contents.OfType<InterpolatedStringTextSyntax>())
            {
                var token = content.TextToken;
                var tokenText = token.Text;
                var tokenOffset = token.SpanStart - interpolated.SpanStart;
                if (kind == DSK001HardcodedApiKeyAnalyzer.ShapeKind)
                {
                    foreach (var index in RawKeyIndexes(tokenText, token.ValueText))
                    {
                        edits.Add((tokenOffset + index, SecretText.KeyLength));
                    }
                }
                else
                {
                    var secret = SecretText.WithoutScheme(token.ValueText);
                    var index = secret.Length == 0 ? -1 : tokenText.IndexOf(secret, StringComparison.Ordinal);
                    if (index >= 0)
                    {
                        edits.Add((tokenOffset + index, secret.Length));
                    }
                }
            }

            if (edits.Count == 0)
            {
                return null;
            }

            var builder = new StringBuilder(text);
            foreach (var (editStart, length) in edits.OrderByDescending(e => e.Start))
            {
                builder.Remove(editStart, length).Insert(editStart, hole);
            }

            var result = SyntaxFactory.ParseExpression(builder.ToString());
            return result is InterpolatedStringExpressionSyntax && !result.ContainsDiagnostics ? result : null;
        }

        /// <summary>
        /// Where the real keys of a text part sit in its source text. Keys hold no escapable characters, so they appear
        /// verbatim; the character before one may be the end of an escape (<c>\n</c>), which is not part of a longer token.
        /// </summary>
        private static IEnumerable<int> RawKeyIndexes(string tokenText, string valueText)
        {
            if (SecretText.IndexOfRealKey(valueText) < 0)
            {
                yield break;
            }

            var index = tokenText.IndexOf(DeepSeekCatalog.KeyPrefix, StringComparison.Ordinal);
            while (index >= 0)
            {
                var isKey = DeepSeekCatalog.IsKeyAt(tokenText, index)
                    || (index >= 2 && tokenText[index - 2] == '\\' && DeepSeekCatalog.IsKeyAt(tokenText.Substring(index), 0));
                if (isKey && !SecretText.IsPatternedHex(tokenText, index + DeepSeekCatalog.KeyPrefix.Length))
                {
                    yield return index;
                    index = tokenText.IndexOf(DeepSeekCatalog.KeyPrefix, index + SecretText.KeyLength, StringComparison.Ordinal);
                }
                else
                {
                    index = tokenText.IndexOf(DeepSeekCatalog.KeyPrefix, index + 1, StringComparison.Ordinal);
                }
            }
        }

        /// <summary>
        /// A UTF-8 literal becomes <c>Encoding.UTF8.GetBytes(lookup)</c>, whose <c>byte[]</c> converts to the literal's
        /// <c>ReadOnlySpan&lt;byte&gt;</c> — only where the span is the target type (not <c>var</c>, not a member access).
        /// </summary>
        private static ExpressionSyntax? ReplaceInUtf8(
            LiteralExpressionSyntax literal,
            string kind,
            Lookup lookup,
            SemanticModel model,
            CancellationToken cancellationToken)
        {
            var allowed = literal.Parent is ArgumentSyntax
                || literal.Parent is ReturnStatementSyntax
                || literal.Parent is ArrowExpressionClauseSyntax
                || (literal.Parent is AssignmentExpressionSyntax assignment && assignment.Right == literal)
                || (literal.Parent is EqualsValueClauseSyntax equals && equals.Parent is VariableDeclaratorSyntax
                    && equals.Parent.Parent is VariableDeclarationSyntax declaration && !declaration.Type.IsVar);
            var converted = model.GetTypeInfo(literal, cancellationToken).ConvertedType as INamedTypeSymbol;
            if (!allowed || converted == null || converted.Name != "ReadOnlySpan" || converted.TypeArguments.Length != 1
                || converted.TypeArguments[0].SpecialType != SpecialType.System_Byte)
            {
                return null;
            }

            var value = literal.Token.ValueText;
            var text = BuildConcatenation(value, FindSecrets(value, kind), lookup, isOperand: false);
            return text == null
                ? null
                : SyntaxFactory.ParseExpression("global::System.Text.Encoding.UTF8.GetBytes(" + text.ToFullString() + ")");
        }

        // ---- const → static readonly ----------------------------------------------------------------------------

        /// <summary>The <c>const</c> field or local whose initialiser holds the expression, or null.</summary>
        private static SyntaxNode? FindConstDeclaration(ExpressionSyntax expression)
        {
            SyntaxNode node = expression;
            while (node.Parent is ExpressionSyntax || node.Parent is InterpolationSyntax)
            {
                node = node.Parent;
            }

            if (!(node.Parent is EqualsValueClauseSyntax equals) || !(equals.Parent is VariableDeclaratorSyntax)
                || !(equals.Parent.Parent is VariableDeclarationSyntax declaration))
            {
                return null;
            }

            switch (declaration.Parent)
            {
                case FieldDeclarationSyntax field when field.Modifiers.Any(SyntaxKind.ConstKeyword):
                    return field;
                case LocalDeclarationStatementSyntax local when local.IsConst:
                    return local;
                default:
                    return null;
            }
        }

        private static SyntaxNode RemoveConst(SyntaxNode declaration)
        {
            switch (declaration)
            {
                case FieldDeclarationSyntax field:
                    {
                        var modifiers = new List<SyntaxToken>();
                        foreach (var modifier in field.Modifiers)
                        {
                            if (modifier.IsKind(SyntaxKind.ConstKeyword))
                            {
                                modifiers.Add(SyntaxFactory.Token(modifier.LeadingTrivia, SyntaxKind.StaticKeyword, SyntaxFactory.TriviaList(SyntaxFactory.Space)));
                                modifiers.Add(SyntaxFactory.Token(SyntaxTriviaList.Empty, SyntaxKind.ReadOnlyKeyword, modifier.TrailingTrivia));
                            }
                            else
                            {
                                modifiers.Add(modifier);
                            }
                        }

                        return field.WithModifiers(SyntaxFactory.TokenList(modifiers));
                    }

                case LocalDeclarationStatementSyntax local:
                    {
                        var constToken = local.Modifiers.First(m => m.IsKind(SyntaxKind.ConstKeyword));
                        var withoutConst = local.WithModifiers(local.Modifiers.Remove(constToken));
                        return withoutConst.Modifiers.Count == 0
                            ? withoutConst.WithLeadingTrivia(constToken.LeadingTrivia)
                            : withoutConst;
                    }

                default:
                    return declaration;
            }
        }
    }
}
