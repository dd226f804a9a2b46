using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>
    /// The one place the property tests call the text scanners: when a scanner moves to another type (URL parsing is
    /// leaving DeepSeekEvidence), only this adapter changes.
    /// </summary>
    internal static class Scanners
    {
        // ---- URL host parsing ----------------------------------------------------------------------------------

        public static DeepSeekBinding BindingOfUrl(string text, bool anyOtherHost) => DeepSeekEvidence.BindingOfUrl(text, anyOtherHost);

        // ---- Key shape (DeepSeekCatalog) -------------------------------------------------------------------------

        public static int KeyLength => SecretText.KeyLength;

        public static bool IsKeyAt(string text, int index) => DeepSeekCatalog.IsKeyAt(text, index);

        public static int IndexOfKey(string text, int startIndex) => DeepSeekCatalog.IndexOfKey(text, startIndex);

        public static string MaskKey(string key) => DeepSeekCatalog.MaskKey(key);

        // ---- Secret / placeholder classifier ---------------------------------------------------------------------

        public static int IndexOfRealKey(string text, int startIndex) => SecretText.IndexOfRealKey(text, startIndex);

        public static bool LooksLikeSecret(string? value, string variableName, string configurationKey)
            => SecretText.LooksLikeSecret(value, variableName, configurationKey);

        public static string WithoutScheme(string value) => SecretText.WithoutScheme(value);

        public static bool HasPlaceholderMarker(string text) => SecretText.HasPlaceholderMarker(text);

        public static bool HasPlaceholderWord(string text) => SecretText.HasPlaceholderWord(text);

        public static bool IsPatternedHex(string text, int start) => SecretText.IsPatternedHex(text, start);

        public static bool IsDeepSeekKeyName(string? name) => SecretNames.IsDeepSeekKeyName(name);

        public static bool IsDeepSeekSecretName(string? name) => DeepSeekEvidence.IsDeepSeekSecretName(name);

        /// <summary>The written constants <see cref="SecretValues"/> finds behind <paramref name="value"/>.</summary>
        public static IReadOnlyList<(SyntaxNode Node, string Value)> SecretValuesOf(IOperation value, ISymbol containingSymbol, SemanticModel model)
            => SecretValues.Resolve(value, containingSymbol, model, CancellationToken.None).ToList();

        // ---- JSON written inside string literals -----------------------------------------------------------------

        public static int IndexOfModelValue(string text, string value, string quote, int startIndex)
            => JsonModelText.IndexOfModelValue(text, value, quote, startIndex);

        public static int IndexOfModelValueWithPrefix(string text, string prefix, string quote, int startIndex, out int length)
            => JsonModelText.IndexOfModelValueWithPrefix(text, prefix, quote, startIndex, out length);

        public static bool HasJsonProperty(string text, string name, string quote) => JsonModelText.HasProperty(text, name, quote);

        public static bool IsResponseBody(string text) => JsonModelText.IsResponseBody(text);

        public static int NextModelValue(string text, string quote, int startIndex, out int length)
            => JsonModelText.NextModelValue(text, quote, startIndex, out length);

        // ---- Scanners of the later rules: the per-file gate, DSK010's URL reading, DSK012's date formats ----------------

        /// <summary>The per-file gate's text test on one file holding <paramref name="text"/> (default options, no catalog file).</summary>
        public static bool GateOpens(string text)
        {
            var tree = Microsoft.CodeAnalysis.CSharp.CSharpSyntaxTree.ParseText(text, path: "/0.cs");
            var compilation = Microsoft.CodeAnalysis.CSharp.CSharpCompilation.Create("Gate", new[] { tree });
            var options = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions(ImmutableArray<AdditionalText>.Empty);
            return DeepSeekCompilationContext.Get(compilation, options).Gate.MayHoldEvidence(tree, CancellationToken.None);
        }

        public static BaseUrlProblem DiagnoseBaseUrl(string text, bool isSdkEndpoint, out string corrected)
            => DeepSeekBaseUrl.Diagnose(text, isSdkEndpoint, out corrected);

        public static bool IsDayOnlyFormat(string? format) => PerCallValues.IsDayOnlyFormat(format);

        public static bool IsDayOnlyCompositeItem(string format, int index) => PerCallValues.IsDayOnlyCompositeItem(format, index);

        // ---- DSK006: max_tokens in JSON text -------------------------------------------------------------------------

        /// <summary>What DSK006 reads from JSON text (the decoded value): the limit, and whether it has model and messages.</summary>
        public static OutputLimit OutputLimitOfJsonText(string text, out bool isChatRequest)
        {
            var limit = OutputLimits.OfJsonText(text, out var keys);
            isChatRequest = keys == BodyKeys.Both;
            return limit;
        }

        /// <summary>The DSK006 fix's edit of JSON text written with <paramref name="quote"/>, applied; null when it finds no model key.</summary>
        public static string? InsertMaxTokens(string source, string quote, int value)
        {
            var changes = MaxTokensFix.JsonInsert(source, 0, quote, value.ToString(System.Globalization.CultureInfo.InvariantCulture));
            return changes == null ? null : Microsoft.CodeAnalysis.Text.SourceText.From(source).WithChanges(changes).ToString();
        }

        // ---- MiniJson and the catalog file -----------------------------------------------------------------------

        public static JsonNode? ParseJson(string text, out JsonError? error) => MiniJson.Parse(text, out error);

        // ---- appsettings*.json ----------------------------------------------------------------------------------

        /// <summary>Every candidate value of an appsettings file: the value, its span as written, its section binding, and whether it is a model id.</summary>
        public static IReadOnlyList<(string Value, int Start, int End, DeepSeekBinding Binding, bool IsModel)> AppSettingsValues(string text)
        {
            var file = AppSettingsFile.Parse(text);
            return file.ModelValues.Select(v => (v.Value, v.Span.Start, v.Span.End, v.Binding, true))
                .Concat(file.StringValues.Select(v => (v.Value, v.Span.Start, v.Span.End, v.Binding, false)))
                .ToList();
        }

        public static bool IsAppSettingsPath(string? path) => AppSettingsFile.IsAppSettingsPath(path);

        public static EffectiveCatalog BaseCatalog => EffectiveCatalog.Base;

        public static EffectiveCatalog ApplyCatalogFile(EffectiveCatalog catalog, string text, out JsonError? error)
            => CatalogFile.Apply(catalog, text, out error);

        /// <summary>The catalog-file reader as the compiler host drives it: AdditionalFiles in, catalog and first DSK000 error out.</summary>
        public static EffectiveCatalog LoadCatalogFiles(ImmutableArray<AdditionalText> files, out CatalogFileError? error)
            => CatalogFile.Load(files, CancellationToken.None, out error);

        public static bool IsCatalogFile(string? path) => CatalogFile.IsCatalogFile(path);

        // ---- DSK005: price names and the legacy-price matcher ------------------------------------------------------

        /// <summary>Whether a name says price, the role it says (null: none, or two that do not combine), and whether it says DeepSeek.</summary>
        public static (bool IsPrice, PriceRole? Role, bool SaysDeepSeek) ClassifyPriceName(string? name)
        {
            var read = PriceNames.Classify(name);
            return (read.IsPrice, read.Role, read.SaysDeepSeek);
        }

        public static bool SaysDeepSeek(string? text) => PriceNames.SaysDeepSeek(text);

        public static PriceUnit? PriceUnitOf(string? name) => PriceNames.UnitOf(name);

        /// <summary>
        /// The legacy-price matcher on a literal's text: null when it is no legacy value; else whether it is legacy for
        /// <paramref name="role"/> (null: no role), in which unit, and the legacy price it matched.
        /// </summary>
        public static (bool Legacy, PriceUnit Unit, decimal PerMillion, PriceRole LegacyRole)? MatchLegacyPrice(
            EffectiveCatalog catalog, string literalText, PriceRole? role)
        {
            var match = LegacyPriceValues.For(catalog).Match(literalText);
            if (match == null)
            {
                return null;
            }

            var legacy = match.IsLegacyFor(role, out var price, out var unit, out _);
            return (legacy, unit, price?.PerMillion ?? 0m, price?.Role ?? default);
        }

        public static decimal InUnit(decimal perMillion, PriceUnit unit) => LegacyPriceValues.InUnit(perMillion, unit);

        /// <summary>The DSK005 fix's literal text for <paramref name="value"/> written like <paramref name="original"/>.</summary>
        public static string FormatPriceLiteral(decimal value, string original)
            => DeepSeek.Analyzers.Rules.DSK005LegacyPricingConstantCodeFixProvider.FormatLiteral(value, original);

        // ---- .editorconfig option values -------------------------------------------------------------------------

        public static DeepSeekOptions ReadOptions(AnalyzerConfigOptions options) => DeepSeekOptions.Read(options);
    }
}
