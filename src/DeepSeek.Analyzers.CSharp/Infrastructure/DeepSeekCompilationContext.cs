using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What every rule asks of a compilation, built once and shared by all rules: the resolved SDK types,
    /// the per-tree options, the effective catalog and the evidence engine. Rules never look types up per node.
    /// </summary>
    internal sealed class DeepSeekCompilationContext
    {
        private static readonly ConditionalWeakTable<Compilation, DeepSeekCompilationContext> Cache =
            new ConditionalWeakTable<Compilation, DeepSeekCompilationContext>();

        private DeepSeekCompilationContext(Compilation compilation, AnalyzerOptions options)
        {
            Compilation = compilation;
            Types = new WellKnownTypes(compilation);
            Options = new DeepSeekOptionsCache(options.AnalyzerConfigOptionsProvider);
            // Read once per compilation; the text of an AdditionalFile is already in memory.
            Catalog = CatalogFile.Load(options.AdditionalFiles, CancellationToken.None, out var catalogError);
            CatalogError = catalogError;
            Gate = new DeepSeekFileGate(compilation, Catalog, Options, DeepSeekOptions.IsFileGateEnabled(options.AnalyzerConfigOptionsProvider.GlobalOptions));
            var optionsCache = Options;
            Evidence = new DeepSeekEvidence(compilation, Types, Catalog, tree => optionsCache.Get(tree).Evidence, Gate);
            ModelIdCandidates = new ModelIdCandidates(Catalog, Types);
            GeneratedCode = new GeneratedCode(compilation, options);
        }

        public Compilation Compilation { get; }

        public WellKnownTypes Types { get; }

        public DeepSeekOptionsCache Options { get; }

        /// <summary>The catalog every model-id rule uses: the built-in one plus <c>deepseek.catalog.json</c>.</summary>
        public EffectiveCatalog Catalog { get; }

        /// <summary>The first error in <c>deepseek.catalog.json</c> (reported once as DSK000), or null.</summary>
        public CatalogFileError? CatalogError { get; }

        /// <summary>
        /// The per-file gate: <c>Gate.MayHoldEvidence(tree, cancellationToken)</c> says whether a file can hold DeepSeek
        /// evidence at all. Every rule asks it before any work that only matters with evidence; the engine asks it too.
        /// </summary>
        public DeepSeekFileGate Gate { get; }

        /// <summary>The DeepSeek evidence engine: is a client, request or model id DeepSeek-bound?</summary>
        public DeepSeekEvidence Evidence { get; }

        /// <summary>Which files, and which findings, are generated code: the rules skip them (see <see cref="Infrastructure.GeneratedCode"/>).</summary>
        public GeneratedCode GeneratedCode { get; }

        /// <summary>The strings of a file that may hold a model id: found once per file for every model-id rule.</summary>
        public ModelIdCandidates ModelIdCandidates { get; }

        public static DeepSeekCompilationContext Get(Compilation compilation, AnalyzerOptions options)
            => Cache.GetValue(compilation, c => new DeepSeekCompilationContext(c, options));
    }
}
