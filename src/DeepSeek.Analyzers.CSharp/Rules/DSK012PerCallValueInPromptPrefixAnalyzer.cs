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

            var kinds = sdkMessages
                ? ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.Invocation, OperationKind.AnonymousObjectCreation)
                : ImmutableArray.Create(OperationKind.ObjectCreation, OperationKind.AnonymousObjectCreation);
            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file => file.RegisterOperationAction(c => Analyze(c, deepSeek), kinds));
        }

        private static void Analyze(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var message = context.Operation;
            if (!Candidate(message))
            {
                return;
            }

            var types = deepSeek.Types;
            var flow = new MessageTextFlow(types, context.CancellationToken);
            var found = PerCallValuesOf(message, types, flow, out var anchor);
            if (found == null || !IsDeepSeekBound(deepSeek, SystemMessages.ContainerOf(anchor!, flow), context.CancellationToken))
            {
                return;
            }

            foreach (var value in found)
            {
                // A value read through a local can reach several messages: the first of them reports it.
                if (message.Syntax.Span.Contains(value.Syntax.Span) || IsFirstMessageReaching(value, message, deepSeek, flow, context.CancellationToken))
                {
                    context.ReportDiagnostic(Diagnostic.Create(
                        Descriptors.DSK012_PerCallValueInPromptPrefix, value.Syntax.GetLocation(), Shown(value.Syntax)));
                }
            }
        }

        /// <summary>The per-call values in a system or developer message's text, or null when it is none or has none.</summary>
        private static List<IOperation>? PerCallValuesOf(IOperation message, WellKnownTypes types, MessageTextFlow flow, out IOperation? anchor)
        {
            var texts = new List<IOperation>(1);
            if (!SystemMessages.TryGet(message, types, texts, out anchor) || anchor == null)
            {
                return null;
            }

            var found = new List<IOperation>();
            foreach (var text in texts)
            {
                flow.Collect(text, found);
            }

            return found.Count == 0 ? null : found;
        }

        /// <summary>Rare path (a value read through a local): no DeepSeek-bound message earlier in the method reaches the value.</summary>
        private static bool IsFirstMessageReaching(
            IOperation value, IOperation message, DeepSeekCompilationContext deepSeek, MessageTextFlow flow, CancellationToken cancellationToken)
        {
            var root = message;
            while (root.Parent != null)
            {
                root = root.Parent;
            }

            var start = message.Syntax.SpanStart;
            foreach (var other in root.Descendants())
            {
                if (other.Syntax.SpanStart >= start)
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (other == message || !Candidate(other))
                {
                    continue;
                }

                var found = PerCallValuesOf(other, deepSeek.Types, flow, out var anchor);
                if (found != null && found.Exists(v => v.Syntax.Span == value.Syntax.Span)
                    && IsDeepSeekBound(deepSeek, SystemMessages.ContainerOf(anchor!, flow), cancellationToken))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>A cheap first test on the shape, before any symbol comparison; allocates nothing.</summary>
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
                            return creation.Initializer != null && HasRoleKey(creation.Initializer);
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

        /// <summary>An initializer with a <c>"role"</c> key (<c>["role"] = …</c> or <c>{ "role", … }</c>): most dictionaries are no message.</summary>
        private static bool HasRoleKey(IObjectOrCollectionInitializerOperation initializer)
        {
            foreach (var element in initializer.Initializers)
            {
                if (SystemMessages.TryGetEntry(element, out var key, out _) && key.WithoutConversions().ConstantValue.Value is string name
                    && name == "role")
                {
                    return true;
                }
            }

            return false;
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
