using System;
using System.Globalization;

namespace DeepSeek.Runtime
{
    /// <summary>A DeepSeek price table in USD per 1M tokens, as <see cref="decimal"/> so that costs add up exactly.</summary>
    public sealed class DeepSeekPrice : IEquatable<DeepSeekPrice>
    {
        /// <summary>Creates a price table (USD per 1M tokens), e.g. to override the catalog before a new release.</summary>
        /// <exception cref="ArgumentOutOfRangeException">A price is negative.</exception>
        public DeepSeekPrice(decimal cacheHitInput, decimal cacheMissInput, decimal output)
        {
            CacheHitInput = NotNegative(cacheHitInput, nameof(cacheHitInput));
            CacheMissInput = NotNegative(cacheMissInput, nameof(cacheMissInput));
            Output = NotNegative(output, nameof(output));
        }

        /// <summary>USD per 1M input tokens served from the context cache.</summary>
        public decimal CacheHitInput { get; }

        /// <summary>USD per 1M input tokens not found in the context cache.</summary>
        public decimal CacheMissInput { get; }

        /// <summary>USD per 1M output tokens (reasoning tokens included).</summary>
        public decimal Output { get; }

        /// <inheritdoc />
        public bool Equals(DeepSeekPrice? other)
            => other != null && CacheHitInput == other.CacheHitInput && CacheMissInput == other.CacheMissInput && Output == other.Output;

        /// <inheritdoc />
        public override bool Equals(object? obj) => Equals(obj as DeepSeekPrice);

        /// <inheritdoc />
        public override int GetHashCode()
        {
            unchecked
            {
                return (((CacheHitInput.GetHashCode() * 397) ^ CacheMissInput.GetHashCode()) * 397) ^ Output.GetHashCode();
            }
        }

        /// <summary>The three prices, e.g. <c>USD/1M tokens: cache hit 0.006, cache miss 0.3, output 1.2</c>.</summary>
        public override string ToString()
            => string.Format(CultureInfo.InvariantCulture, "USD/1M tokens: cache hit {0}, cache miss {1}, output {2}", CacheHitInput, CacheMissInput, Output);

        private static decimal NotNegative(decimal value, string name)
            => value >= 0 ? value : throw new ArgumentOutOfRangeException(name, value, "A price cannot be negative.");
    }
}
