using System;
using DeepSeek.Catalog;
using Microsoft.Extensions.Configuration;

namespace DeepSeek.Runtime
{
    /// <summary>
    /// Reads the DeepSeek API key from configuration or the environment and fails fast when it is missing.
    /// No message, exception or <c>ToString</c> of this library ever contains a key.
    /// </summary>
    public static class DeepSeekApiKey
    {
        /// <summary>The conventional environment variable: <c>DEEPSEEK_API_KEY</c>.</summary>
        public const string EnvironmentVariable = DeepSeekCatalog.ApiKeyEnvironmentVariable;

        /// <summary>The conventional configuration key: <c>DeepSeek:ApiKey</c> (environment: <c>DeepSeek__ApiKey</c>).</summary>
        public const string ConfigurationKey = DeepSeekCatalog.ApiKeyConfigurationKey;

        /// <summary>The key from the <c>DEEPSEEK_API_KEY</c> environment variable.</summary>
        /// <exception cref="InvalidOperationException">The variable is not set or blank.</exception>
        public static string FromEnvironment()
        {
            var key = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (string.IsNullOrWhiteSpace(key))
            {
                throw new InvalidOperationException(
                    $"The DeepSeek API key is not set. Set the environment variable {EnvironmentVariable} (or configuration key '{ConfigurationKey}').");
            }

            return key!.Trim();
        }

        /// <summary>The key from configuration (<c>DeepSeek:ApiKey</c>), else from the <c>DEEPSEEK_API_KEY</c> environment variable.</summary>
        /// <exception cref="InvalidOperationException">Neither is set.</exception>
        public static string FromConfiguration(IConfiguration configuration)
        {
            if (configuration == null)
            {
                throw new ArgumentNullException(nameof(configuration));
            }

            var key = configuration[ConfigurationKey];
            if (!string.IsNullOrWhiteSpace(key))
            {
                return key!.Trim();
            }

            key = Environment.GetEnvironmentVariable(EnvironmentVariable);
            if (!string.IsNullOrWhiteSpace(key))
            {
                return key!.Trim();
            }

            throw new InvalidOperationException(
                $"The DeepSeek API key is not set. Set configuration key '{ConfigurationKey}' (user secrets in development, environment variable DeepSeek__ApiKey or a vault in production) or the environment variable {EnvironmentVariable}.");
        }
    }
}
