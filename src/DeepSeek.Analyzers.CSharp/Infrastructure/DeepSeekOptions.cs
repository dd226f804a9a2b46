using System;
using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>How rules that need DeepSeek evidence decide a client is DeepSeek-bound.</summary>
    internal enum DeepSeekScope
    {
        /// <summary>Only clients with DeepSeek evidence (endpoint, model id, secret name, SDK type).</summary>
        Evidence,

        /// <summary>Every OpenAI-compatible chat client, for apps whose endpoint and model come only from configuration.</summary>
        AllOpenAICompatible,
    }

    /// <summary>The <c>deepseek_analyzers.*</c> options of one syntax tree (.editorconfig / .globalconfig).</summary>
    internal sealed class DeepSeekOptions
    {
        public const string Prefix = "deepseek_analyzers.";
        public const string ScopeKey = Prefix + "scope";
        public const string TargetModelKey = Prefix + "target_model";
        public const string AllowedModelsKey = Prefix + "allowed_models";
        public const string DefaultMaxTokensKey = Prefix + "default_max_tokens";
        public const string MaxRetriesKey = Prefix + "max_retries";
        public const string ApiKeyVariableKey = Prefix + "api_key_variable";
        public const string ApiKeyConfigurationKeyKey = Prefix + "api_key_configuration_key";

        /// <summary>
        /// Global option, <c>true</c> by default: <c>false</c> turns the per-file gate off (every file is analysed for evidence).
        /// For the gate-equivalence test, and for anyone who suspects the gate of hiding a finding.
        /// </summary>
        public const string FileGateKey = Prefix + "file_gate";

        public static readonly DeepSeekOptions Default = new DeepSeekOptions(
            DeepSeekScope.Evidence,
            DeepSeekCatalog.DefaultTargetModel,
            ImmutableArray.Create(DeepSeekCatalog.DefaultAllowedModels),
            DeepSeekCatalog.DefaultMaxTokens,
            DeepSeekCatalog.DefaultMaxRetries,
            DeepSeekCatalog.ApiKeyEnvironmentVariable,
            DeepSeekCatalog.ApiKeyConfigurationKey);

        private DeepSeekOptions(
            DeepSeekScope scope,
            string targetModel,
            ImmutableArray<string> allowedModels,
            int defaultMaxTokens,
            int maxRetries,
            string apiKeyVariable,
            string apiKeyConfigurationKey)
        {
            Scope = scope;
            TargetModel = targetModel;
            AllowedModels = allowedModels;
            DefaultMaxTokens = defaultMaxTokens;
            MaxRetries = maxRetries;
            ApiKeyVariable = apiKeyVariable;
            ApiKeyConfigurationKey = apiKeyConfigurationKey;
            Evidence = new EvidenceSettings(scope, ImmutableArray.Create(apiKeyVariable, apiKeyConfigurationKey));
        }

        public DeepSeekScope Scope { get; }

        /// <summary>
        /// The model the DSK002/DSK003/DSK011 fixes write, as configured. Rules resolve it through the effective catalog
        /// (<see cref="EffectiveCatalog.CurrentIdFor"/>), so a name the catalog file has since renamed moves along.
        /// </summary>
        public string TargetModel { get; }

        public ImmutableArray<string> AllowedModels { get; }

        public int DefaultMaxTokens { get; }

        public int MaxRetries { get; }

        public string ApiKeyVariable { get; }

        public string ApiKeyConfigurationKey { get; }

        /// <summary>
        /// True when the allowlist names <paramref name="modelId"/>, or an old name of it: an allowlist written for
        /// <c>deepseek-v4-flash</c> (or one the catalog file has since renamed) approves the model that replaced the name.
        /// </summary>
        public bool IsAllowedModel(string modelId, EffectiveCatalog catalog)
        {
            foreach (var allowed in AllowedModels)
            {
                if (string.Equals(allowed, modelId, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(catalog.CurrentIdFor(allowed), modelId, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>What the evidence engine takes from these options: the scope and the secret names.</summary>
        public EvidenceSettings Evidence { get; }

        /// <summary>True when the allowlist names <paramref name="modelId"/> as written (case-insensitive).</summary>
        public bool IsAllowedModel(string modelId)
        {
            foreach (var allowed in AllowedModels)
            {
                if (string.Equals(allowed, modelId, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return false;
        }

        public static bool IsFileGateEnabled(AnalyzerConfigOptions globalOptions)
            => !(globalOptions.TryGetValue(FileGateKey, out var text) && string.Equals(text.Trim(), "false", StringComparison.OrdinalIgnoreCase));

        public static DeepSeekOptions Read(AnalyzerConfigOptions options)
        {
            var scope = options.TryGetValue(ScopeKey, out var scopeText)
                && string.Equals(scopeText.Trim(), "all_openai_compatible", StringComparison.OrdinalIgnoreCase)
                ? DeepSeekScope.AllOpenAICompatible
                : Default.Scope;
            var target = ReadString(options, TargetModelKey, Default.TargetModel);
            var allowed = Default.AllowedModels;
            if (options.TryGetValue(AllowedModelsKey, out var allowedText))
            {
                var builder = ImmutableArray.CreateBuilder<string>();
                foreach (var part in allowedText.Split(new[] { ',', ';', ' ' }, StringSplitOptions.RemoveEmptyEntries))
                {
                    // A part of other white space ("a,\t,b", a no-break space) is no model id.
                    var model = part.Trim();
                    if (model.Length > 0)
                    {
                        builder.Add(model);
                    }
                }

                allowed = builder.ToImmutable();
            }

            var maxTokens = ReadInt(options, DefaultMaxTokensKey, Default.DefaultMaxTokens, min: 1);
            var maxRetries = ReadInt(options, MaxRetriesKey, Default.MaxRetries, min: 0);
            var variable = ReadString(options, ApiKeyVariableKey, Default.ApiKeyVariable);
            var configurationKey = ReadString(options, ApiKeyConfigurationKeyKey, Default.ApiKeyConfigurationKey);

            if (scope == Default.Scope && target == Default.TargetModel && allowed == Default.AllowedModels
                && maxTokens == Default.DefaultMaxTokens && maxRetries == Default.MaxRetries
                && variable == Default.ApiKeyVariable && configurationKey == Default.ApiKeyConfigurationKey)
            {
                return Default;
            }

            return new DeepSeekOptions(scope, target, allowed, maxTokens, maxRetries, variable, configurationKey);
        }

        private static string ReadString(AnalyzerConfigOptions options, string key, string fallback)
        {
            if (options.TryGetValue(key, out var value))
            {
                value = value.Trim();
                if (value.Length > 0)
                {
                    return value;
                }
            }

            return fallback;
        }

        private static int ReadInt(AnalyzerConfigOptions options, string key, int fallback, int min)
            => options.TryGetValue(key, out var text)
                && int.TryParse(text.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
                && value >= min
                ? value
                : fallback;
    }

    /// <summary>Reads each syntax tree's options once per compilation and caches them.</summary>
    internal sealed class DeepSeekOptionsCache
    {
        private readonly AnalyzerConfigOptionsProvider _provider;
        private readonly ConcurrentDictionary<SyntaxTree, DeepSeekOptions> _byTree = new ConcurrentDictionary<SyntaxTree, DeepSeekOptions>();
        private readonly Func<SyntaxTree, DeepSeekOptions> _read;

        public DeepSeekOptionsCache(AnalyzerConfigOptionsProvider provider)
        {
            _provider = provider;
            _read = tree => DeepSeekOptions.Read(_provider.GetOptions(tree));
        }

        public DeepSeekOptions Get(SyntaxTree? tree)
            => tree == null ? DeepSeekOptions.Read(_provider.GlobalOptions) : _byTree.GetOrAdd(tree, _read);
    }
}
