using System;
using System.Buffers;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The per-file gate: can this syntax tree hold DeepSeek evidence at all? Decided once per tree from its text, in one
    /// pass over the characters: the word DeepSeek in any case (also <c>deep-seek</c>, <c>DEEP_SEEK</c>), a catalog id or
    /// alias (the <c>deepseek.catalog.json</c> ones too), a configured secret name (<c>api_key_variable</c>,
    /// <c>api_key_configuration_key</c>) or a DeepSeek-shaped key (<c>sk-</c> + 32 hex). A file without any of them gets
    /// no per-file evidence and no evidence question is asked of it; with <c>scope = all_openai_compatible</c> every file
    /// passes, since any OpenAI-compatible client counts there.
    /// </summary>
    /// <remarks>
    /// Evidence can reach a file from another one only through the initialiser of a field or property declared there
    /// (<c>Settings.Endpoint</c>, read from syntax): a file that names such a member passes too. What the gate does not see:
    /// a DeepSeek SDK type used in a file that never spells its name (<c>var c = factory.Create()</c>).
    /// </remarks>
    internal sealed class DeepSeekFileGate
    {
        private const int ChunkSize = 8192;

        private readonly Compilation _compilation;
        private readonly EffectiveCatalog _catalog;
        private readonly DeepSeekOptionsCache _options;
        private readonly bool _enabled;
        private readonly ConcurrentDictionary<SyntaxTree, TextFacts> _textual = new ConcurrentDictionary<SyntaxTree, TextFacts>();
        private readonly ConcurrentDictionary<SyntaxTree, bool> _gate = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly ConcurrentDictionary<DeepSeekOptions, string[]> _words = new ConcurrentDictionary<DeepSeekOptions, string[]>();
        private readonly ConcurrentDictionary<SyntaxTree, bool> _retry = new ConcurrentDictionary<SyntaxTree, bool>();
        private readonly ConcurrentDictionary<SyntaxTree, bool> _unbounded = new ConcurrentDictionary<SyntaxTree, bool>();
        private HashSet<string>? _crossFileMembers;

        public DeepSeekFileGate(Compilation compilation, EffectiveCatalog catalog, DeepSeekOptionsCache options, bool enabled)
        {
            _compilation = compilation;
            _catalog = catalog;
            _options = options;
            _enabled = enabled;
        }

        /// <summary>True when the file of <paramref name="operation"/> may hold DeepSeek evidence (see the type's summary).</summary>
        public bool MayHoldEvidence(IOperation operation, CancellationToken cancellationToken)
            => MayHoldEvidence(operation.Syntax.SyntaxTree, cancellationToken);

        /// <summary>True when <paramref name="tree"/> may hold DeepSeek evidence: decided once per tree, from its text.</summary>
        public bool MayHoldEvidence(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (!_enabled)
            {
                return true;
            }

            if (_gate.TryGetValue(tree, out var open))
            {
                return open;
            }

            open = _options.Get(tree).Scope == DeepSeekScope.AllOpenAICompatible
                   || HasEvidenceText(tree, cancellationToken)
                   || NamesCrossFileMember(tree, cancellationToken);
            _gate.TryAdd(tree, open);
            return open;
        }

        /// <summary>
        /// True when <paramref name="tree"/> may hold a DeepSeek-shaped key, whole or built by concatenation: it may hold
        /// evidence (a whole key is evidence text), or its text spells the key prefix (<c>"sk-" + hex</c>).
        /// </summary>
        public bool MayHoldKey(SyntaxTree tree, CancellationToken cancellationToken)
            => MayHoldEvidence(tree, cancellationToken) || (TextFactsOf(tree, cancellationToken) & TextFacts.KeyPrefix) != 0;

        /// <summary>
        /// True when <paramref name="tree"/> may hold a DeepSeek URL, misspelt hosts included: it may hold evidence, or its
        /// text has a host stem (see <see cref="TextFacts.HostStem"/>), which every one of
        /// <see cref="DeepSeekCatalog.MisspeltHosts"/> has (a test holds the catalog to that).
        /// </summary>
        public bool MayHoldDeepSeekUrl(SyntaxTree tree, CancellationToken cancellationToken)
            => MayHoldEvidence(tree, cancellationToken) || (TextFactsOf(tree, cancellationToken) & TextFacts.HostStem) != 0;

        /// <summary>
        /// True when <paramref name="tree"/> may hold a retry construct: every retry API the rules know has "Retry" in its name
        /// (Polly's <c>Retry…</c>/<c>WaitAndRetry…</c>, <c>RetryStrategyOptions</c>, <c>MaxRetryAttempts</c>,
        /// <c>ClientRetryPolicy</c>), so a file that never spells it holds none. Decided once per tree.
        /// </summary>
        public bool MayNameRetry(SyntaxTree tree, CancellationToken cancellationToken)
            => !_enabled || Spells(tree, RetryWords, _retry, cancellationToken);

        /// <summary>
        /// True when <paramref name="tree"/> may hold an unbounded retry construct (DSK007 reports those without evidence): it
        /// names a retry API and spells "Forever" (Polly's <c>…Forever</c> policies) or the bound that never ends
        /// (<c>int.MaxValue</c>, <c>2147483647</c>). A constant equal to <c>int.MaxValue</c> declared in another file is
        /// not seen; <c>deepseek_analyzers.file_gate = false</c> sees it.
        /// </summary>
        public bool MayNameUnboundedRetry(SyntaxTree tree, CancellationToken cancellationToken)
            => !_enabled || (MayNameRetry(tree, cancellationToken) && Spells(tree, UnboundedWords, _unbounded, cancellationToken));

        private static readonly string[] RetryWords = { "Retry" };
        private static readonly string[] UnboundedWords = { "Forever", "MaxValue", "2147483647" };

        /// <summary>True when the tree's text holds one of <paramref name="words"/> (ordinal), cached per tree.</summary>
        private static bool Spells(SyntaxTree tree, string[] words, ConcurrentDictionary<SyntaxTree, bool> cache, CancellationToken cancellationToken)
        {
            if (cache.TryGetValue(tree, out var found))
            {
                return found;
            }

            var overlap = 0;
            foreach (var word in words)
            {
                overlap = Math.Max(overlap, word.Length);
            }

            var text = tree.GetText(cancellationToken);
            var buffer = ArrayPool<char>.Shared.Rent(ChunkSize + overlap);
            try
            {
                for (var start = 0; !found && start < text.Length; start += ChunkSize)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(ChunkSize + overlap, text.Length - start);
                    text.CopyTo(start, buffer, 0, count);
                    var chunk = new ReadOnlySpan<char>(buffer, 0, count);
                    foreach (var word in words)
                    {
                        found |= chunk.IndexOf(word.AsSpan()) >= 0;
                    }
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }

            cache.TryAdd(tree, found);
            return found;
        }

        /// <summary>What one pass over a file's text found.</summary>
        [Flags]
        internal enum TextFacts
        {
            None = 0,

            /// <summary>Evidence text: DeepSeek in any spelling, a DeepSeek-shaped key, a catalog or configured word.</summary>
            Evidence = 1,

            /// <summary>The key prefix, <c>sk-</c>.</summary>
            KeyPrefix = 2,

            /// <summary>
            /// A 'k' with a host stem (<c>api.de</c> or <c>api-de</c>, any case) starting within the <see cref="HostStemReach"/>
            /// characters before it: the start of every misspelt DeepSeek host (api.depseek.com, api.deep-seek.com), which
            /// words such as <c>Seek</c> or <c>deep copy</c> are not.
            /// </summary>
            HostStem = 4,
        }

        /// <summary>How far before a 'k' a host stem may start (api.deeepseek.com: 12).</summary>
        internal const int HostStemReach = 13;

        /// <summary>The facts of a text, as the gate finds them (for tests).</summary>
        internal static TextFacts TextFactsOf(string text, string[] words)
            => Scan(SourceText.From(text), new TextSpan(0, text.Length), words, CancellationToken.None);

        private bool HasEvidenceText(SyntaxTree tree, CancellationToken cancellationToken)
            => (TextFactsOf(tree, cancellationToken) & TextFacts.Evidence) != 0;

        private TextFacts TextFactsOf(SyntaxTree tree, CancellationToken cancellationToken)
        {
            if (_textual.TryGetValue(tree, out var facts))
            {
                return facts;
            }

            var text = tree.GetText(cancellationToken);
            facts = Scan(text, new TextSpan(0, text.Length), WordsFor(tree), cancellationToken);
            _textual.TryAdd(tree, facts);
            return facts;
        }

        /// <summary>
        /// The extra words a file may hold evidence through: catalog ids and aliases and configured secret names that do not
        /// already contain "deepseek" (which the scan finds by itself), lower-cased.
        /// </summary>
        private string[] WordsFor(SyntaxTree tree)
            => _words.GetOrAdd(_options.Get(tree), options =>
            {
                var words = new List<string>();
                void Add(string? word)
                {
                    if (!string.IsNullOrEmpty(word) && word!.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) < 0)
                    {
                        var lower = word.ToLowerInvariant();
                        if (!words.Contains(lower))
                        {
                            words.Add(lower);
                        }
                    }
                }

                foreach (var model in _catalog.Models)
                {
                    Add(model.Id);
                }

                foreach (var alias in _catalog.Aliases)
                {
                    Add(alias.Alias);
                }

                Add(options.ApiKeyVariable);
                Add(options.ApiKeyConfigurationKey);
                return words.ToArray();
            });

        /// <summary>
        /// One pass over the text, in pooled chunks that overlap by the longest word: no allocation per character or node.
        /// Every built-in signal holds a 'k' ("seek", "sk-"), so a vectorised search for k/K finds the few places to look at;
        /// configured words are searched for by their first letter the same way. Stops at the first evidence; the other
        /// facts are only complete for text without evidence (where they are asked).
        /// </summary>
        private static TextFacts Scan(SourceText text, TextSpan span, string[] words, CancellationToken cancellationToken)
        {
            var overlap = SecretText.KeyLength;
            foreach (var word in words)
            {
                overlap = Math.Max(overlap, word.Length);
            }

            var facts = TextFacts.None;
            var buffer = ArrayPool<char>.Shared.Rent(ChunkSize + overlap);
            try
            {
                var start = span.Start;
                while (start < span.End)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var count = Math.Min(ChunkSize + overlap, span.End - start);
                    text.CopyTo(start, buffer, 0, count);
                    if (HasSignal(buffer, count, ref facts) || HasWord(buffer, count, words))
                    {
                        return facts | TextFacts.Evidence;
                    }

                    if (start + count >= span.End)
                    {
                        break;
                    }

                    start += ChunkSize;
                }

                return facts;
            }
            finally
            {
                ArrayPool<char>.Shared.Return(buffer);
            }
        }

        private static bool Contains(SourceText text, TextSpan span, string[] words, CancellationToken cancellationToken)
            => (Scan(text, span, words, cancellationToken) & TextFacts.Evidence) != 0;

        /// <summary>"deep…seek" ending at a 'k', or "sk-" + 32 hex whose 'k' it is; on the way, the key prefix and host stems.</summary>
        private static bool HasSignal(char[] buffer, int count, ref TextFacts facts)
        {
            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            var i = 0;
            while (i < count)
            {
                var hit = chunk.Slice(i).IndexOfAny('k', 'K');
                if (hit < 0)
                {
                    return false;
                }

                var k = i + hit;
                var seek = k >= 3 && IsWordAt(buffer, k - 3, count, "seek");
                if (seek && EndsWithDeep(buffer, k - 3))
                {
                    return true;
                }

                if (k >= 1 && k + 1 < count && buffer[k + 1] == '-' && Lower(buffer[k - 1]) == 's')
                {
                    if (IsKeyShape(buffer, k - 1, count))
                    {
                        return true;
                    }

                    if (buffer[k - 1] == 's' && buffer[k] == 'k')
                    {
                        facts |= TextFacts.KeyPrefix;
                    }
                }

                if ((facts & TextFacts.HostStem) == 0 && HasHostStemBefore(buffer, k))
                {
                    facts |= TextFacts.HostStem;
                }

                i = k + 1;
            }

            return false;
        }

        private static bool HasHostStemBefore(char[] buffer, int k)
        {
            for (var j = Math.Max(0, k - HostStemReach); j + 6 <= k; j++)
            {
                if (Lower(buffer[j]) == 'a' && IsWordAt(buffer, j, k, "api") && (buffer[j + 3] == '.' || buffer[j + 3] == '-')
                    && IsWordAt(buffer, j + 4, k, "de"))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>"deep" and any run of '-' or '_' right before <paramref name="seek"/> (DeepSeek, deep-seek, DEEP_SEEK_API_KEY).</summary>
        private static bool EndsWithDeep(char[] buffer, int seek)
        {
            var j = seek;
            while (j > 0 && (buffer[j - 1] == '-' || buffer[j - 1] == '_'))
            {
                j--;
            }

            return j >= 4 && IsWordAt(buffer, j - 4, j, "deep");
        }

        private static bool HasWord(char[] buffer, int count, string[] words)
        {
            if (words.Length == 0)
            {
                return false;
            }

            var chunk = new ReadOnlySpan<char>(buffer, 0, count);
            foreach (var word in words)
            {
                var first = word[0];
                var upper = char.ToUpperInvariant(first);
                var i = 0;
                while (i < count)
                {
                    var hit = chunk.Slice(i).IndexOfAny(first, upper);
                    if (hit < 0)
                    {
                        break;
                    }

                    if (IsWordAt(buffer, i + hit, count, word))
                    {
                        return true;
                    }

                    i += hit + 1;
                }
            }

            return false;
        }

        private static bool IsKeyShape(char[] buffer, int i, int count)
        {
            if (i + SecretText.KeyLength > count || !IsWordAt(buffer, i, count, DeepSeekCatalog.KeyPrefix))
            {
                return false;
            }

            for (var j = i + DeepSeekCatalog.KeyPrefix.Length; j < i + SecretText.KeyLength; j++)
            {
                var h = Lower(buffer[j]);
                if (!((h >= '0' && h <= '9') || (h >= 'a' && h <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsWordAt(char[] buffer, int i, int count, string lowerWord)
        {
            if (i + lowerWord.Length > count)
            {
                return false;
            }

            for (var k = 0; k < lowerWord.Length; k++)
            {
                if (Lower(buffer[i + k]) != lowerWord[k])
                {
                    return false;
                }
            }

            return true;
        }

        private static char Lower(char c) => c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;

        /// <summary>
        /// A file that fails the text test but names a field or property whose initialiser, declared in another file, holds
        /// evidence text: the engine reads such initialisers from syntax. Only files that pass the text test can declare one,
        /// so a project without DeepSeek code never walks any file's tokens here.
        /// </summary>
        private bool NamesCrossFileMember(SyntaxTree tree, CancellationToken cancellationToken)
        {
            var members = _crossFileMembers;
            if (members == null)
            {
                members = CollectCrossFileMembers(cancellationToken);
                Interlocked.CompareExchange(ref _crossFileMembers, members, null);
            }

            if (members.Count == 0)
            {
                return false;
            }

            foreach (var token in tree.GetRoot(cancellationToken).DescendantTokens())
            {
                if (token.RawKind == (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.IdentifierToken && members.Contains(token.ValueText))
                {
                    return true;
                }
            }

            return false;
        }

        private HashSet<string> CollectCrossFileMembers(CancellationToken cancellationToken)
        {
            var names = new HashSet<string>(StringComparer.Ordinal);
            foreach (var other in _compilation.SyntaxTrees)
            {
                if (!HasEvidenceText(other, cancellationToken))
                {
                    continue;
                }

                var text = other.GetText(cancellationToken);
                var words = WordsFor(other);
                foreach (var node in other.GetRoot(cancellationToken).DescendantNodes(n => !(n is MemberDeclarationSyntax) || n is BaseNamespaceDeclarationSyntax || n is TypeDeclarationSyntax))
                {
                    switch (node)
                    {
                        case FieldDeclarationSyntax field:
                            foreach (var variable in field.Declaration.Variables)
                            {
                                if (variable.Initializer != null && Contains(text, variable.Initializer.Span, words, cancellationToken))
                                {
                                    names.Add(variable.Identifier.ValueText);
                                }
                            }

                            break;
                        case PropertyDeclarationSyntax property:
                            var body = (SyntaxNode?)property.Initializer ?? property.ExpressionBody;
                            if (body != null && Contains(text, body.Span, words, cancellationToken))
                            {
                                names.Add(property.Identifier.ValueText);
                            }

                            break;
                    }
                }
            }

            return names;
        }
    }
}
