using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>A JSON string value of an appsettings file that a rule may report: where it is written and what holds it.</summary>
    internal sealed class AppSettingsValue
    {
        public AppSettingsValue(JsonStringNode node, string propertyName, string configurationPath, DeepSeekBinding binding)
        {
            Node = node;
            PropertyName = propertyName;
            ConfigurationPath = configurationPath;
            Binding = binding;
        }

        public JsonStringNode Node { get; }

        public string Value => Node.Value;

        /// <summary>The name of the property holding the value (for an array item, the array's property).</summary>
        public string PropertyName { get; }

        /// <summary>The key IConfiguration reads the value under (<c>DeepSeek:ApiKey</c>, <c>DeepSeek:Models:0</c>).</summary>
        public string ConfigurationPath { get; }

        /// <summary>
        /// <see cref="DeepSeekBinding.Bound"/> in a DeepSeek section (by its name, an ancestor's, or an api.deepseek.com endpoint),
        /// <see cref="DeepSeekBinding.OtherHost"/> in a section whose endpoint (or an ancestor's) is another host.
        /// </summary>
        public DeepSeekBinding Binding { get; }

        public bool DeepSeekBound => Binding == DeepSeekBinding.Bound;

        /// <summary>The value as written, quotes included: where a finding is reported and what a fix replaces.</summary>
        public TextSpan Span => TextSpan.FromBounds(Node.Start, Node.End);

        public Location LocationIn(string path, SourceText text)
            => Location.Create(path, Span, text.Lines.GetLinePositionSpan(Span));
    }

    /// <summary>
    /// The <c>appsettings*.json</c> files of a project (the package's props add them as AdditionalFiles): which string values
    /// are model ids in DeepSeek sections and which may be keys. A file is read once per text snapshot for all rules, only
    /// when its name matches and its text mentions DeepSeek or holds a DeepSeek-shaped key; a file that does not parse
    /// (half-typed) yields nothing.
    /// </summary>
    internal sealed class AppSettingsFile
    {
        private const string FilePrefix = "appsettings";
        private const string FileExtension = ".json";
        private const string DeepSeekWord = "deepseek";

        private static readonly AppSettingsFile Empty = new AppSettingsFile(
            ImmutableArray<AppSettingsValue>.Empty, ImmutableArray<AppSettingsValue>.Empty);

        private static readonly ConditionalWeakTable<SourceText, AppSettingsFile> Cache = new ConditionalWeakTable<SourceText, AppSettingsFile>();

        // Property names that hold an endpoint: only their URLs bind a section (a documentation link does not).
        private static readonly string[] EndpointWords = { "endpoint", "url", "uri", "address", "host", "domain" };

        private AppSettingsFile(ImmutableArray<AppSettingsValue> modelValues, ImmutableArray<AppSettingsValue> stringValues)
        {
            ModelValues = modelValues;
            StringValues = stringValues;
        }

        /// <summary>Values used as model ids: a property whose name says model, items of a model array, ids of model entries.</summary>
        public ImmutableArray<AppSettingsValue> ModelValues { get; }

        /// <summary>Every other string value (the key rule's candidates).</summary>
        public ImmutableArray<AppSettingsValue> StringValues { get; }

        /// <summary><c>appsettings.json</c>, <c>appsettings.Development.json</c>, … in any letter case.</summary>
        public static bool IsAppSettingsPath(string? path)
        {
            var name = FilePaths.FileNameOf(path);
            return name != null
                && name.Length >= FilePrefix.Length + FileExtension.Length
                && name.StartsWith(FilePrefix, StringComparison.OrdinalIgnoreCase)
                && name.EndsWith(FileExtension, StringComparison.OrdinalIgnoreCase);
        }

        /// <summary>True when a compilation has an appsettings file at all: rules register their file action only then.</summary>
        public static bool AnyIn(ImmutableArray<AdditionalText> files)
        {
            foreach (var file in files)
            {
                if (IsAppSettingsPath(file.Path))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The cheap text test before any parsing: the file mentions DeepSeek or holds a DeepSeek-shaped key.</summary>
        public static bool MayHoldFindings(string text)
            => text.IndexOf(DeepSeekWord, StringComparison.OrdinalIgnoreCase) >= 0 || DeepSeekCatalog.IndexOfKey(text) >= 0;

        /// <summary>The file's candidates, read once per text snapshot; nothing for other files, unrelated or unreadable ones.</summary>
        public static AppSettingsFile? Read(AdditionalText file, CancellationToken cancellationToken, out SourceText? text)
        {
            text = null;
            if (!IsAppSettingsPath(file.Path))
            {
                return null;
            }

            text = file.GetText(cancellationToken);
            if (text == null)
            {
                return null;
            }

            return Cache.GetValue(text, t => Parse(t.ToString()));
        }

        /// <summary>Parses the text (no name or text test): for tests and the fixes.</summary>
        public static AppSettingsFile Parse(string text)
        {
            if (!MayHoldFindings(text))
            {
                return Empty;
            }

            var root = MiniJson.Parse(text, out var error);
            if (error != null || !(root is JsonObjectNode document))
            {
                return Empty;
            }

            var models = ImmutableArray.CreateBuilder<AppSettingsValue>();
            var strings = ImmutableArray.CreateBuilder<AppSettingsValue>();
            VisitObject(document, sectionName: null, path: null, parent: DeepSeekBinding.Unknown, inModelList: false, models, strings);
            return new AppSettingsFile(models.ToImmutable(), strings.ToImmutable());
        }

        /// <summary>
        /// A section is DeepSeek-bound by its own endpoint (api.deepseek.com binds, any other host unbinds, whatever the names
        /// say), else by a name saying DeepSeek unless an ancestor's endpoint is another host, else as its parent is.
        /// </summary>
        private static DeepSeekBinding BindingOf(JsonObjectNode section, string? name, DeepSeekBinding parent)
        {
            var endpoint = DeepSeekBinding.Unknown;
            foreach (var property in section.Properties)
            {
                if (property.Value is JsonStringNode value && IsEndpointName(property.Key))
                {
                    endpoint = DeepSeekBindings.Combine(endpoint, DeepSeekUrl.BindingOf(value.Value, anyOtherHost: true));
                }
            }

            if (endpoint != DeepSeekBinding.Unknown)
            {
                return endpoint;
            }

            // A DeepSeek-named section inside one on another host (OpenRouter's "DeepSeek" models) is still that host's.
            return name != null && name.IndexOf(DeepSeekWord, StringComparison.OrdinalIgnoreCase) >= 0 && parent != DeepSeekBinding.OtherHost
                ? DeepSeekBinding.Bound
                : parent;
        }

        private static void VisitObject(
            JsonObjectNode section,
            string? sectionName,
            string? path,
            DeepSeekBinding parent,
            bool inModelList,
            ImmutableArray<AppSettingsValue>.Builder models,
            ImmutableArray<AppSettingsValue>.Builder strings)
        {
            var bound = BindingOf(section, sectionName, parent);

            // A "Models" object ({ "Chat": "deepseek-flash" }) holds model ids in every string; an entry of a model list
            // ([ { "Id": …, "Endpoint": … } ]) in its id or name only.
            var isModelTable = !inModelList && sectionName != null && IsModelName(sectionName);
            foreach (var property in section.Properties)
            {
                switch (property.Value)
                {
                    case JsonStringNode value:
                        var entry = new AppSettingsValue(value, property.Key, Combine(path, property.Key), bound);
                        if (isModelTable || IsModelName(property.Key) || (inModelList && IsEntryIdName(property.Key)))
                        {
                            models.Add(entry);
                        }
                        else
                        {
                            strings.Add(entry);
                        }

                        break;
                    case JsonObjectNode child:
                        VisitObject(child, property.Key, Combine(path, property.Key), bound, inModelList: false, models, strings);
                        break;
                    case JsonArrayNode array:
                        VisitArray(array, property.Key, Combine(path, property.Key), bound, models, strings);
                        break;
                }
            }
        }

        private static void VisitArray(
            JsonArrayNode array,
            string name,
            string path,
            DeepSeekBinding bound,
            ImmutableArray<AppSettingsValue>.Builder models,
            ImmutableArray<AppSettingsValue>.Builder strings)
        {
            var modelList = IsModelName(name);
            for (var i = 0; i < array.Items.Count; i++)
            {
                var itemPath = Combine(path, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
                switch (array.Items[i])
                {
                    case JsonStringNode value:
                        (modelList ? models : strings).Add(new AppSettingsValue(value, name, itemPath, bound));
                        break;
                    case JsonObjectNode child:
                        // The entry is named by the array ("Models": [ { "Id": … } ]) for the binding too.
                        VisitObject(child, name, itemPath, bound, modelList, models, strings);
                        break;
                    case JsonArrayNode nested:
                        VisitArray(nested, name, itemPath, bound, models, strings);
                        break;
                }
            }
        }

        private static string Combine(string? path, string name) => path == null ? name : path + ":" + name;

        private static bool IsModelName(string name) => name.IndexOf("model", StringComparison.OrdinalIgnoreCase) >= 0;

        private static bool IsEntryIdName(string name)
            => string.Equals(name, "id", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "name", StringComparison.OrdinalIgnoreCase);

        private static bool IsEndpointName(string name)
        {
            foreach (var word in EndpointWords)
            {
                if (name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>
        /// The options for an appsettings file: what .editorconfig says for the JSON file itself (<c>[*]</c>, <c>[*.json]</c>,
        /// a .globalconfig), and for a key it does not set, what it says for the project's first C# file — options are
        /// usually written under <c>[*.cs]</c>, and the JSON fix should write what the C# fix writes.
        /// </summary>
        public static DeepSeekOptions OptionsFor(AdditionalText file, AnalyzerConfigOptionsProvider provider, Compilation compilation)
        {
            var own = provider.GetOptions(file);
            AnalyzerConfigOptions? code = null;
            foreach (var tree in compilation.SyntaxTrees)
            {
                code = provider.GetOptions(tree);
                break;
            }

            return DeepSeekOptions.Read(code == null ? own : new FallbackOptions(own, code));
        }

        private sealed class FallbackOptions : AnalyzerConfigOptions
        {
            private readonly AnalyzerConfigOptions _first;
            private readonly AnalyzerConfigOptions _second;

            public FallbackOptions(AnalyzerConfigOptions first, AnalyzerConfigOptions second)
            {
                _first = first;
                _second = second;
            }

            public override bool TryGetValue(string key, out string value)
            {
                if (_first.TryGetValue(key, out var found) || _second.TryGetValue(key, out found))
                {
                    value = found ?? string.Empty;
                    return true;
                }

                value = string.Empty;
                return false;
            }
        }
    }
}
