using System;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>Which gates a model-id rule adds to the ones every model-id rule has.</summary>
    [Flags]
    internal enum ModelIdGates
    {
        /// <summary>
        /// Always on: comparisons and lookups are not use, a JSON response (it has "choices") echoes a server's model, and a
        /// client or request provably on another host is left alone (a gateway may serve any name as its own).
        /// </summary>
        None = 0,

        /// <summary>Silent beside an id that still answers in the same table element: migration code.</summary>
        MigrationTable = 1,

        /// <summary>Needs positive DeepSeek evidence: the id alone does not say the code talks to api.deepseek.com.</summary>
        DeepSeekEvidence = 2,

        /// <summary>References to DeepSeek.Runtime's <c>DeepSeekModels</c> constants are candidates too (their literal is not in the project).</summary>
        RuntimeConstants = 4,

        /// <summary>Model ids in DeepSeek sections of appsettings*.json files are candidates too (the section is the evidence).</summary>
        AppSettings = 8,
    }

    /// <summary>Where in the code a candidate was found.</summary>
    internal enum ModelIdShape
    {
        /// <summary>A whole string literal (UTF-8 too): reported and fixed at the literal.</summary>
        Literal,

        /// <summary>A <c>"model": "…"</c> value inside JSON text of a literal or an interpolated string: reported at the string.</summary>
        Json,

        /// <summary>A reference to a DeepSeek.Runtime constant: reported at the reference.</summary>
        RuntimeConstant,

        /// <summary>A string value of a DeepSeek section of an appsettings*.json file: reported and fixed at the value.</summary>
        AppSettings,
    }

    /// <summary>One model id a rule reports, where, and for which tree's (or appsettings file's) options.</summary>
    internal readonly struct ModelIdFinding
    {
        private readonly Action<Diagnostic> _report;
        private readonly Location _location;

        public ModelIdFinding(GatedOperationContext context, DeepSeekCompilationContext deepSeek, DeepSeekOptions options, SyntaxNode node, string id, ModelIdShape shape)
            : this(context.ReportDiagnostic, deepSeek, options, node.GetLocation(), id, shape)
        {
        }

        public ModelIdFinding(Action<Diagnostic> report, DeepSeekCompilationContext deepSeek, DeepSeekOptions options, Location location, string id, ModelIdShape shape)
        {
            _report = report;
            _location = location;
            DeepSeek = deepSeek;
            Options = options;
            Id = id;
            Shape = shape;
        }

        public DeepSeekCompilationContext DeepSeek { get; }

        public DeepSeekOptions Options { get; }

        /// <summary>The id as written.</summary>
        public string Id { get; }

        public ModelIdShape Shape { get; }

        /// <summary>Reports a diagnostic at the finding with the properties the model-id fixes read.</summary>
        public void Report(DiagnosticDescriptor descriptor, string? replacement, bool disableThinking, params object[] messageArgs)
        {
            var properties = ImmutableDictionary.CreateBuilder<string, string?>();
            properties.Add(ModelIdDiagnostic.ModelIdProperty, Id);
            if (replacement != null)
            {
                properties.Add(ModelIdDiagnostic.ReplacementProperty, replacement);
            }

            if (disableThinking)
            {
                properties.Add(ModelIdDiagnostic.DisableThinkingProperty, "true");
            }

            if (Shape == ModelIdShape.Json)
            {
                properties.Add(ModelIdDiagnostic.ShapeProperty, ModelIdDiagnostic.JsonShape);
            }
            else if (Shape == ModelIdShape.AppSettings)
            {
                properties.Add(ModelIdDiagnostic.ShapeProperty, ModelIdDiagnostic.AppSettingsShape);
            }

            _report(Diagnostic.Create(descriptor, _location, properties.ToImmutable(), messageArgs));
        }
    }

    /// <summary>The diagnostic properties every model-id rule sets and every model-id fix reads.</summary>
    internal static class ModelIdDiagnostic
    {
        /// <summary>The id as written.</summary>
        public const string ModelIdProperty = "ModelId";

        /// <summary>The id the fix writes; absent when the rule has no fix.</summary>
        public const string ReplacementProperty = "Replacement";

        /// <summary>"true" when the old name ran without thinking, so the fix disables it where the request shape allows.</summary>
        public const string DisableThinkingProperty = "DisableThinking";

        /// <summary>"Json" when the id is a model value inside JSON text.</summary>
        public const string ShapeProperty = "Shape";

        public const string JsonShape = "Json";

        /// <summary>"AppSettings" when the id is a JSON string value of an appsettings file (the span is the value, quotes included).</summary>
        public const string AppSettingsShape = "AppSettings";
    }

    /// <summary>
    /// The one candidate pipeline of the model-id rules (DSK002, DSK003, DSK004, DSK011). It finds every candidate once per
    /// literal — a whole string literal (UTF-8 too), <c>"model"</c> values in JSON text of a literal or an interpolated
    /// string, and (on request) DeepSeek.Runtime constants — and applies the shared gates; a rule only says which ids are
    /// its own (<see cref="MayBeCandidate"/>, <see cref="IsCandidate"/>) and reports them.
    /// </summary>
    public abstract class ModelIdAnalyzer : DeepSeekAnalyzer
    {
        private const string JsonQuote = "\"";

        private protected abstract ModelIdGates Gates { get; }

        /// <summary>A cheap test needing no options, run on every string constant: most strings stop here without allocating.</summary>
        private protected abstract bool MayBeCandidate(string id, EffectiveCatalog catalog);

        /// <summary>Whether the id (which passed <see cref="MayBeCandidate"/>) is this rule's under the tree's options.</summary>
        private protected abstract bool IsCandidate(string id, EffectiveCatalog catalog, DeepSeekOptions options);

        /// <summary>Reports a candidate that passed every gate.</summary>
        private protected abstract void Report(in ModelIdFinding finding);

        private protected sealed override void OnCompilationStart(CompilationStartAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            // Every id a model-id rule knows says DeepSeek or is a catalog word, both evidence text: files the gate closes
            // cannot hold one (a DeepSeekModels reference spells DeepSeek too).
            var runtimeConstants = (Gates & ModelIdGates.RuntimeConstants) != 0 && deepSeek.Types.RuntimeModels != null;
            // The four model-id rules share one candidate search per file (ModelIdCandidates); each classifies the few
            // strings it found.
            GatedFiles.Register(context, deepSeek.Gate.MayHoldEvidence, file => file.RegisterSelectionAction(
                deepSeek.ModelIdCandidates,
                c =>
                {
                    switch (c.Operation.Kind)
                    {
                        case OperationKind.Literal:
                        case OperationKind.Utf8String:
                            AnalyzeString(c, deepSeek, ModelIdCandidates.LiteralText(c.Operation)!);
                            break;
                        case OperationKind.InterpolatedString:
                            AnalyzeInterpolatedString(c, deepSeek);
                            break;
                        case OperationKind.FieldReference when runtimeConstants:
                            AnalyzeRuntimeConstant(c, deepSeek);
                            break;
                    }
                }));

            // A project without appsettings files registers nothing for them.
            if ((Gates & ModelIdGates.AppSettings) != 0 && AppSettingsFile.AnyIn(context.Options.AdditionalFiles))
            {
                context.RegisterAdditionalFileAction(c => AnalyzeAppSettings(c, deepSeek));
            }
        }

        /// <summary>
        /// Model ids of DeepSeek sections in appsettings*.json: the section (its name or api.deepseek.com endpoint) is the
        /// evidence, a section on another host is never one. Same candidates and messages as in code.
        /// </summary>
        private void AnalyzeAppSettings(AdditionalFileAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var file = AppSettingsFile.Read(context.AdditionalFile, context.CancellationToken, out var text);
            if (file == null || text == null || file.ModelValues.IsEmpty)
            {
                return;
            }

            var catalog = deepSeek.Catalog;
            DeepSeekOptions? options = null;
            foreach (var value in file.ModelValues)
            {
                if (!value.DeepSeekBound || !MayBeCandidate(value.Value, catalog))
                {
                    continue;
                }

                options ??= AppSettingsFile.OptionsFor(context.AdditionalFile, context.Options.AnalyzerConfigOptionsProvider, deepSeek.Compilation);
                // No migration-table silence here: configuration does not map old names to new, and a JSON map does it in
                // its property names ({ "deepseek-chat": "deepseek-flash" }), which are never candidates.
                if (!IsCandidate(value.Value, catalog, options))
                {
                    continue;
                }

                var location = value.LocationIn(context.AdditionalFile.Path, text);
                Report(new ModelIdFinding(context.ReportDiagnostic, deepSeek, options, location, value.Value, ModelIdShape.AppSettings));
            }
        }

        /// <summary>A candidate literal (its text: <see cref="ModelIdCandidates.LiteralText"/>): a whole id, or JSON text.</summary>
        private void AnalyzeString(GatedOperationContext context, DeepSeekCompilationContext deepSeek, string value)
        {
            var literal = (LiteralExpressionSyntax)context.Operation.Syntax;
            var catalog = deepSeek.Catalog;
            if (MayBeCandidate(value, catalog))
            {
                var options = deepSeek.Options.Get(literal.SyntaxTree);
                if (IsCandidate(value, catalog, options))
                {
                    AnalyzeWholeValue(context, deepSeek, options, literal, value);
                    return;
                }
            }

            AnalyzeJson(context, deepSeek, value);
        }

        /// <summary>JSON built with interpolation (<c>$"{{\"model\": \"deepseek-chat\", \"messages\": {json}}}"</c>): reported at the string.</summary>
        private void AnalyzeInterpolatedString(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            var operation = (IInterpolatedStringOperation)context.Operation;
            foreach (var part in operation.Parts)
            {
                if (part is IInterpolatedStringTextOperation text && text.Text.ConstantValue.Value is string value
                    && AnalyzeJson(context, deepSeek, value))
                {
                    return;
                }
            }
        }

        private void AnalyzeWholeValue(
            GatedOperationContext context,
            DeepSeekCompilationContext deepSeek,
            DeepSeekOptions options,
            LiteralExpressionSyntax literal,
            string value)
        {
            var model = context.Operation.SemanticModel;
            if (model == null
                || ModelIdPositions.IsComparisonOrLookup(literal, model, deepSeek.Types, context.CancellationToken)
                || ModelIdPositions.IsInProviderNamePattern(literal, deepSeek.Catalog.IsKnownModelName))
            {
                return;
            }

            if ((Gates & ModelIdGates.MigrationTable) != 0)
            {
                var catalog = deepSeek.Catalog;
                var target = catalog.CurrentIdFor(options.TargetModel);
                if (ModelIdPositions.IsInMigrationElement(
                        literal,
                        model,
                        id => catalog.IsServedIdIgnoreCase(id) || string.Equals(id, target, StringComparison.OrdinalIgnoreCase),
                        context.CancellationToken))
                {
                    return;
                }
            }

            if (IsForThisRule(context, deepSeek, options, ModelIdShape.Literal))
            {
                Report(new ModelIdFinding(context, deepSeek, options, literal, value, ModelIdShape.Literal));
            }
        }

        /// <summary>Reports the first of the rule's ids among the text's JSON model values; true when the text had one.</summary>
        private bool AnalyzeJson(GatedOperationContext context, DeepSeekCompilationContext deepSeek, string value)
        {
            // Only candidates come here (ModelIdCandidates did the cheap tests for every string of the file).
            var catalog = deepSeek.Catalog;
            DeepSeekOptions? options = null;
            var index = 0;
            while ((index = JsonModelText.NextModelValue(value, JsonQuote, index, out var length)) >= 0)
            {
                var id = value.Substring(index, length);
                index += length;
                if (!MayBeCandidate(id, catalog))
                {
                    continue;
                }

                options ??= deepSeek.Options.Get(context.Operation.Syntax.SyntaxTree);
                if (!IsCandidate(id, catalog, options))
                {
                    continue;
                }

                if (!JsonModelText.IsResponseBody(value) && IsForThisRule(context, deepSeek, options, ModelIdShape.Json))
                {
                    Report(new ModelIdFinding(context, deepSeek, options, context.Operation.Syntax, id, ModelIdShape.Json));
                }

                return true;
            }

            return false;
        }

        /// <summary>
        /// <c>DeepSeekModels.V4Pro</c>: the literal lives in DeepSeek.Runtime, so the use is reported at the reference. A
        /// project's own constants are not: their literal is reported where it is declared.
        /// </summary>
        private void AnalyzeRuntimeConstant(GatedOperationContext context, DeepSeekCompilationContext deepSeek)
        {
            // A candidate: a string constant of DeepSeekModels (ModelIdCandidates).
            var reference = (IFieldReferenceOperation)context.Operation;
            if (!(reference.ConstantValue.Value is string value) || !MayBeCandidate(value, deepSeek.Catalog))
            {
                return;
            }

            var options = deepSeek.Options.Get(reference.Syntax.SyntaxTree);
            var model = reference.SemanticModel;
            if (!IsCandidate(value, deepSeek.Catalog, options) || model == null
                || ModelIdPositions.IsComparisonOrLookup(reference.Syntax, model, deepSeek.Types, context.CancellationToken))
            {
                return;
            }

            if (IsForThisRule(context, deepSeek, options, ModelIdShape.RuntimeConstant))
            {
                Report(new ModelIdFinding(context, deepSeek, options, reference.Syntax, value, ModelIdShape.RuntimeConstant));
            }
        }

        /// <summary>
        /// Every evidence question of the model-id rules, asked last because it is the expensive one: where the id (or the
        /// JSON body holding it) is sent.
        /// </summary>
        private bool IsForThisRule(GatedOperationContext context, DeepSeekCompilationContext deepSeek, DeepSeekOptions options, ModelIdShape shape)
        {
            var evidence = deepSeek.Evidence;
            var operation = context.Operation;
            var cancellationToken = context.CancellationToken;
            if ((Gates & ModelIdGates.DeepSeekEvidence) != 0)
            {
                return shape == ModelIdShape.Json
                    ? evidence.IsDeepSeekRequest(operation, options, cancellationToken)
                    : evidence.IsDeepSeekModelId(operation, options, cancellationToken);
            }

            // A gateway on another host (a local proxy, OpenRouter, Venice, Azure) may serve any name as its own id:
            // api.deepseek.com rules do not apply to a client or request whose endpoint is provably elsewhere.
            if (shape == ModelIdShape.Json)
            {
                return evidence.DestinationOfRequest(operation, cancellationToken) != DeepSeekBinding.OtherHost;
            }

            return !(evidence.TryGetModelIdBinding(operation, cancellationToken, out var binding) && binding == DeepSeekBinding.OtherHost);
        }
    }

    /// <summary>
    /// The rules of old names (DSK002 retired, DSK011 legacy): a catalog alias of one status, case-insensitive, anywhere a
    /// model id is used, silent in migration tables. The names are DeepSeek's own, so no further evidence is needed.
    /// </summary>
    public abstract class OldModelNameAnalyzer : ModelIdAnalyzer
    {
        private protected abstract DeepSeek.Catalog.AliasStatus Status { get; }

        private protected sealed override ModelIdGates Gates => ModelIdGates.MigrationTable | ModelIdGates.AppSettings;

        private protected sealed override bool MayBeCandidate(string id, EffectiveCatalog catalog)
        {
            var alias = catalog.FindAlias(id);
            return alias != null && alias.Status == Status;
        }

        private protected sealed override bool IsCandidate(string id, EffectiveCatalog catalog, DeepSeekOptions options) => true;
    }
}
