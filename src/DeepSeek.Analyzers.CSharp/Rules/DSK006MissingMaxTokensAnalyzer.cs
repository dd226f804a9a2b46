using System;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Threading;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK006: a DeepSeek-bound chat request whose output limit DeepSeek never sees — none at all, or only
    /// <c>max_completion_tokens</c> (the OpenAI SDK's <c>MaxOutputTokenCount</c>, MEAI's <c>MaxOutputTokens</c>), which
    /// DeepSeek ignores. Reported at the call for SDK calls and at the body's creation for raw bodies. Silent where a limit
    /// reaches the wire as <c>max_tokens</c> (<c>Patch.Set("$.max_tokens"u8, n)</c>, a body member), where DeepSeek.Runtime's
    /// policy may be on the client's pipeline, and wherever the limit cannot be told (options built elsewhere).
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK006MissingMaxTokensAnalyzer : DeepSeekAnalyzer
    {
        /// <summary>Which shape the finding has, so the fix knows what to add.</summary>
        public const string ShapeProperty = "Shape";

        /// <summary>The value the fix writes: <c>deepseek_analyzers.default_max_tokens</c> of the file.</summary>
        public const string MaxTokensProperty = "MaxTokens";

        public const string OpenAIShape = "OpenAI";
        public const string MeaiShape = "Meai";
        public const string BetalgoShape = "Betalgo";
        public const string SemanticKernelShape = "SemanticKernel";
        public const string AnonymousShape = "Anonymous";
        public const string EntriesShape = "Entries";
        public const string JsonTextShape = "JsonText";

        public const string NoLimitMessage = "no max_tokens: the output is unbounded";
        public const string IgnoredLimitMessage = "the limit is sent as max_completion_tokens, which DeepSeek ignores";

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK006_MissingMaxTokens);

        private protected override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var types = deepSeek.Types;
            var sdkCalls = types.ChatClient != null || types.MeaiChatClient != null || types.BetalgoChatCompletionCreateRequest != null;
            if (!sdkCalls && types.HttpClient == null && types.SkOpenAIPromptExecutionSettings == null)
            {
                return;
            }

            var runtime = RuntimePipelines.Create(context.Compilation);
            var kernel = SemanticKernelTypes.Create(context.Compilation, types);
            // Every finding needs a DeepSeek-bound request: files the gate closes are not looked at.
            var calls = sdkCalls || kernel != null;
            var bodies = types.HttpClient != null;
            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file =>
            {
                if (calls)
                {
                    file.RegisterOperationAction(c => AnalyzeCall(c, deepSeek, runtime, kernel), OperationKind.Invocation);
                }

                if (bodies)
                {
                    file.RegisterOperationAction(
                        c => AnalyzeBody(c, deepSeek, runtime),
                        OperationKind.AnonymousObjectCreation,
                        OperationKind.ObjectCreation,
                        OperationKind.VariableDeclarator);
                }
            });
        }

        // ---- SDK calls ----------------------------------------------------------------------------------------

        private static void AnalyzeCall(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RuntimePipelines? runtime, SemanticKernelTypes? kernel)
        {
            var invocation = (IInvocationOperation)context.Operation;
            bool openAI;
            switch (invocation.TargetMethod.Name)
            {
                case "CreateCompletion":
                case "CreateCompletionAsStream":
                    AnalyzeBetalgoCall(context, invocation, deepSeek, runtime);
                    return;
                case "GetChatMessageContentAsync":
                case "GetChatMessageContentsAsync":
                case "GetStreamingChatMessageContentsAsync":
                case "InvokePromptAsync":
                case "InvokePromptStreamingAsync":
                    if (kernel != null)
                    {
                        AnalyzeKernelCall(context, invocation, deepSeek, runtime, kernel);
                    }

                    return;
                case "CompleteChat":
                case "CompleteChatAsync":
                case "CompleteChatStreaming":
                case "CompleteChatStreamingAsync":
                    openAI = true;
                    break;
                case "GetResponseAsync":
                case "GetStreamingResponseAsync":
                    openAI = false;
                    break;
                default:
                    return;
            }

            var cancellationToken = context.CancellationToken;
            if (!deepSeek.Gate.MayHoldEvidence(invocation, cancellationToken))
            {
                return;
            }

            var types = deepSeek.Types;
            var method = invocation.TargetMethod;
            IOperation? client;
            INamedTypeSymbol? optionsType;
            if (openAI)
            {
                // The protocol overload (BinaryContent) sends a body of the caller's own making.
                if (!TypeSymbols.IsOrDerivesFrom(method.ContainingType, types.ChatClient) || HasParameterNamed(method, "BinaryContent"))
                {
                    return;
                }

                client = invocation.Instance;
                optionsType = types.ChatCompletionOptions;
            }
            else
            {
                client = CallShapes.ReceiverOf(invocation);
                if (client == null || !TypeSymbols.IsOrImplements(client.WithoutConversions().Type, types.MeaiChatClient))
                {
                    return;
                }

                // A chat client class of the project's own (DeepSeekChatClient : IChatClient, a Responses API adapter, a
                // delegating wrapper) writes its own request: what reaches the wire is its business, not the call's.
                if (IsSourceClass(client.WithoutConversions().Type))
                {
                    return;
                }

                optionsType = types.MeaiChatOptions;
            }

            if (client == null || optionsType == null)
            {
                return;
            }

            var options = deepSeek.Options.Get(invocation.Syntax.SyntaxTree);
            var argument = OptionsArgument(invocation, optionsType);
            var limit = openAI ? OutputLimits.OfOpenAIOptions(argument, invocation, types) : OutputLimits.OfMeaiOptions(argument, invocation, types);
            if (limit == OutputLimit.Unknown || limit == OutputLimit.MaxTokens
                || !deepSeek.Evidence.IsDeepSeekBound(client, options, cancellationToken)
                || (runtime != null && runtime.MayCarryPolicy(client, cancellationToken)))
            {
                return;
            }

            // With DeepSeek.Runtime referenced, the client's options creation (when in sight) is where a second fix attaches the policy.
            var optionsCreation = runtime?.OptionsCreationOf(client, cancellationToken);
            Report(context, invocation.Syntax, limit, openAI ? OpenAIShape : MeaiShape, options, optionsCreation?.Syntax);
        }

        private static bool IsSourceClass(ITypeSymbol? type)
            => type != null && type.TypeKind != TypeKind.Interface && !type.DeclaringSyntaxReferences.IsEmpty;

        /// <summary>
        /// Betalgo <c>service.ChatCompletion.CreateCompletion(request)</c>: bound by the service (its <c>BaseDomain</c>, key) or,
        /// when the service says nothing, by the request (its <c>Model</c>); reported at the call wherever the request is built.
        /// </summary>
        private static void AnalyzeBetalgoCall(
            GatedOperationContext context, IInvocationOperation invocation, DeepSeekCompilationContext deepSeek, RuntimePipelines? runtime)
        {
            var types = deepSeek.Types;
            var cancellationToken = context.CancellationToken;
            if (types.BetalgoChatCompletionCreateRequest == null || invocation.Instance == null
                || !deepSeek.Gate.MayHoldEvidence(invocation, cancellationToken))
            {
                return;
            }

            var argument = OptionsArgument(invocation, types.BetalgoChatCompletionCreateRequest);
            if (argument == null)
            {
                return;
            }

            var limit = OutputLimits.OfBetalgoRequest(argument, invocation, types);
            if (limit == OutputLimit.Unknown || limit == OutputLimit.MaxTokens)
            {
                return;
            }

            var options = deepSeek.Options.Get(invocation.Syntax.SyntaxTree);
            var service = deepSeek.Evidence.BindingOf(invocation.Instance, cancellationToken);
            if (service == DeepSeekBinding.OtherHost
                || (service != DeepSeekBinding.Bound && !deepSeek.Evidence.IsDeepSeekRequest(argument.Value, options, cancellationToken))
                || (runtime != null && runtime.MayCarryPolicy(invocation.Instance, cancellationToken)))
            {
                return;
            }

            Report(context, invocation.Syntax, limit, BetalgoShape, options);
        }

        /// <summary>
        /// Semantic Kernel: <c>IChatCompletionService</c> calls (and their extension overloads) with their execution settings,
        /// and <c>kernel.InvokePromptAsync(prompt, new KernelArguments(settings))</c>; on a DeepSeek-bound service or kernel.
        /// </summary>
        private static void AnalyzeKernelCall(
            GatedOperationContext context, IInvocationOperation invocation, DeepSeekCompilationContext deepSeek, RuntimePipelines? runtime, SemanticKernelTypes kernel)
        {
            var method = invocation.TargetMethod;
            var receiver = CallShapes.ReceiverOf(invocation);
            var receiverType = receiver?.WithoutConversions().Type;
            var prompt = method.Name.StartsWith("InvokePrompt", StringComparison.Ordinal);
            if (receiver == null
                || !(prompt ? TypeSymbols.IsOrDerivesFrom(receiverType, kernel.Kernel) : kernel.IsChatCompletionService(receiverType)))
            {
                return;
            }

            var cancellationToken = context.CancellationToken;
            if (!deepSeek.Gate.MayHoldEvidence(invocation, cancellationToken))
            {
                return;
            }

            IOperation? settings = null;
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter == null || argument.ArgumentKind == ArgumentKind.DefaultValue)
                {
                    continue;
                }

                if (!prompt && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, kernel.PromptExecutionSettings))
                {
                    settings = argument.Value;
                }
                else if (prompt && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, kernel.KernelArguments))
                {
                    // new KernelArguments(settings) written in the call; arguments built elsewhere may hold any settings.
                    var value = argument.Value.WithoutConversions();
                    if (!(value is IObjectCreationOperation arguments) || arguments.Initializer != null)
                    {
                        return;
                    }

                    settings = arguments.Arguments.Length == 0 ? null
                        : arguments.Arguments.Length == 1 && TypeSymbols.IsOrDerivesFrom(arguments.Arguments[0].Value.WithoutConversions().Type, kernel.PromptExecutionSettings)
                            ? arguments.Arguments[0].Value
                            : value;
                    if (settings == value)
                    {
                        return;
                    }
                }
            }

            var limit = OutputLimits.OfSkSettings(settings, invocation, deepSeek.Types.SkOpenAIPromptExecutionSettings, kernel.PromptExecutionSettings);
            var options = deepSeek.Options.Get(invocation.Syntax.SyntaxTree);
            if (limit == OutputLimit.Unknown || limit == OutputLimit.MaxTokens
                || !deepSeek.Evidence.IsDeepSeekBound(receiver, options, cancellationToken)
                || (runtime != null && runtime.MayCarryPolicy(receiver, cancellationToken)))
            {
                return;
            }

            Report(context, invocation.Syntax, limit, SemanticKernelShape, options);
        }

        private static IArgumentOperation? OptionsArgument(IInvocationOperation invocation, INamedTypeSymbol optionsType)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter != null && SymbolEqualityComparer.Default.Equals(argument.Parameter.Type, optionsType))
                {
                    return argument;
                }
            }

            return null;
        }

        private static bool HasParameterNamed(IMethodSymbol method, string typeName)
        {
            foreach (var parameter in method.Parameters)
            {
                if (parameter.Type.Name == typeName)
                {
                    return true;
                }
            }

            return false;
        }

        // ---- Raw bodies ---------------------------------------------------------------------------------------

        private static void AnalyzeBody(GatedOperationContext context, DeepSeekCompilationContext deepSeek, RuntimePipelines? runtime)
        {
            var operation = context.Operation;
            IOperation body;
            string shape;
            SyntaxNode location;
            string? json = null;
            switch (operation)
            {
                case IAnonymousObjectCreationOperation anonymous when HasChatMembers(anonymous):
                    body = anonymous;
                    location = anonymous.Syntax;
                    shape = AnonymousShape;
                    break;
                case IObjectCreationOperation creation when IsEntriesBody(creation, deepSeek.Types):
                    body = creation;
                    location = creation.Syntax;
                    shape = EntriesShape;
                    break;
                case IObjectCreationOperation content when IsStringContent(content):
                    {
                        // JSON text written in the call; text kept in a local is reported from its declaration (below).
                        var text = content.Arguments[0].Value.WithoutConversions();
                        json = LooksLikeChatJson(text.Syntax) ? JsonOf(text) : null;
                        if (json == null)
                        {
                            return;
                        }

                        body = content;
                        location = text.Syntax;
                        shape = JsonTextShape;
                        break;
                    }

                case IVariableDeclaratorOperation declarator:
                    {
                        // var json = """{ "model": …, "messages": … }"""; … new StringContent(json, …).
                        var text = declarator.Initializer?.Value.WithoutConversions();
                        if (text == null || !LooksLikeChatJson(text.Syntax))
                        {
                            return;
                        }

                        json = JsonOf(text);
                        var content = json == null ? null : StringContentOf(declarator.Symbol, declarator);
                        if (content == null)
                        {
                            return;
                        }

                        body = content;
                        location = text.Syntax;
                        shape = JsonTextShape;
                        break;
                    }

                default:
                    return;
            }

            var cancellationToken = context.CancellationToken;
            if (!deepSeek.Gate.MayHoldEvidence(operation, cancellationToken))
            {
                return;
            }

            BodyKeys keys;
            var limit = json != null ? OutputLimits.OfJsonText(json, out keys) : OutputLimits.OfBody(body, out keys);
            if (keys != BodyKeys.Both || limit == OutputLimit.Unknown || limit == OutputLimit.MaxTokens
                || !IsDeepSeekBody(deepSeek, body, json != null ? ((IObjectCreationOperation)body).Arguments[0].Value : body, cancellationToken)
                || (runtime != null && MaySendThroughPolicy(body, runtime, cancellationToken)))
            {
                return;
            }

            Report(context, location, limit, shape, deepSeek.Options.Get(location.SyntaxTree));
        }

        /// <summary>An anonymous object with <c>model</c> and <c>messages</c> members; allocates nothing.</summary>
        private static bool HasChatMembers(IAnonymousObjectCreationOperation anonymous)
        {
            var model = false;
            var messages = false;
            foreach (var member in anonymous.Initializers)
            {
                if (member is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    model |= property.Property.Name == "model";
                    messages |= property.Property.Name == "messages";
                }
            }

            return model && messages;
        }

        /// <summary>A <c>Dictionary&lt;string, object&gt;</c> (or of <c>JsonNode</c>) or a <c>JsonObject</c>: a body built from entries.</summary>
        private static bool IsEntriesBody(IObjectCreationOperation creation, WellKnownTypes types)
        {
            var type = creation.Type as INamedTypeSymbol;
            if (type == null)
            {
                return false;
            }

            if (type.Name == "Dictionary")
            {
                // Values that can hold a messages array and a number (object, JsonNode): the only bodies the fix can complete.
                return type.TypeArguments.Length == 2 && type.TypeArguments[0].SpecialType == SpecialType.System_String
                       && (type.TypeArguments[1].SpecialType == SpecialType.System_Object || type.TypeArguments[1].Name == "JsonNode")
                       && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, types.Dictionary);
            }

            return type.Name == "JsonObject" && SymbolEqualityComparer.Default.Equals(type, types.JsonObject);
        }

        private static bool IsStringContent(IObjectCreationOperation creation)
            => creation.Type?.Name == "StringContent" && creation.Arguments.Length > 0;

        /// <summary>
        /// A cheap syntax test before any semantic work: a string literal or interpolated string whose source text names
        /// <c>messages</c>. Reads the token's text, which the syntax tree already holds, so ordinary strings cost no allocation.
        /// </summary>
        private static bool LooksLikeChatJson(SyntaxNode text)
        {
            switch (text)
            {
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression):
                    return literal.Token.Text.IndexOf("messages", StringComparison.Ordinal) >= 0;
                case InterpolatedStringExpressionSyntax interpolated:
                    foreach (var content in interpolated.Contents)
                    {
                        if (content is InterpolatedStringTextSyntax part && part.TextToken.Text.IndexOf("messages", StringComparison.Ordinal) >= 0)
                        {
                            return true;
                        }
                    }

                    return false;
                default:
                    return false;
            }
        }

        /// <summary>The <c>new StringContent(local, …)</c> of the local's method that sends the text, or null.</summary>
        private static IObjectCreationOperation? StringContentOf(ILocalSymbol local, IOperation anyOperation)
        {
            var root = CallShapes.RootOf(anyOperation);

            foreach (var operation in root.Descendants())
            {
                if (operation is IObjectCreationOperation creation && IsStringContent(creation)
                    && creation.Arguments[0].Value.WithoutConversions() is ILocalReferenceOperation reference
                    && SymbolEqualityComparer.Default.Equals(reference.Local, local))
                {
                    return creation;
                }
            }

            return null;
        }

        /// <summary>The JSON of a string (an interpolation hole reads as a placeholder), or null when it is no JSON object.</summary>
        private static string? JsonOf(IOperation text)
        {
            if (text is ILiteralOperation literal)
            {
                return literal.ConstantValue.Value is string value && value.TrimStart().StartsWith("{", StringComparison.Ordinal) ? value : null;
            }

            var builder = new StringBuilder();
            foreach (var part in ((IInterpolatedStringOperation)text).Parts)
            {
                builder.Append(part is IInterpolatedStringTextOperation piece && piece.Text.ConstantValue.Value is string s ? s : "0");
            }

            var json = builder.ToString();
            return json.TrimStart().StartsWith("{", StringComparison.Ordinal) ? json : null;
        }

        /// <summary>Where the body is sent first (a body naming a DeepSeek model still belongs to the gateway it is posted to), then its own evidence.</summary>
        private static bool IsDeepSeekBody(DeepSeekCompilationContext deepSeek, IOperation body, IOperation content, CancellationToken cancellationToken)
        {
            switch (deepSeek.Evidence.DestinationOfRequest(body, cancellationToken))
            {
                case DeepSeekBinding.OtherHost:
                    return false;
                case DeepSeekBinding.Bound:
                    return true;
                default:
                    return deepSeek.Evidence.IsDeepSeekRequest(content, deepSeek.Options.Get(body.Syntax.SyntaxTree), cancellationToken);
            }
        }

        /// <summary>
        /// The <c>HttpClient</c> the body is posted with, when it is the receiver of the call that takes the body (directly or
        /// wrapped in <c>JsonContent.Create</c> / <c>new StringContent</c>): may its handler be <c>DeepSeekHttpHandler</c>?
        /// A body whose sender is not in sight may be, so DSK006 stays silent.
        /// </summary>
        private static bool MaySendThroughPolicy(IOperation body, RuntimePipelines runtime, CancellationToken cancellationToken)
        {
            var node = body;
            for (var step = 0; step < 3; step++)
            {
                var parent = node.ParentThroughConversions(out _);
                if (!(parent is IArgumentOperation argument))
                {
                    return true;
                }

                switch (argument.Parent)
                {
                    case IInvocationOperation invocation:
                        var receiver = CallShapes.ReceiverOf(invocation);
                        if (receiver != null && receiver.WithoutConversions().Type?.Name == "HttpClient")
                        {
                            return runtime.MayCarryPolicy(receiver, cancellationToken);
                        }

                        node = invocation;
                        continue;
                    case IObjectCreationOperation creation:
                        node = creation;
                        continue;
                    default:
                        return true;
                }
            }

            return true;
        }

        private static void Report(
            GatedOperationContext context, SyntaxNode location, OutputLimit limit, string shape, DeepSeekOptions options, SyntaxNode? clientOptions = null)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(ShapeProperty, shape);
            properties.Add(MaxTokensProperty, options.DefaultMaxTokens.ToString(CultureInfo.InvariantCulture));
            context.ReportDiagnostic(Diagnostic.Create(
                Descriptors.DSK006_MissingMaxTokens,
                location.GetLocation(),
                clientOptions == null ? null : new[] { clientOptions.GetLocation() },
                properties.ToImmutable(),
                limit == OutputLimit.CompletionTokensOnly ? IgnoredLimitMessage : NoLimitMessage));
        }
    }
}
