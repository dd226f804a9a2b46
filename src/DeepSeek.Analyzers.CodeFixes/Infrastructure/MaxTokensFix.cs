using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Analyzers.Rules;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The DSK006 rewrites, as text changes in the file's own layout: a <c>max_tokens</c> member in a raw body (anonymous
    /// object, dictionary or <c>JsonObject</c> entry, JSON text), or for an OpenAI chat call
    /// <c>options.Patch.Set("$.max_tokens"u8, n)</c> inside <c>#pragma warning disable/restore SCME0001</c> — on the options
    /// local, or on a new one (created from the inline options, or from nothing) passed to the call. Each returns null where
    /// no safe rewrite exists (a call outside a statement block, such as an expression-bodied member).
    /// </summary>
    internal static class MaxTokensFix
    {
        private const string OptionsName = "chatOptions";
        private const string Experimental = "SCME0001";

        public static async Task<IReadOnlyList<TextChange>?> ChangesAsync(Document document, TextSpan span, string shape, int maxTokens, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            var node = root?.FindNode(span, getInnermostNodeForTie: true);
            if (root == null || node == null)
            {
                return null;
            }

            var value = maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture);
            switch (shape)
            {
                case DSK006MissingMaxTokensAnalyzer.AnonymousShape when node is AnonymousObjectCreationExpressionSyntax anonymous:
                    return Append(text, anonymous.OpenBraceToken, anonymous.Initializers, $"{DeepSeekCatalog.MaxTokensProperty} = {value}");
                case DSK006MissingMaxTokensAnalyzer.EntriesShape when node is BaseObjectCreationExpressionSyntax creation:
                    return Entries(text, creation, value);
                case DSK006MissingMaxTokensAnalyzer.JsonTextShape:
                    return JsonText(node, value);
                case DSK006MissingMaxTokensAnalyzer.OpenAIShape when node is InvocationExpressionSyntax invocation:
                    {
                        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        return model == null ? null : OpenAICall(text, model, invocation, value, cancellationToken);
                    }

                case DSK006MissingMaxTokensAnalyzer.BetalgoShape when node is InvocationExpressionSyntax invocation:
                    {
                        var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
                        return model == null ? null : BetalgoCall(text, model, invocation, value, cancellationToken);
                    }

                default:
                    return null;
            }
        }

        /// <summary>
        /// The DeepSeek.Runtime variant: <c>.UseDeepSeek()</c> after the client's <c>new OpenAIClientOptions { … }</c> (with
        /// <c>DefaultMaxTokens</c> when it differs from the runtime's default), and <c>using DeepSeek.Runtime;</c>. Null when the
        /// project does not reference the runtime or the options are not where the analyzer saw them.
        /// </summary>
        public static async Task<IReadOnlyList<TextChange>?> RuntimeChangesAsync(Document document, TextSpan optionsSpan, int maxTokens, CancellationToken cancellationToken)
        {
            var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
            var model = await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false);
            if (root == null || model?.Compilation.GetTypeByMetadataName(RuntimePipelines.ExtensionsMetadataName) == null
                || !(root.FindNode(optionsSpan, getInnermostNodeForTie: true) is ObjectCreationExpressionSyntax creation))
            {
                return null;
            }

            if (creation.Parent is MemberAccessExpressionSyntax access && access.Expression == creation
                && access.Name.Identifier.ValueText == RuntimePipelines.UseDeepSeekName)
            {
                // Another call on the same client already attached it (Fix All).
                return Array.Empty<TextChange>();
            }

            var arguments = maxTokens == DeepSeekCatalog.DefaultMaxTokens
                ? string.Empty
                : "new DeepSeekRequestOptions { DefaultMaxTokens = " + maxTokens.ToString(System.Globalization.CultureInfo.InvariantCulture) + " }";
            var changes = new List<TextChange>();
            if (root is CompilationUnitSyntax unit && !unit.Usings.Any(u => u.Name?.ToString() == "DeepSeek.Runtime"))
            {
                var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
                var newLine = NewLine(text);
                var last = unit.Usings.LastOrDefault();
                changes.Add(last != null
                    ? new TextChange(new TextSpan(text.Lines.GetLineFromPosition(last.Span.End).EndIncludingLineBreak, 0), "using DeepSeek.Runtime;" + newLine)
                    : new TextChange(new TextSpan(0, 0), "using DeepSeek.Runtime;" + newLine + newLine));
            }

            changes.Add(new TextChange(new TextSpan(creation.Span.End, 0), "." + RuntimePipelines.UseDeepSeekName + "(" + arguments + ")"));
            return changes;
        }

        /// <summary>Applies <paramref name="changes"/>; a null list leaves the document as it is.</summary>
        public static async Task<Document> ApplyAsync(Document document, IReadOnlyList<TextChange>? changes, CancellationToken cancellationToken)
        {
            if (changes == null)
            {
                return document;
            }

            var text = await document.GetTextAsync(cancellationToken).ConfigureAwait(false);
            return document.WithText(text.WithChanges(changes));
        }

        /// <summary>Where <paramref name="position"/> moves to once <paramref name="changes"/> are applied (positions before a change stay).</summary>
        public static int Map(int position, IReadOnlyList<TextChange> changes)
        {
            var delta = 0;
            foreach (var change in changes)
            {
                if (change.Span.End <= position)
                {
                    delta += change.NewText!.Length - change.Span.Length;
                }
            }

            return position + delta;
        }

        // ---- Raw bodies -------------------------------------------------------------------------------------

        private static IReadOnlyList<TextChange>? Entries(SourceText text, BaseObjectCreationExpressionSyntax creation, string value)
        {
            var key = "\"" + DeepSeekCatalog.MaxTokensProperty + "\"";
            var initializer = creation.Initializer;
            if (initializer == null)
            {
                // new JsonObject() or new Dictionary<string, object?>() filled later: an initializer holds the limit.
                return new[] { new TextChange(new TextSpan(creation.Span.End, 0), $" {{ [{key}] = {value} }}") };
            }

            // The entries' own style: { "key", value } or ["key"] = value.
            var addStyle = initializer.Expressions.Count > 0 && initializer.Expressions[0] is InitializerExpressionSyntax;
            return Append(text, initializer.OpenBraceToken, initializer.Expressions, addStyle ? $"{{ {key}, {value} }}" : $"[{key}] = {value}");
        }

        /// <summary>
        /// Adds a member after the last one of a brace list, in its layout: on a new line with the same indentation when the
        /// members are one per line, else on the same line; a trailing comma stays a trailing comma.
        /// </summary>
        private static IReadOnlyList<TextChange> Append<T>(SourceText text, SyntaxToken openBrace, SeparatedSyntaxList<T> members, string member)
            where T : SyntaxNode
        {
            if (members.Count == 0)
            {
                return new[] { new TextChange(new TextSpan(openBrace.Span.End, 0), $" {member} ").WithTrim(text, openBrace) };
            }

            var last = members[members.Count - 1];
            var trailingComma = members.SeparatorCount == members.Count;
            var lastLine = text.Lines.GetLineFromPosition(last.SpanStart);
            var multiLine = lastLine.LineNumber != text.Lines.GetLineFromPosition(openBrace.SpanStart).LineNumber;
            var indent = multiLine ? IndentOf(text, lastLine) : null;
            if (trailingComma)
            {
                var comma = members.GetSeparator(members.Count - 1);
                return new[] { new TextChange(new TextSpan(comma.Span.End, 0), multiLine ? $"{NewLine(text)}{indent}{member}," : $" {member},") };
            }

            return new[] { new TextChange(new TextSpan(last.Span.End, 0), multiLine ? $",{NewLine(text)}{indent}{member}" : $", {member}") };
        }

        private static TextChange WithTrim(this TextChange change, SourceText text, SyntaxToken openBrace)
        {
            // "{ }" becomes "{ member }", not "{  member  }".
            var next = openBrace.GetNextToken();
            var between = TextSpan.FromBounds(openBrace.Span.End, next.SpanStart);
            return text.ToString(between).Trim().Length == 0
                ? new TextChange(between, change.NewText!.TrimEnd() + " ")
                : change;
        }

        /// <summary><c>"max_tokens": n</c> before the <c>"model"</c> key of JSON text, in the string's own quoting.</summary>
        private static IReadOnlyList<TextChange>? JsonText(SyntaxNode node, string value)
        {
            switch (node)
            {
                case LiteralExpressionSyntax literal when literal.Token.IsKind(SyntaxKind.StringLiteralToken)
                                                          || literal.Token.IsKind(SyntaxKind.SingleLineRawStringLiteralToken)
                                                          || literal.Token.IsKind(SyntaxKind.MultiLineRawStringLiteralToken):
                    return JsonInsert(literal.Token.Text, literal.Token.SpanStart, JsonTextFix.QuoteFor(literal.Token.Text), value);
                case InterpolatedStringExpressionSyntax interpolated:
                    var quote = JsonTextFix.QuoteFor(interpolated.StringStartToken.Text.Replace("$", string.Empty));
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax part)
                        {
                            var change = JsonInsert(part.TextToken.Text, part.TextToken.SpanStart, quote, value);
                            if (change != null)
                            {
                                return change;
                            }
                        }
                    }

                    return null;
                default:
                    return null;
            }
        }

        internal static IReadOnlyList<TextChange>? JsonInsert(string source, int start, string quote, string value)
        {
            var key = quote + "model" + quote;
            var index = source.IndexOf(key, StringComparison.Ordinal);
            while (index >= 0 && !IsKey(source, index + key.Length))
            {
                // "user": "model" is a value, not the key.
                index = source.IndexOf(key, index + key.Length, StringComparison.Ordinal);
            }

            if (index < 0)
            {
                return null;
            }

            // On the key's own line when the keys are one per line, else just before it.
            var lineStart = source.LastIndexOf('\n', index) + 1;
            var before = source.Substring(lineStart, index - lineStart);
            var member = $"{quote}{DeepSeekCatalog.MaxTokensProperty}{quote}: {value},";
            var insertion = before.Trim().Length == 0 && lineStart > 0
                ? member + (source[lineStart - 1] == '\n' && lineStart >= 2 && source[lineStart - 2] == '\r' ? "\r\n" : "\n") + before
                : member + " ";
            return new[] { new TextChange(new TextSpan(start + index, 0), insertion) };
        }

        // ---- Betalgo requests -----------------------------------------------------------------------------------

        /// <summary><c>MaxTokens = n</c> in the request's initializer (inline, or where the request local is created).</summary>
        private static IReadOnlyList<TextChange>? BetalgoCall(
            SourceText text, SemanticModel model, InvocationExpressionSyntax invocation, string value, CancellationToken cancellationToken)
        {
            var requestType = model.Compilation.GetTypeByMetadataName(MetadataNames.BetalgoChatCompletionCreateRequest);
            if (requestType == null || !(model.GetOperation(invocation, cancellationToken) is IInvocationOperation call))
            {
                return null;
            }

            var request = call.Arguments.FirstOrDefault(a => a.Parameter != null && SymbolEqualityComparer.Default.Equals(a.Parameter.Type, requestType))?.Value.WithoutConversions();
            var creation = request?.Syntax as BaseObjectCreationExpressionSyntax;
            if (request is ILocalReferenceOperation local)
            {
                var declarator = local.Local.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) as VariableDeclaratorSyntax;
                creation = declarator?.Initializer?.Value as BaseObjectCreationExpressionSyntax;
            }

            if (creation == null)
            {
                return null;
            }

            const string property = "MaxTokens";
            value = LimitOf(creation, "MaxCompletionTokens") ?? value;
            var initializer = creation.Initializer;
            if (initializer == null)
            {
                return new[] { new TextChange(new TextSpan(creation.Span.End, 0), $" {{ {property} = {value} }}") };
            }

            // A request shared by several calls gets the member once.
            return initializer.Expressions.Any(e => e is AssignmentExpressionSyntax a && a.Left is IdentifierNameSyntax n && n.Identifier.ValueText == property)
                ? Array.Empty<TextChange>()
                : Append(text, initializer.OpenBraceToken, initializer.Expressions, $"{property} = {value}");
        }

        /// <summary>A colon follows <paramref name="end"/> after white space (also written as <c>\n</c>, <c>\r</c>, <c>\t</c> escapes).</summary>
        private static bool IsKey(string source, int end)
        {
            var i = end;
            while (i < source.Length)
            {
                var c = source[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                }
                else if (c == '\\' && i + 1 < source.Length && (source[i + 1] == 'n' || source[i + 1] == 'r' || source[i + 1] == 't'))
                {
                    i += 2;
                }
                else
                {
                    return c == ':';
                }
            }

            return false;
        }

        // ---- OpenAI chat calls ---------------------------------------------------------------------------------

        private static IReadOnlyList<TextChange>? OpenAICall(
            SourceText text, SemanticModel model, InvocationExpressionSyntax invocation, string value, CancellationToken cancellationToken)
        {
            if (!(model.GetOperation(invocation, cancellationToken) is IInvocationOperation call))
            {
                return null;
            }

            var optionsType = model.Compilation.GetTypeByMetadataName(MetadataNames.ChatCompletionOptions);
            var statement = StatementOf(invocation);
            if (optionsType == null || statement == null)
            {
                return null;
            }

            IArgumentOperation? options = null;
            foreach (var argument in call.Arguments)
            {
                if (argument.Parameter != null && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, optionsType))
                {
                    options = argument;
                }
            }

            var indent = IndentOf(text, text.Lines.GetLineFromPosition(statement.SpanStart));
            var newLine = NewLine(text);
            var argumentValue = options == null || options.ArgumentKind == ArgumentKind.DefaultValue ? null : options.Value.WithoutConversions();

            // The options local: the limit goes right after its declaration.
            if (argumentValue is ILocalReferenceOperation local)
            {
                var declaration = DeclarationOf(local.Local, cancellationToken);
                if (declaration == null || AlreadyPatched(declaration, local.Local.Name))
                {
                    return declaration == null ? null : Array.Empty<TextChange>();
                }

                var declarationIndent = IndentOf(text, text.Lines.GetLineFromPosition(declaration.SpanStart));
                var end = text.Lines.GetLineFromPosition(declaration.Span.End).EndIncludingLineBreak;
                return new[] { new TextChange(new TextSpan(end, 0), Patch(local.Local.Name, LimitOf(declaration) ?? value, declarationIndent, newLine)) };
            }

            var name = FreeName(model, statement.SpanStart);
            string creation;
            var changes = new List<TextChange>();
            if (argumentValue is IObjectCreationOperation inline)
            {
                creation = inline.Syntax.ToString();
                value = LimitOf(inline.Syntax) ?? value;
                changes.Add(new TextChange(inline.Syntax.Span, name));
            }
            else if (argumentValue == null || argumentValue.ConstantValue.HasValue || argumentValue is IDefaultValueOperation)
            {
                creation = "new " + optionsType.ToMinimalDisplayString(model, invocation.SpanStart) + "()";
                if (argumentValue != null)
                {
                    changes.Add(new TextChange(argumentValue.Syntax.Span, name));
                }
                else if (!AddOptionsArgument(model, invocation, call, optionsType, name, changes))
                {
                    return null;
                }
            }
            else
            {
                return null;
            }

            var lineStart = text.Lines.GetLineFromPosition(statement.SpanStart).Start;
            changes.Insert(0, new TextChange(
                new TextSpan(lineStart, 0),
                $"{indent}var {name} = {creation};{newLine}" + Patch(name, value, indent, newLine)));
            return changes;
        }

        /// <summary>
        /// Adds the options argument to a call that has none: after the messages (named when a later argument is named), or,
        /// for the <c>params ChatMessage[]</c> overload, with the messages turned into one collection.
        /// </summary>
        private static bool AddOptionsArgument(
            SemanticModel model, InvocationExpressionSyntax invocation, IInvocationOperation call, ITypeSymbol optionsType, string name, List<TextChange> changes)
        {
            var list = invocation.ArgumentList;
            var hasOptionsParameter = call.TargetMethod.Parameters.Any(p => SymbolEqualityComparer.Default.Equals(p.Type, optionsType));
            if (hasOptionsParameter)
            {
                var parameter = call.TargetMethod.Parameters.First(p => SymbolEqualityComparer.Default.Equals(p.Type, optionsType));
                var positional = list.Arguments.Count == parameter.Ordinal && list.Arguments.All(a => a.NameColon == null);
                var argument = positional ? name : parameter.Name + ": " + name;
                changes.Add(list.Arguments.Count == 0
                    ? new TextChange(new TextSpan(list.OpenParenToken.Span.End, 0), argument)
                    : new TextChange(new TextSpan(list.Arguments.Last().Span.End, 0), ", " + argument));
                return true;
            }

            // CompleteChat(params ChatMessage[] messages): the messages become one collection for the overload with options.
            var messages = call.Arguments.FirstOrDefault();
            if (messages == null || call.Arguments.Length != 1 || list.Arguments.Count == 0 || list.Arguments.Any(a => a.NameColon != null))
            {
                return false;
            }

            var span = TextSpan.FromBounds(list.Arguments.First().SpanStart, list.Arguments.Last().Span.End);
            string collection;
            if (messages.ArgumentKind == ArgumentKind.ParamArray)
            {
                var items = string.Join(", ", list.Arguments.Select(a => a.ToString()));
                var elementType = ((IArrayTypeSymbol)messages.Parameter!.Type).ElementType.ToMinimalDisplayString(model, invocation.SpanStart);
                collection = ((CSharpParseOptions)invocation.SyntaxTree.Options).LanguageVersion >= LanguageVersion.CSharp12
                    ? "[" + items + "]"
                    : "new " + elementType + "[] { " + items + " }";
            }
            else
            {
                collection = list.Arguments[0].ToString();
            }

            changes.Add(new TextChange(span, collection + ", " + name));
            return true;
        }

        /// <summary>The limit the options already ask for as <c>MaxOutputTokenCount = n</c> (a literal; Betalgo: <c>MaxCompletionTokens</c>), to send as <c>max_tokens</c> too.</summary>
        private static string? LimitOf(SyntaxNode node, string property = "MaxOutputTokenCount")
        {
            foreach (var assignment in node.DescendantNodes().OfType<AssignmentExpressionSyntax>())
            {
                if (assignment.Left is IdentifierNameSyntax name && name.Identifier.ValueText == property
                    && assignment.Right is LiteralExpressionSyntax literal && literal.IsKind(SyntaxKind.NumericLiteralExpression))
                {
                    return literal.Token.Text;
                }
            }

            return null;
        }

        private static string Patch(string name, string value, string indent, string newLine)
            => $"{indent}#pragma warning disable {Experimental} // Patch is experimental; it is how the OpenAI SDK sends max_tokens{newLine}"
               + $"{indent}{name}.Patch.Set(\"{OutputLimits.MaxTokensPatchPath}\"u8, {value});{newLine}"
               + $"{indent}#pragma warning restore {Experimental}{newLine}";

        /// <summary>A Fix All pass (or a second call on the same options) already added the line.</summary>
        private static bool AlreadyPatched(StatementSyntax declaration, string name)
        {
            var parent = declaration.Parent;
            var siblings = parent is BlockSyntax block ? block.Statements.Cast<SyntaxNode>()
                : parent is GlobalStatementSyntax global && global.Parent is CompilationUnitSyntax unit ? unit.Members.OfType<GlobalStatementSyntax>().Select(g => (SyntaxNode)g.Statement)
                : Enumerable.Empty<SyntaxNode>();
            var next = siblings.SkipWhile(s => s != declaration).Skip(1).FirstOrDefault();
            return next != null && next.ToString().StartsWith(name + ".Patch.Set(\"" + OutputLimits.MaxTokensPatchPath + "\"u8", StringComparison.Ordinal);
        }

        /// <summary>The statement holding the call, when it sits directly in a block or among top-level statements.</summary>
        private static StatementSyntax? StatementOf(SyntaxNode node)
        {
            for (var current = node.Parent; current != null; current = current.Parent)
            {
                if (current is AnonymousFunctionExpressionSyntax || current is LocalFunctionStatementSyntax || current is MemberDeclarationSyntax && !(current is GlobalStatementSyntax))
                {
                    return null;
                }

                if (current is StatementSyntax statement && (statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax))
                {
                    return statement;
                }
            }

            return null;
        }

        private static StatementSyntax? DeclarationOf(ILocalSymbol local, CancellationToken cancellationToken)
        {
            var reference = local.DeclaringSyntaxReferences.FirstOrDefault();
            var statement = reference?.GetSyntax(cancellationToken).FirstAncestorOrSelf<LocalDeclarationStatementSyntax>();
            return statement != null && (statement.Parent is BlockSyntax || statement.Parent is GlobalStatementSyntax) ? statement : null;
        }

        private static string FreeName(SemanticModel model, int position)
        {
            for (var i = 1; ; i++)
            {
                var name = i == 1 ? OptionsName : OptionsName + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
                if (model.LookupSymbols(position, name: name).IsEmpty && !DeclaredInScope(model, position, name))
                {
                    return name;
                }
            }
        }

        /// <summary>A local declared later in the same block is not in <c>LookupSymbols</c> before it, yet its name is taken.</summary>
        private static bool DeclaredInScope(SemanticModel model, int position, string name)
        {
            var token = model.SyntaxTree.GetRoot().FindToken(position);
            var scope = token.Parent?.FirstAncestorOrSelf<SyntaxNode>(n => n is BlockSyntax || n is CompilationUnitSyntax || n is MemberDeclarationSyntax && !(n is GlobalStatementSyntax));
            return scope != null && scope.DescendantNodes().OfType<VariableDeclaratorSyntax>().Any(v => v.Identifier.ValueText == name);
        }

        private static string IndentOf(SourceText text, TextLine line)
        {
            var lineText = text.ToString(line.Span);
            return lineText.Substring(0, lineText.Length - lineText.TrimStart().Length);
        }

        private static string NewLine(SourceText text)
        {
            foreach (var line in text.Lines)
            {
                if (line.EndIncludingLineBreak > line.End)
                {
                    return text.ToString(TextSpan.FromBounds(line.End, line.EndIncludingLineBreak));
                }
            }

            return "\n";
        }
    }
}
