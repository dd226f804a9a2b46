using System;
using System.Collections.Generic;
using System.Linq;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Thrown by <see cref="DeepSeekRequestPolicy"/> and <see cref="DeepSeekHttpHandler"/> before a request is sent, when
    /// it asks for a model that <see cref="DeepSeekRequestOptions.AllowedModels"/> does not approve.
    /// </summary>
    public sealed class DeepSeekModelNotAllowedException : InvalidOperationException
    {
        internal DeepSeekModelNotAllowedException(string model, IReadOnlyList<string> allowedModels)
            : base(MessageFor(model, allowedModels))
        {
            Model = model;
            AllowedModels = allowedModels;
        }

        /// <summary>The model id the request asked for, as written in the request.</summary>
        public string Model { get; }

        /// <summary>The approved model ids when the request was refused.</summary>
        public IReadOnlyList<string> AllowedModels { get; }

        private static string MessageFor(string model, IReadOnlyList<string> allowedModels)
        {
            var allowed = allowedModels.Count == 0 ? "none" : string.Join(", ", allowedModels.Select(m => "'" + m + "'"));
            return $"The DeepSeek model '{model}' is not approved for this client (allowed: {allowed}), so the request was not sent. "
                + $"To approve it, add it to DeepSeekRequestOptions.AllowedModels, e.g. new DeepSeekRequestOptions {{ AllowedModels = {{ \"{model}\" }} }}.";
        }
    }
}
