using System;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

// A test-only analyzer: it never ships, runs only inside the test host, and its PROBE id is not a released rule.
#pragma warning disable RS1036, RS1038, RS1041, RS2008

namespace DeepSeek.Analyzers.Tests.Infrastructure
{
    /// <summary>
    /// Reports what the evidence engine says, so its tests read like rule tests: <c>Probe(x)</c> reports
    /// <c>BindingOf(x)</c> and <c>IsDeepSeekBound(x)</c> at <c>x</c>; a string literal starting with <c>deepseek-probe</c>
    /// reports <c>TryGetModelIdBinding</c> at the literal.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class EvidenceProbeAnalyzer : DiagnosticAnalyzer
    {
        public const string Id = "PROBE";

        public const string ModelProbePrefix = "deepseek-probe";

        private static readonly DiagnosticDescriptor Rule = new DiagnosticDescriptor(
            Id, "Evidence probe", "{0}", "Test", DiagnosticSeverity.Warning, isEnabledByDefault: true);

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(Rule);

        public override void Initialize(AnalysisContext context)
        {
            context.EnableConcurrentExecution();
            context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
            context.RegisterCompilationStartAction(start =>
            {
                var deepSeek = DeepSeekCompilationContext.Get(start.Compilation, start.Options);
                start.RegisterOperationAction(
                    c =>
                    {
                        var invocation = (IInvocationOperation)c.Operation;
                        if (invocation.TargetMethod.Name != "Probe" || invocation.Arguments.Length != 1)
                        {
                            return;
                        }

                        var value = invocation.Arguments[0].Value;
                        while (value is IConversionOperation conversion && conversion.IsImplicit)
                        {
                            value = conversion.Operand;
                        }

                        var options = deepSeek.Options.Get(value.Syntax.SyntaxTree);
                        var binding = deepSeek.Evidence.BindingOf(value, c.CancellationToken);
                        var bound = deepSeek.Evidence.IsDeepSeekBound(value, options, c.CancellationToken);
                        c.ReportDiagnostic(Diagnostic.Create(Rule, value.Syntax.GetLocation(), $"{binding} bound={bound}"));
                    },
                    OperationKind.Invocation);
                start.RegisterOperationAction(
                    c =>
                    {
                        var literal = (ILiteralOperation)c.Operation;
                        if (!(literal.ConstantValue.Value is string text) || !text.StartsWith(ModelProbePrefix, StringComparison.Ordinal))
                        {
                            return;
                        }

                        var options = deepSeek.Options.Get(literal.Syntax.SyntaxTree);
                        var message = deepSeek.Evidence.TryGetModelIdBinding(literal, c.CancellationToken, out var binding)
                            ? $"sink {binding} model={deepSeek.Evidence.IsDeepSeekModelId(literal, options, c.CancellationToken)}"
                            : "no sink";
                        c.ReportDiagnostic(Diagnostic.Create(Rule, literal.Syntax.GetLocation(), message));
                    },
                    OperationKind.Literal);
            });
        }
    }
}
