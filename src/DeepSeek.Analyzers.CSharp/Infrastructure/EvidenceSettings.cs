using System.Collections.Immutable;

namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>
    /// What the evidence engine needs from a file's options, as plain settings (the engine knows no rule): the scope, and the
    /// secret names besides DeepSeek-named ones whose reads are DeepSeek evidence.
    /// </summary>
    internal sealed class EvidenceSettings
    {
        public EvidenceSettings(DeepSeekScope scope, ImmutableArray<string> secretNames)
        {
            Scope = scope;
            SecretNames = secretNames;
        }

        public DeepSeekScope Scope { get; }

        /// <summary>Environment variables and configuration keys that hold a DeepSeek key (<c>api_key_variable</c>, <c>api_key_configuration_key</c>).</summary>
        public ImmutableArray<string> SecretNames { get; }
    }
}
