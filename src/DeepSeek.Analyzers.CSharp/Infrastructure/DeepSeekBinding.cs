namespace DeepSeek.Analyzers.Infrastructure
{
    /// <summary>What the code says about where a client, request or value goes.</summary>
    internal enum DeepSeekBinding
    {
        /// <summary>No evidence either way.</summary>
        Unknown = 0,

        /// <summary>DeepSeek evidence: the api.deepseek.com host, a catalog model id in a model sink, a DeepSeek secret, a DeepSeek SDK type.</summary>
        Bound = 1,

        /// <summary>The endpoint is provably another host (OpenRouter, Azure, GitHub Models, localhost/Ollama, any other URL).</summary>
        OtherHost = 2,
    }

    /// <summary>How evidence combines: another host wins, then DeepSeek, else nothing is known.</summary>
    internal static class DeepSeekBindings
    {
        public static DeepSeekBinding Combine(DeepSeekBinding a, DeepSeekBinding b)
            => a == DeepSeekBinding.OtherHost || b == DeepSeekBinding.OtherHost ? DeepSeekBinding.OtherHost
                : a == DeepSeekBinding.Bound || b == DeepSeekBinding.Bound ? DeepSeekBinding.Bound
                : DeepSeekBinding.Unknown;
    }

    /// <summary>Which evidence a member or type holds directly.</summary>
    internal struct EvidenceFlags
    {
        public bool Bound;
        public bool Other;

        public EvidenceFlags With(DeepSeekBinding binding)
        {
            var copy = this;
            copy.Bound |= binding == DeepSeekBinding.Bound;
            copy.Other |= binding == DeepSeekBinding.OtherHost;
            return copy;
        }

        /// <summary>Mixed evidence (a DeepSeek client beside an OpenRouter one) tells nothing about a particular request.</summary>
        public DeepSeekBinding ToBinding()
            => Bound && !Other ? DeepSeekBinding.Bound
                : Other && !Bound ? DeepSeekBinding.OtherHost
                : DeepSeekBinding.Unknown;
    }
}
