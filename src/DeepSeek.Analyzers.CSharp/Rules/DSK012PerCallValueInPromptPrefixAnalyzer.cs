using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK012: a per-call value (the clock, a new GUID, a random number, a tick count) in the text of a system or developer
    /// message of a DeepSeek-bound request. DeepSeek's context cache only hits on a prefix that matches an earlier request
    /// from the first message on, so such a value makes every request a full miss. Reported once per value, at the
    /// expression that reads it; values cut to the day are stable and stay silent.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK012PerCallValueInPromptPrefixAnalyzer : DeepSeekAnalyzer
    {
        private const int MaxShownLength = 60;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK012_PerCallValueInPromptPrefix);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var types = deepSeek.Types;
            var sdkMessages = types.ReferencesChatMessages;

            // Raw bodies (anonymous objects, dictionaries, JsonObject) need no SDK, but they need something to send them.
            if (!sdkMessages && types.HttpClient == null)
            {
                return;
            }

            context.RegisterOperationBlockStartAction(block =>
            {
                // Messages of one method are analysed together, so a value reaching two of them is reported once.
                var state = new BlockState();
                if (sdkMessages)
                {
                    block.RegisterOperationAction(c => state.Add(c.Operation, types), OperationKind.ObjectCreation, OperationKind.Invocation);
                }
                else
                {
                    block.RegisterOperationAction(c => state.Add(c.Operation, types), OperationKind.ObjectCreation);
                }

                block.RegisterOperationAction(c => state.Add(c.Operation, types), OperationKind.AnonymousObjectCreation);
                block.RegisterOperationBlockEndAction(c => state.Analyze(c, deepSeek));
            });
        }

        private sealed class BlockState
        {
            private readonly object _gate = new object();
            private List<(IOperation Anchor, List<IOperation> Texts)>? _messages;

            public void Add(IOperation operation, WellKnownTypes types)
            {
                // Most creations and calls are not messages: the shape test rejects them without allocating.
                if (!Candidate(operation))
                {
                    return;
                }

                var texts = new List<IOperation>(1);
                if (!SystemMessages.TryGet(operation, types, texts, out var anchor) || anchor == null)
                {
                    return;
                }

                lock (_gate)
                {
                    (_messages ??= new List<(IOperation, List<IOperation>)>()).Add((anchor, texts));
                }
            }

            public void Analyze(OperationBlockAnalysisContext context, DeepSeekCompilationContext deepSeek)
            {
                List<(IOperation Anchor, List<IOperation> Texts)>? messages;
                lock (_gate)
                {
                    messages = _messages;
                }

                if (messages == null)
                {
                    return;
                }

                // Source order, so the report order is stable whatever order the actions ran in.
                messages.Sort((a, b) => a.Anchor.Syntax.SpanStart.CompareTo(b.Anchor.Syntax.SpanStart));
                var flow = new MessageTextFlow(deepSeek.Types, context.CancellationToken);
                var reported = new HashSet<SyntaxNode>();
                foreach (var (anchor, texts) in messages)
                {
                    var found = new List<IOperation>();
                    foreach (var text in texts)
                    {
                        flow.Collect(text, found);
                    }

                    if (found.Count == 0 || !IsDeepSeekBound(deepSeek, SystemMessages.ContainerOf(anchor, flow), context.CancellationToken))
                    {
                        continue;
                    }

                    foreach (var value in found)
                    {
                        if (reported.Add(value.Syntax))
                        {
                            context.ReportDiagnostic(Diagnostic.Create(
                                Descriptors.DSK012_PerCallValueInPromptPrefix, value.Syntax.GetLocation(), Shown(value.Syntax)));
                        }
                    }
                }
            }

            /// <summary>A cheap first test on the shape, before any symbol comparison.</summary>
            private static bool Candidate(IOperation operation)
            {
                switch (operation)
                {
                    case IInvocationOperation invocation:
                        switch (invocation.TargetMethod.Name)
                        {
                            case "CreateSystemMessage":
                            case "CreateDeveloperMessage":
                            case "FromSystem":
                            case "FromDeveloper":
                            case "AddSystemMessage":
                            case "AddDeveloperMessage":
                            case "AddMessage":
                                return true;
                            default:
                                return false;
                        }

                    case IObjectCreationOperation creation:
                        switch (creation.Type?.Name)
                        {
                            case "SystemChatMessage":
                            case "DeveloperChatMessage":
                            case "ChatMessage":
                            case "ChatHistory":
                                return !creation.Arguments.IsEmpty;
                            case "Dictionary":
                            case "JsonObject":
                                return creation.Initializer != null;
                            default:
                                return false;
                        }

                    case IAnonymousObjectCreationOperation anonymous:
                        foreach (var member in anonymous.Initializers)
                        {
                            if (member is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property
                                && property.Property.Name == "role")
                            {
                                return true;
                            }
                        }

                        return false;
                    default:
                        return false;
                }
            }
        }

        /// <summary>
        /// The one place DSK012 asks whether a request is DeepSeek-bound: the messages' container (list, history, body or
        /// request) — where it is sent, else its own evidence, else the evidence of the code around it; with
        /// <c>scope = all_openai_compatible</c> anything not provably for another host.
        /// </summary>
        private static bool IsDeepSeekBound(DeepSeekCompilationContext deepSeek, IOperation container, CancellationToken cancellationToken)
        {
            // Where it is sent comes first: a body naming a DeepSeek model is still another host's when it is posted there,
            // and a URL quoted in the prompt text says nothing about the client.
            switch (deepSeek.Evidence.DestinationOfRequest(container, cancellationToken))
            {
                case DeepSeekBinding.OtherHost:
                    return false;
                case DeepSeekBinding.Bound:
                    return true;
                default:
                    return deepSeek.Evidence.IsDeepSeekRequest(container, deepSeek.Options.Get(container.Syntax.SyntaxTree), cancellationToken);
            }
        }

        private static string Shown(SyntaxNode value)
        {
            var text = value.ToString();
            return text.Length <= MaxShownLength ? text : text.Substring(0, MaxShownLength) + "…";
        }
    }
}
