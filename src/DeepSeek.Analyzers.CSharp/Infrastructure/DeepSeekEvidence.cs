using System;
using System.Collections.Concurrent;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// The DeepSeek evidence engine shared by every context-dependent rule (one per compilation, see
    /// <see cref="DeepSeekCompilationContext.Evidence"/>). Evidence attaches to a client or request and follows locals,
    /// fields, properties, parameters (from call sites), factory-method returns and <c>GetChatClient()</c> /
    /// <c>AsIChatClient()</c> chains. Another host's endpoint always wins over DeepSeek evidence, so a
    /// <c>deepseek-…</c> model sent to OpenRouter is not DeepSeek-bound.
    /// </summary>
    /// <remarks>
    /// Facts are collected lazily, once per syntax tree, from the operation trees of the tree's members; a rule
    /// only pays for it when it has a candidate. Analyzers only get the semantic model of the tree being analysed
    /// (RS1030), so flows are followed within one file; across files the engine stays silent rather than guess.
    /// </remarks>
    internal sealed class DeepSeekEvidence
    {
        private readonly EvidenceSignals _signals;
        private readonly DeepSeekFileGate _gate;
        private readonly ConcurrentDictionary<SyntaxTree, EvidenceFacts> _trees =
            new ConcurrentDictionary<SyntaxTree, EvidenceFacts>();

        public DeepSeekEvidence(
            Compilation compilation,
            WellKnownTypes types,
            EffectiveCatalog catalog,
            Func<SyntaxTree, EvidenceSettings> settings,
            DeepSeekFileGate gate)
        {
            _signals = new EvidenceSignals(compilation, types, catalog, settings);
            _gate = gate;
        }

        // ---- Public API -------------------------------------------------------------------------------------

        /// <summary>
        /// What the evidence says about <paramref name="expression"/> (a client, a request object or body, a URL,
        /// a key read) and everything that flows into it in the same file.
        /// </summary>
        public DeepSeekBinding BindingOf(IOperation expression, CancellationToken cancellationToken)
        {
            var tree = GetTree(expression, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new EvidenceQuery(_signals, tree, cancellationToken).Eval(expression, 0);
        }

        /// <summary>
        /// True when <paramref name="expression"/> is DeepSeek-bound: it has DeepSeek evidence, or, with
        /// <c>deepseek_analyzers.scope = all_openai_compatible</c>, it is an OpenAI-compatible chat client or request
        /// whose endpoint is not provably another host.
        /// </summary>
        public bool IsDeepSeekBound(IOperation expression, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(expression, cancellationToken))
            {
                return false;
            }

            switch (BindingOf(expression, cancellationToken))
            {
                case DeepSeekBinding.Bound:
                    return true;
                case DeepSeekBinding.OtherHost:
                    return false;
                default:
                    return options.Scope == DeepSeekScope.AllOpenAICompatible && IsOpenAICompatible(expression.Type);
            }
        }

        /// <summary>
        /// Whether <paramref name="value"/> (a model-id expression) reaches a model sink — OpenAI <c>ChatClient(model, …)</c>,
        /// <c>GetChatClient(model)</c>, SK <c>modelId:</c>, <c>ChatOptions.ModelId</c>, Betalgo <c>Model</c>/<c>DefaultModelId</c>,
        /// an anonymous/dictionary/JSON <c>model</c> — directly or through a <c>const</c>, local, field or property
        /// of the same file; and if so, the binding of the client or request it is sent with (a request or body
        /// without its own evidence takes that of its consumer, then of its method, then of its type).
        /// </summary>
        public bool TryGetModelIdBinding(IOperation value, CancellationToken cancellationToken, out DeepSeekBinding binding)
        {
            binding = DeepSeekBinding.Unknown;
            var tree = GetTree(value, cancellationToken);
            if (tree == null)
            {
                return false;
            }

            var query = new EvidenceQuery(_signals, tree, cancellationToken);
            if (ModelSinks.TryGetModelSink(value, out var owner))
            {
                binding = query.BindingOfOwner(owner);
                return true;
            }

            var symbol = EvidenceSymbols.GetAssignedSymbol(value);
            if (symbol is IParameterSymbol parameter && !tree.SinkUses.ContainsKey(parameter))
            {
                // record DeepSeekConfig(string Model = "…"): its uses read the property the parameter declares.
                symbol = EvidenceSymbols.RecordPropertyOf(parameter) ?? symbol;
            }

            if (symbol == null || !tree.SinkUses.TryGetValue(symbol, out var owners))
            {
                return false;
            }

            // A constant shared by several clients: one DeepSeek-bound use is enough.
            var sawOther = false;
            foreach (var use in owners)
            {
                var b = query.BindingOfOwner(use);
                if (b == DeepSeekBinding.Bound)
                {
                    binding = DeepSeekBinding.Bound;
                    return true;
                }

                sawOther |= b == DeepSeekBinding.OtherHost;
            }

            binding = sawOther ? DeepSeekBinding.OtherHost : DeepSeekBinding.Unknown;
            return true;
        }

        /// <summary>
        /// True when <paramref name="value"/> is a model id sent to DeepSeek: <see cref="TryGetModelIdBinding"/> says
        /// Bound, or the scope is <c>all_openai_compatible</c> and the sink is not provably another host.
        /// </summary>
        public bool IsDeepSeekModelId(IOperation value, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(value, cancellationToken))
            {
                return false;
            }

            if (TryGetModelIdBinding(value, cancellationToken, out var binding)
                && (binding == DeepSeekBinding.Bound
                    || (binding == DeepSeekBinding.Unknown && options.Scope == DeepSeekScope.AllOpenAICompatible)))
            {
                return true;
            }

            return binding != DeepSeekBinding.OtherHost && IsDeclaredDeepSeekModel(value, cancellationToken);
        }

        /// <summary>
        /// The default of a model member (<c>public string Model { get; set; } = "…"</c>, <c>DefaultModel</c>, a record's
        /// <c>string Model = "…"</c>) whose value reaches no sink in this file: DeepSeek's when an object of its type is
        /// created and sent to DeepSeek in this file (a request DTO), or when its type holds DeepSeek evidence and nothing
        /// else (an options class beside <c>BaseUrl = "https://api.deepseek.com"</c>). Only ever says yes: silence otherwise.
        /// </summary>
        private bool IsDeclaredDeepSeekModel(IOperation value, CancellationToken cancellationToken)
        {
            var member = EvidenceSymbols.GetAssignedSymbol(value);
            if (member is IParameterSymbol parameter)
            {
                member = EvidenceSymbols.RecordPropertyOf(parameter);
            }

            if (!(member is IPropertySymbol || member is IFieldSymbol) || !ModelSinks.IsModelSlotName(member.Name)
                || !(member.ContainingType is INamedTypeSymbol type))
            {
                return false;
            }

            var tree = GetTree(value, cancellationToken);
            if (tree == null)
            {
                return false;
            }

            var query = new EvidenceQuery(_signals, tree, cancellationToken);
            if (tree.Creations.TryGetValue(type.OriginalDefinition, out var creations))
            {
                foreach (var creation in creations)
                {
                    if (query.BindingOfOwner(creation) == DeepSeekBinding.Bound)
                    {
                        return true;
                    }
                }
            }

            // The class's own evidence: an endpoint, a DeepSeek secret or SDK type — not merely other catalog ids beside it.
            for (var t = type; t != null; t = t.ContainingType)
            {
                if (tree.HostRoots.TryGetValue(t.OriginalDefinition, out var flags))
                {
                    return flags.ToBinding() == DeepSeekBinding.Bound;
                }
            }

            return false;
        }

        /// <summary>
        /// The binding of a request object or body (anonymous object, dictionary, <c>JsonObject</c>, JSON text,
        /// <c>ChatOptions</c>): its own evidence, else that of the call it is handed to (receiver and other arguments,
        /// directly or through a local), else that of its method, else of its type.
        /// </summary>
        public DeepSeekBinding BindingOfRequest(IOperation request, CancellationToken cancellationToken)
        {
            var tree = GetTree(request, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new EvidenceQuery(_signals, tree, cancellationToken).BindingOfOwner(request);
        }

        /// <summary>
        /// Where a request body is sent (the call it is handed to, directly or through a local), ignoring the body's own
        /// content: a JSON body naming a catalog model is DeepSeek evidence by itself, which must not hide the gateway it goes to.
        /// </summary>
        public DeepSeekBinding DestinationOfRequest(IOperation request, CancellationToken cancellationToken)
        {
            var tree = GetTree(request, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : new EvidenceQuery(_signals, tree, cancellationToken).Destination(request);
        }

        /// <summary>
        /// True when a request object or body is sent to DeepSeek: <see cref="BindingOfRequest"/> says Bound, or the scope is
        /// <c>all_openai_compatible</c> and it is not provably for another host.
        /// </summary>
        public bool IsDeepSeekRequest(IOperation request, DeepSeekOptions options, CancellationToken cancellationToken)
        {
            if (!_gate.MayHoldEvidence(request, cancellationToken))
            {
                return false;
            }

            var binding = BindingOfRequest(request, cancellationToken);
            return binding == DeepSeekBinding.Bound
                   || (binding == DeepSeekBinding.Unknown && options.Scope == DeepSeekScope.AllOpenAICompatible);
        }

        /// <summary>
        /// The evidence of the member (method, accessor, initializer, top-level statements) and then the type that
        /// contains <paramref name="operation"/>: Bound or OtherHost only when that code holds one kind of evidence.
        /// </summary>
        public DeepSeekBinding BindingOfContainingCode(IOperation operation, CancellationToken cancellationToken)
        {
            var tree = GetTree(operation, cancellationToken);
            return tree == null ? DeepSeekBinding.Unknown : tree.BindingOfContainingCode(operation, cancellationToken);
        }

        /// <summary>
        /// True when some member or type of the file of <paramref name="operation"/> holds DeepSeek evidence and no other
        /// host's: for code that is DeepSeek's by the file it lives in, such as a price table beside the client (DSK005).
        /// </summary>
        public bool FileHasEvidence(IOperation operation, CancellationToken cancellationToken)
        {
            var tree = GetTree(operation, cancellationToken);
            if (tree == null)
            {
                return false;
            }

            foreach (var flags in tree.Roots.Values)
            {
                if (flags.ToBinding() == DeepSeekBinding.Bound)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>True for a secret name that says DeepSeek (<c>DEEPSEEK_API_KEY</c>, <c>DeepSeek:ApiKey</c>, <c>DeepSeek__ApiKey</c>, …).</summary>
        public static bool IsDeepSeekSecretName(string? name) => EvidenceSignals.IsDeepSeekSecretName(name);

        /// <summary>Evidence carried by a URL: the DeepSeek host (or a misspelling of it, which DSK010 reports) or another host.</summary>
        public static DeepSeekBinding BindingOfUrl(string text, bool anyOtherHost) => DeepSeekUrl.BindingOf(text, anyOtherHost);

        /// <summary>
        /// True when <paramref name="value"/> is used directly as a model id; <paramref name="owner"/> is the client creation,
        /// the call (whose receiver is the client), or the request object / body that carries it.
        /// </summary>
        public static bool TryGetModelSink(IOperation value, out IOperation owner) => ModelSinks.TryGetModelSink(value, out owner);

        /// <summary>True for a parameter or member name that holds a model id (<c>model</c>, <c>modelId</c>, <c>DefaultModelId</c>).</summary>
        public static bool IsModelSlotName(string? name) => ModelSinks.IsModelSlotName(name);

        /// <summary>OpenAI-compatible chat clients and requests: what <c>all_openai_compatible</c> treats as DeepSeek-bound.</summary>
        public bool IsOpenAICompatible(ITypeSymbol? type) => _signals.IsOpenAICompatible(type);

        private EvidenceFacts? GetTree(IOperation operation, CancellationToken cancellationToken)
        {
            var model = operation.SemanticModel;
            if (model == null)
            {
                return null;
            }

            // Not a Lazy: a build cancelled for one caller must not be cached for the others. A race builds twice, harmlessly.
            if (_trees.TryGetValue(model.SyntaxTree, out var tree))
            {
                return tree;
            }

            return _trees.GetOrAdd(model.SyntaxTree, EvidenceFacts.Build(_signals, model, cancellationToken));
        }
    }
}
