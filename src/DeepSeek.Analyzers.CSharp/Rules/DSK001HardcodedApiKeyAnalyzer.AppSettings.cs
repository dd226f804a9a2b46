using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>DSK001 in appsettings*.json: the file is committed with the code, so a key in it leaks the same way.</summary>
    public sealed partial class DSK001HardcodedApiKeyAnalyzer
    {
        /// <summary>The prefix a DeepSeek section's own key name gets to be judged as a DeepSeek key name (<c>ApiKey</c> → <c>DeepSeekApiKey</c>).</summary>
        private const string DeepSeekNamePrefix = "DeepSeek";

        /// <summary>The message's "where": user secrets and the environment are configuration too, the committed file is not the place.</summary>
        private const string AppSettingsWhere = " in an appsettings file, which is committed with the code";

        /// <summary>
        /// A DeepSeek-shaped key in any string value; any other secret only under a name that says DeepSeek key
        /// (<c>"DEEPSEEK_API_KEY"</c>, <c>"DeepSeekApiKey"</c>) or under a key name of a DeepSeek section
        /// (<c>"DeepSeek": { "ApiKey": … }</c>, or a section whose endpoint is api.deepseek.com). Reported at the value. No fix:
        /// the key belongs in user secrets, the environment or a vault, which no edit of the file can choose.
        /// </summary>
        private static void AnalyzeAppSettings(AdditionalFileAnalysisContext context, DeepSeekCompilationContext deepSeek)
        {
            var file = AppSettingsFile.Read(context.AdditionalFile, context.CancellationToken, out var text);
            if (file == null || text == null || file.StringValues.IsEmpty)
            {
                return;
            }

            DeepSeekOptions? options = null;
            foreach (var value in file.StringValues)
            {
                string masked;
                string kind;
                var index = value.Value.Length >= SecretText.KeyLength ? SecretText.IndexOfRealKey(value.Value) : -1;
                if (index >= 0)
                {
                    masked = DeepSeekCatalog.MaskKey(value.Value.Substring(index, SecretText.KeyLength));
                    kind = ShapeKind;
                }
                else
                {
                    options ??= AppSettingsFile.OptionsFor(context.AdditionalFile, context.Options.AnalyzerConfigOptionsProvider, deepSeek.Compilation);
                    if (!IsDeepSeekKeyEntry(value, options) || !SecretText.LooksLikeSecret(value.Value, options.ApiKeyVariable, options.ApiKeyConfigurationKey))
                    {
                        continue;
                    }

                    masked = DeepSeekCatalog.MaskKey(SecretText.WithoutScheme(value.Value));
                    kind = SecretKind;
                }

                options ??= AppSettingsFile.OptionsFor(context.AdditionalFile, context.Options.AnalyzerConfigOptionsProvider, deepSeek.Compilation);
                var properties = ImmutableDictionary.CreateBuilder<string, string?>();
                properties.Add(KindProperty, kind);
                properties.Add(ApiKeyVariableProperty, options.ApiKeyVariable);
                properties.Add(ApiKeyConfigurationKeyProperty, options.ApiKeyConfigurationKey);
                context.ReportDiagnostic(Diagnostic.Create(
                    Descriptors.DSK001_HardcodedApiKey,
                    value.LocationIn(context.AdditionalFile.Path, text),
                    properties.ToImmutable(),
                    masked,
                    AppSettingsWhere));
            }
        }

        /// <summary>
        /// A name that says DeepSeek key, a key name in a DeepSeek section, or the very names the options give the key's
        /// variable and configuration key (which the DSK001 fix in code reads the key from) — never in a section whose
        /// endpoint is another host: that is the other host's key, whatever the section is called.
        /// </summary>
        private static bool IsDeepSeekKeyEntry(AppSettingsValue value, DeepSeekOptions options)
            => value.Binding != DeepSeekBinding.OtherHost
                && (SecretNames.IsDeepSeekKeyName(value.PropertyName)
                || string.Equals(value.PropertyName, options.ApiKeyVariable, System.StringComparison.OrdinalIgnoreCase)
                || string.Equals(value.ConfigurationPath, options.ApiKeyConfigurationKey, System.StringComparison.OrdinalIgnoreCase)
                || (value.DeepSeekBound && SecretNames.IsDeepSeekKeyName(DeepSeekNamePrefix + value.PropertyName)));
    }
}
