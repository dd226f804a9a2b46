using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Catalog;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Reads the account balance (<c>GET /user/balance</c>). One attempt per call, never retried: a 402 or 401 will not
    /// get better by asking again, and <see cref="DeepSeekBalanceGuard"/> already refreshes on its own schedule.
    /// </summary>
    public sealed class DeepSeekBalanceClient : IDisposable
    {
        private readonly string apiKey;
        private readonly HttpClient httpClient;
        private readonly bool ownsHttpClient;

        /// <summary>Creates a client.</summary>
        /// <param name="apiKey">The DeepSeek API key, e.g. from <see cref="DeepSeekApiKey.FromConfiguration"/>.</param>
        /// <param name="httpClient">The client to send with (not disposed by this class); a new one when null.</param>
        /// <param name="endpoint">The API base URL; <see cref="DeepSeekEndpoints.BaseUri"/> when null. <c>/user/balance</c> is appended.</param>
        public DeepSeekBalanceClient(string apiKey, HttpClient? httpClient = null, Uri? endpoint = null)
        {
            if (string.IsNullOrWhiteSpace(apiKey))
            {
                throw new ArgumentException("The DeepSeek API key is missing.", nameof(apiKey));
            }

            if (endpoint != null && !endpoint.IsAbsoluteUri)
            {
                throw new ArgumentException("The endpoint must be an absolute URL such as " + DeepSeekCatalog.BaseUrl + ".", nameof(endpoint));
            }

            this.apiKey = apiKey.Trim();
            this.httpClient = httpClient ?? new HttpClient();
            ownsHttpClient = httpClient == null;
            BalanceUri = new Uri((endpoint ?? DeepSeekEndpoints.BaseUri).AbsoluteUri.TrimEnd('/') + DeepSeekCatalog.BalancePath);
        }

        /// <summary>The URL read, e.g. <c>https://api.deepseek.com/user/balance</c>.</summary>
        public Uri BalanceUri { get; }

        /// <summary>Reads the balance.</summary>
        /// <exception cref="HttpRequestException">DeepSeek answered with an error status (401 for a bad key), or the request failed.</exception>
        /// <exception cref="FormatException">The answer is not a balance.</exception>
        public async Task<DeepSeekBalance> GetBalanceAsync(CancellationToken cancellationToken = default)
        {
            using (var request = new HttpRequestMessage(HttpMethod.Get, BalanceUri))
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", apiKey);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                using (var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false))
                {
                    if (!response.IsSuccessStatusCode)
                    {
                        // The body is left out: DeepSeek's 401 text quotes part of the key.
                        var message = string.Format(
                            CultureInfo.InvariantCulture,
                            "DeepSeek answered {0} ({1}) to GET {2}.",
                            (int)response.StatusCode,
                            response.ReasonPhrase,
                            DeepSeekCatalog.BalancePath);
#if NET5_0_OR_GREATER
                        throw new HttpRequestException(message, null, response.StatusCode);
#else
                        throw new HttpRequestException(message);
#endif
                    }

                    var json = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    return DeepSeekBalance.Parse(json);
                }
            }
        }

        /// <summary>Disposes the <see cref="HttpClient"/> if this class created it.</summary>
        public void Dispose()
        {
            if (ownsHttpClient)
            {
                httpClient.Dispose();
            }
        }
    }
}
