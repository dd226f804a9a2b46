using System;
using System.ClientModel.Primitives;

namespace DeepSeek.Runtime
{
    /// <summary>Attaches <see cref="DeepSeekRequestPolicy"/> to a System.ClientModel client's options, such as <c>OpenAIClientOptions</c>.</summary>
    public static class DeepSeekClientPipelineOptionsExtensions
    {
        /// <summary>
        /// Adds a <see cref="DeepSeekRequestPolicy"/> per call (once per logical request, ahead of the client's own
        /// retries). Nothing else on <paramref name="options"/> is changed: set the endpoint and retry policy yourself.
        /// </summary>
        /// <returns><paramref name="options"/>, for chaining.</returns>
        public static T UseDeepSeek<T>(this T options, DeepSeekRequestOptions? requestOptions = null)
            where T : ClientPipelineOptions
        {
            if (options == null)
            {
                throw new ArgumentNullException(nameof(options));
            }

            options.AddPolicy(new DeepSeekRequestPolicy(requestOptions), PipelinePosition.PerCall);
            return options;
        }
    }
}
