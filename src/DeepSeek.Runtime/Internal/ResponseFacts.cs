using System;
using System.Text.Json;

namespace DeepSeek.Runtime.Internal
{
    /// <summary>What a response body (or one streamed chunk) says about the call: its usage and the model that answered.</summary>
    internal readonly struct ResponseFacts
    {
        private ResponseFacts(DeepSeekUsage? usage, string? model)
        {
            Usage = usage;
            Model = model;
        }

        public DeepSeekUsage? Usage { get; }

        public string? Model { get; }

        /// <summary>Reads both with one parse; a body that is not a DeepSeek JSON object yields neither.</summary>
        public static ResponseFacts Read(ReadOnlyMemory<byte> json)
        {
            try
            {
                using (var document = JsonDocument.Parse(json))
                {
                    var root = document.RootElement;
                    string? model = null;
                    if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("model", out var modelElement) && modelElement.ValueKind == JsonValueKind.String)
                    {
                        model = modelElement.GetString();
                    }

                    return new ResponseFacts(DeepSeekUsage.FromJson(root), model);
                }
            }
            catch (JsonException)
            {
                // A body that is not JSON (an HTML error page from a proxy) has no usage to report.
                return default;
            }
            catch (Exception e) when (e is ArgumentOutOfRangeException || e is FormatException)
            {
                // Inconsistent or fractional counts from a non-DeepSeek host: report nothing rather than a wrong bill.
                return default;
            }
        }
    }
}
