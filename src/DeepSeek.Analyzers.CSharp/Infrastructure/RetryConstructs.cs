using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>Which retry API a construct uses; the code fix picks its rewrite by it.</summary>
    internal enum RetryForm
    {
        /// <summary>Polly v7 <c>Retry</c>, <c>RetryForever</c>, <c>WaitAndRetry</c>, <c>WaitAndRetryForever</c> (and <c>…Async</c>).</summary>
        PollyPolicy,

        /// <summary><c>new RetryStrategyOptions { … }</c> / <c>new HttpRetryStrategyOptions { … }</c> (Polly v8, Http.Resilience).</summary>
        StrategyOptions,

        /// <summary><c>options.MaxRetryAttempts = …</c> or <c>options.BackoffType = …</c> after the options were created.</summary>
        StrategyAssignment,

        /// <summary><c>new ClientRetryPolicy(n)</c> (System.ClientModel: the OpenAI SDK's pipeline).</summary>
        ClientRetryPolicy,
    }

    /// <summary>What a retry API call or options object says about its bound and its delay.</summary>
    internal sealed class RetryConstruct
    {
        public RetryConstruct(IOperation operation, RetryForm form, string name, int? count, bool forever, bool noDelay, bool constantDelay)
        {
            Operation = operation;
            Form = form;
            Name = name;
            Count = count;
            Forever = forever;
            NoDelay = noDelay;
            ConstantDelay = constantDelay;
        }

        /// <summary>Where the diagnostic goes: the invocation, the options creation or the assignment.</summary>
        public IOperation Operation { get; }

        public RetryForm Form { get; }

        /// <summary>How the construct is named in a message (<c>RetryForever</c>, <c>MaxRetryAttempts = int.MaxValue</c>).</summary>
        public string Name { get; }

        /// <summary>The retry count written in the code; null when none is written (the API's default) or it is not a constant.</summary>
        public int? Count { get; }

        public bool Forever { get; }

        /// <summary>Retries at once (Polly <c>Retry(n)</c>, <c>RetryForever</c>).</summary>
        public bool NoDelay { get; }

        /// <summary><c>BackoffType = DelayBackoffType.Constant</c>, or a <c>WaitAndRetry</c> delay that ignores the attempt number.</summary>
        public bool ConstantDelay { get; }

        /// <summary><c>…Forever</c> or a count of <c>int.MaxValue</c>: DSK007, which wins over every DSK008 finding on the same construct.</summary>
        public bool IsUnbounded => Forever || Count == int.MaxValue;
    }

    /// <summary>Recognises the retry APIs of Polly v7/v8, Microsoft.Extensions.Http.Resilience and System.ClientModel.</summary>
    internal static class RetryConstructs
    {
        public const string MaxRetryAttempts = "MaxRetryAttempts";
        public const string BackoffType = "BackoffType";

        /// <summary>
        /// Registers <paramref name="analyze"/> for every retry construct (Polly invocations, options creations, later
        /// assignments) of the file, for rules that checked <see cref="WellKnownTypes.ReferencesRetryLibrary"/> and the file's
        /// <see cref="DeepSeekFileGate.MayNameRetry"/>.
        /// </summary>
        public static void RegisterActions(GatedFile context, WellKnownTypes types, Action<GatedOperationContext, RetryConstruct> analyze)
        {
            context.RegisterOperationAction(c => Analyze(c, FromInvocation((IInvocationOperation)c.Operation, types), analyze), OperationKind.Invocation);
            context.RegisterOperationAction(c => Analyze(c, FromCreation((IObjectCreationOperation)c.Operation, types), analyze), OperationKind.ObjectCreation);
            context.RegisterOperationAction(c => Analyze(c, FromAssignment((ISimpleAssignmentOperation)c.Operation, types), analyze), OperationKind.SimpleAssignment);
        }

        private static void Analyze(GatedOperationContext context, RetryConstruct? construct, Action<GatedOperationContext, RetryConstruct> analyze)
        {
            if (construct != null)
            {
                analyze(context, construct);
            }
        }

        /// <summary>A Polly v7 retry policy built from a <c>PolicyBuilder</c>.</summary>
        public static RetryConstruct? FromInvocation(IInvocationOperation invocation, WellKnownTypes types)
        {
            var method = invocation.TargetMethod;
            var name = method.Name;
            bool forever;
            bool wait;
            switch (name)
            {
                case "Retry":
                case "RetryAsync":
                    forever = false;
                    wait = false;
                    break;
                case "RetryForever":
                case "RetryForeverAsync":
                    forever = true;
                    wait = false;
                    break;
                case "WaitAndRetry":
                case "WaitAndRetryAsync":
                    forever = false;
                    wait = true;
                    break;
                case "WaitAndRetryForever":
                case "WaitAndRetryForeverAsync":
                    forever = true;
                    wait = true;
                    break;
                default:
                    return null;
            }

            var definition = method.ReducedFrom ?? method;
            if (!definition.IsExtensionMethod || definition.Parameters.Length == 0 || !IsPolicyBuilder(definition.Parameters[0].Type, types))
            {
                return null;
            }

            int? count = null;
            var constantDelay = false;
            foreach (var argument in invocation.Arguments)
            {
                switch (argument.Parameter?.Name)
                {
                    case "retryCount":
                        count = argument.Value.ConstantValue.Value is int n ? n : (int?)null;
                        break;
                    case "sleepDurations":
                        count = ElementCount(argument.Value);
                        break;
                    case "sleepDurationProvider":
                        constantDelay = IgnoresAttempt(argument.Value);
                        break;
                }
            }

            // Retry() retries once: Polly's default count.
            if (!forever && !wait && count == null && !HasArgument(invocation, "retryCount"))
            {
                count = 1;
            }

            var display = forever ? name
                : count == int.MaxValue ? name + "(int.MaxValue)"
                : count != null ? name + "(" + count.Value + ")"
                : name;
            return new RetryConstruct(invocation, RetryForm.PollyPolicy, display, count, forever, noDelay: !wait, constantDelay);
        }

        /// <summary><c>new RetryStrategyOptions { MaxRetryAttempts = …, BackoffType = … }</c> and <c>new ClientRetryPolicy(n)</c>.</summary>
        public static RetryConstruct? FromCreation(IObjectCreationOperation creation, WellKnownTypes types)
        {
            if (!(creation.Type is INamedTypeSymbol type))
            {
                return null;
            }

            if (types.ClientRetryPolicy != null && TypeSymbols.IsOrDerivesFrom(type, types.ClientRetryPolicy))
            {
                foreach (var argument in creation.Arguments)
                {
                    if (argument.Parameter?.Name == "maxRetries" && argument.ArgumentKind == ArgumentKind.Explicit
                        && argument.Value.ConstantValue.Value is int n)
                    {
                        return new RetryConstruct(
                            creation,
                            RetryForm.ClientRetryPolicy,
                            type.Name + "(" + (n == int.MaxValue ? "int.MaxValue" : n.ToString(System.Globalization.CultureInfo.InvariantCulture)) + ")",
                            n,
                            forever: false,
                            noDelay: false,
                            constantDelay: false);
                    }
                }

                return null;
            }

            if (!IsStrategyOptions(type, types) || creation.Initializer == null)
            {
                return null;
            }

            int? count = null;
            var countWritten = false;
            var constant = false;
            foreach (var element in creation.Initializer.Initializers)
            {
                if (element is ISimpleAssignmentOperation assignment && assignment.Target is IPropertyReferenceOperation property)
                {
                    if (property.Property.Name == MaxRetryAttempts)
                    {
                        countWritten = true;
                        count = assignment.Value.ConstantValue.Value is int n ? n : (int?)null;
                    }
                    else if (property.Property.Name == BackoffType)
                    {
                        constant = IsConstantBackoff(assignment.Value, types);
                    }
                }
            }

            if (!countWritten && !constant)
            {
                return null;
            }

            return new RetryConstruct(creation, RetryForm.StrategyOptions, type.Name, count, forever: false, noDelay: false, constantDelay: constant);
        }

        /// <summary><c>options.MaxRetryAttempts = n</c> or <c>options.BackoffType = DelayBackoffType.Constant</c> outside an initializer.</summary>
        public static RetryConstruct? FromAssignment(ISimpleAssignmentOperation assignment, WellKnownTypes types)
        {
            if (!(assignment.Target is IPropertyReferenceOperation property) || assignment.Parent is IObjectOrCollectionInitializerOperation
                || types.PollyRetryStrategyOptions == null
                || !SymbolEqualityComparer.Default.Equals(property.Property.ContainingType?.OriginalDefinition, types.PollyRetryStrategyOptions))
            {
                return null;
            }

            if (property.Property.Name == MaxRetryAttempts)
            {
                var count = assignment.Value.ConstantValue.Value is int n ? n : (int?)null;
                return count == null
                    ? null
                    : new RetryConstruct(assignment, RetryForm.StrategyAssignment, MaxRetryAttempts, count, forever: false, noDelay: false, constantDelay: false);
            }

            return property.Property.Name == BackoffType && IsConstantBackoff(assignment.Value, types)
                ? new RetryConstruct(assignment, RetryForm.StrategyAssignment, BackoffType, count: null, forever: false, noDelay: false, constantDelay: true)
                : null;
        }

        public static bool IsStrategyOptions(ITypeSymbol type, WellKnownTypes types)
            => types.PollyRetryStrategyOptions != null && TypeSymbols.IsOrDerivesFrom(type, types.PollyRetryStrategyOptions);

        private static bool IsPolicyBuilder(ITypeSymbol type, WellKnownTypes types)
        {
            var definition = type.OriginalDefinition;
            return (types.PollyPolicyBuilder != null && SymbolEqualityComparer.Default.Equals(definition, types.PollyPolicyBuilder))
                   || (types.PollyPolicyBuilderOfT != null && SymbolEqualityComparer.Default.Equals(definition, types.PollyPolicyBuilderOfT));
        }

        private static bool IsConstantBackoff(IOperation value, WellKnownTypes types)
        {
            var operation = value.WithoutConversions();

            return operation is IFieldReferenceOperation field && field.Field.Name == "Constant"
                   && types.PollyDelayBackoffType != null
                   && SymbolEqualityComparer.Default.Equals(field.Field.ContainingType, types.PollyDelayBackoffType);
        }

        private static bool HasArgument(IInvocationOperation invocation, string parameterName)
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument.Parameter?.Name == parameterName)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary><c>new[] { a, b, c }</c>: how many delays (so retries) a <c>sleepDurations</c> list holds; null when unknown.</summary>
        private static int? ElementCount(IOperation value)
        {
            var operation = value.WithoutConversions();

            return operation is IArrayCreationOperation array && array.Initializer != null
                ? array.Initializer.ElementValues.Length
                : (int?)null;
        }

        /// <summary><c>_ =&gt; TimeSpan.FromSeconds(1)</c>: a delay provider that never reads the attempt number waits the same each time.</summary>
        private static bool IgnoresAttempt(IOperation value)
        {
            var operation = value;
            while (operation is IConversionOperation || operation is IDelegateCreationOperation)
            {
                operation = operation is IConversionOperation conversion ? conversion.Operand : ((IDelegateCreationOperation)operation).Target;
            }

            if (!(operation is IAnonymousFunctionOperation lambda) || lambda.Symbol.Parameters.Length == 0)
            {
                return false;
            }

            // Only a delay computed from constants counts: one read from a field or a method call may vary.
            var attempt = lambda.Symbol.Parameters[0];
            foreach (var descendant in lambda.Body.Descendants())
            {
                switch (descendant)
                {
                    case IParameterReferenceOperation parameter when SymbolEqualityComparer.Default.Equals(parameter.Parameter, attempt):
                        return false;
                    case IParameterReferenceOperation _:
                    case ILocalReferenceOperation _:
                    case IFieldReferenceOperation field when !field.Field.IsConst && !IsTimeSpanConstant(field.Field):
                    case IPropertyReferenceOperation _:
                        return false;
                    case IInvocationOperation call when !IsTimeSpanFactory(call.TargetMethod):
                        return false;
                }
            }

            return true;
        }

        /// <summary><c>TimeSpan.Zero</c>: a static readonly field that never changes.</summary>
        private static bool IsTimeSpanConstant(IFieldSymbol field)
            => field.IsStatic && field.IsReadOnly && field.ContainingType?.Name == "TimeSpan" && field.ContainingType.ContainingNamespace?.Name == "System";

        private static bool IsTimeSpanFactory(IMethodSymbol method)
            => method.IsStatic && method.ContainingType?.Name == "TimeSpan" && method.ContainingType.ContainingNamespace?.Name == "System"
               && method.Name.StartsWith("From", StringComparison.Ordinal);
    }
}
