using System;
using System.Collections.Immutable;
using DeepSeek.Analyzers.Infrastructure;
using DeepSeek.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Rules
{
    /// <summary>
    /// DSK003: a <c>deepseek-…</c> model id the catalog does not know (<c>deepseek-coder</c>, <c>deepseek-v3</c>,
    /// <c>deepseek-r1</c>, typos) sent to a DeepSeek-bound client or request. Unlike the retired aliases these names
    /// are valid on other hosts, so the rule needs DeepSeek evidence; other hosts' spellings (<c>deepseek/…</c>,
    /// <c>DeepSeek-R1</c>, <c>…:7b</c>) are never candidates.
    /// </summary>
    [DiagnosticAnalyzer(LanguageNames.CSharp)]
    public sealed class DSK003UnknownModelIdAnalyzer : ModelIdAnalyzer
    {
        /// <summary>Edit distance up to which an unknown id is taken for a typo of the nearest catalog id.</summary>
        internal const int TypoDistance = 2;

        /// <summary>Longer values are prose or data, not a model id.</summary>
        private const int MaxIdLength = 64;

        public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } =
            ImmutableArray.Create(Descriptors.DSK003_UnknownModelId);

        private protected override ModelIdGates Gates => ModelIdGates.MigrationTable | ModelIdGates.DeepSeekEvidence | ModelIdGates.AppSettings;

        /// <summary>
        /// <c>deepseek-</c> + lowercase id characters (so <c>deepseek-r1:7b</c>, <c>deepseek/…</c>, <c>DeepSeek-R1</c> and prose
        /// are not), and neither a catalog id nor an alias.
        /// </summary>
        private protected override bool MayBeCandidate(string id, EffectiveCatalog catalog)
        {
            if (id.Length <= DeepSeekCatalog.ModelPrefix.Length || id.Length > MaxIdLength
                || !id.StartsWith(DeepSeekCatalog.ModelPrefix, StringComparison.Ordinal))
            {
                return false;
            }

            for (var i = DeepSeekCatalog.ModelPrefix.Length; i < id.Length; i++)
            {
                var c = id[i];
                if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_'))
                {
                    return false;
                }
            }

            return !catalog.IsCatalogId(id);
        }

        /// <summary>A model the options name (the target, the allowlist) is the project's own choice, not unknown.</summary>
        private protected override bool IsCandidate(string id, EffectiveCatalog catalog, DeepSeekOptions options)
            => !string.Equals(id, options.TargetModel, StringComparison.Ordinal) && !options.IsAllowedModel(id);

        private protected override void Report(in ModelIdFinding finding)
        {
            var catalog = finding.DeepSeek.Catalog;
            var replacement = ChooseReplacement(finding.Id, catalog, catalog.CurrentIdFor(finding.Options.TargetModel), out var reason);
            finding.Report(Descriptors.DSK003_UnknownModelId, replacement, disableThinking: false, finding.Id, reason, replacement);
        }

        /// <summary>
        /// A typo gets the nearest current id (edit distance ≤ <see cref="TypoDistance"/>); a retired or marketing name
        /// gets the target model — the nearest id by spelling (deepseek-r1 → deepseek-v4-pro) would pick a model
        /// by its letters, not by what the code needs.
        /// </summary>
        internal static string ChooseReplacement(string id, EffectiveCatalog catalog, string targetModel, out string reason)
        {
            foreach (var family in catalog.NonApiModelFamilies)
            {
                if (id.StartsWith(family.Prefix, StringComparison.Ordinal))
                {
                    reason = family.Reason;
                    return targetModel;
                }
            }

            // Legacy names are spellings too (deepseek-v4-flsh), but a fix never writes one: it writes what replaces it.
            string? closest = null;
            var best = int.MaxValue;
            foreach (var model in catalog.Models)
            {
                var distance = EditDistance(id, model.Id);
                if (distance < best)
                {
                    best = distance;
                    closest = model.Id;
                }
            }

            foreach (var alias in catalog.Aliases)
            {
                var distance = alias.IsLegacy ? EditDistance(id, alias.Alias) : int.MaxValue;
                if (distance < best)
                {
                    best = distance;
                    closest = alias.CurrentModel;
                }
            }

            if (closest != null && best <= TypoDistance)
            {
                reason = "a likely typo";
                return closest;
            }

            reason = "not in the model catalog";
            return targetModel;
        }

        /// <summary>Levenshtein distance; runs only when a diagnostic is reported.</summary>
        internal static int EditDistance(string a, string b)
        {
            var previous = new int[b.Length + 1];
            var current = new int[b.Length + 1];
            for (var j = 0; j <= b.Length; j++)
            {
                previous[j] = j;
            }

            for (var i = 1; i <= a.Length; i++)
            {
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
                }

                var swap = previous;
                previous = current;
                current = swap;
            }

            return previous[b.Length];
        }
    }
}
