using System;
using CsCheck;
using DeepSeek.Analyzers.Infrastructure;
using Xunit;

namespace DeepSeek.Analyzers.Tests.Properties
{
    /// <summary>URL host parsing: the evidence a string constant carries when it looks like an endpoint.</summary>
    public class UrlHostProperties
    {
        private static readonly Gen<string> Text = Gen.Frequency((1, TextGen.Any), (3, TextGen.From(TextGen.UrlTokens)));

        /// <summary>A well-formed endpoint URL and the host in it: the oracle for what the scanner must find.</summary>
        private sealed record Url(string Text, string Scheme, string Host, string UserInfo, string Port, string Tail)
        {
            public override string ToString() => Property.Escape(Text);
        }

        private static readonly Gen<string> Label = Gen.OneOf(
            "api", "deepseek", "DeepSeek", "deep-seek", "openai", "azure", "com", "ai", "io", "example", "localhost", "ollama",
            "openrouter", "models", "github", "x", "my-proxy", "notdeepseek", "xn--80ak6aa92e");

        private static readonly Gen<string> Host = Gen.Frequency(
            (6, Label.Array[1, 4].Select(labels => string.Join(".", labels))),
            (1, Gen.OneOf(
                "api.deepseek.com", "api.openai.com", "openrouter.ai", "res.openai.azure.com", "models.github.ai", "localhost",
                "127.0.0.1", "[::1]", "10.0.0.7", "[2001:db8::1]")));

        private static readonly Gen<Url> Urls =
            from scheme in Gen.OneOf("http", "https", "HTTPS", "ws", "wss", "ftp", "file", "git+ssh")
            from userInfo in Gen.OneOf(string.Empty, string.Empty, "user@", "deepseek@", "user:pass@", "api.deepseek.com@", "deep-seek:k@", "@", "a@b@")
            from host in Host
            from port in Gen.Frequency((3, Gen.Const(string.Empty)), (1, Gen.Int[0, 65535].Select(p => ":" + p)), (1, Gen.Const(":")))
            from tail in Gen.OneOf(
                string.Empty, "/", "/v1", "/deepseek/v1", "/chat/completions", "?host=api.deepseek.com", "#deepseek",
                "/@api.deepseek.com", "/x:1@deepseek", " trailing", "\"", "/é\uD800")
            select new Url(scheme + "://" + userInfo + host + port + tail, scheme, host, userInfo, port, tail);

        [Fact]
        public void Never_throws_and_answers_the_same_twice()
            => Property.Check(Gen.Select(Text, Gen.Bool), (text, anyOtherHost) =>
            {
                var first = Scanners.BindingOfUrl(text, anyOtherHost);
                Assert.Equal(first, Scanners.BindingOfUrl(text, anyOtherHost));
            });

        [Fact]
        public void Every_prefix_of_an_endpoint_is_read_without_throwing()
            => Property.Check(Urls, url =>
            {
                // Half-typed code: the user is typing the URL one character at a time ("http://deepseek@" was a crash).
                for (var length = 0; length <= url.Text.Length; length++)
                {
                    Scanners.BindingOfUrl(url.Text.Substring(0, length), anyOtherHost: true);
                    Scanners.BindingOfUrl(url.Text.Substring(0, length), anyOtherHost: false);
                }
            }, iterations: 300);

        [Fact]
        public void Evidence_is_backed_by_the_text()
            => Property.Check(Gen.Select(Text, Gen.Bool), (text, anyOtherHost) =>
            {
                var binding = Scanners.BindingOfUrl(text, anyOtherHost);
                if (binding == DeepSeekBinding.Unknown)
                {
                    return;
                }

                var scheme = text.IndexOf("://", StringComparison.Ordinal);
                Assert.True(scheme > 0 && text.Length >= 8, "evidence from a string that is no URL");
                var afterScheme = text.Substring(scheme + 3);
                if (binding == DeepSeekBinding.Bound)
                {
                    Assert.True(
                        afterScheme.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0
                        || afterScheme.IndexOf("deep-seek", StringComparison.OrdinalIgnoreCase) >= 0,
                        "Bound without a DeepSeek host");
                }
                else
                {
                    Assert.True(
                        text.StartsWith("http", StringComparison.OrdinalIgnoreCase) || text.StartsWith("ws", StringComparison.OrdinalIgnoreCase),
                        "another host from a scheme that is no endpoint");
                }
            });

        [Fact]
        public void Only_the_host_part_counts()
            => Property.Check(Gen.Select(Text, Gen.OneOf("/", "?", "#", " ", "\""), TextGen.Any, Gen.Bool), (prefix, stop, rest, anyOtherHost) =>
            {
                // Once the host has ended, nothing after it (path, query, fragment, prose) changes the answer.
                if (prefix.Length < 7 || prefix.IndexOf("://", StringComparison.Ordinal) < 0)
                {
                    return;
                }

                Assert.Equal(
                    Scanners.BindingOfUrl(prefix + stop, anyOtherHost),
                    Scanners.BindingOfUrl(prefix + stop + rest, anyOtherHost));
            });

        [Fact]
        public void Finds_the_host_of_a_well_formed_endpoint()
            => Property.Check(Gen.Select(Urls, Gen.Bool), (url, anyOtherHost) =>
            {
                Assert.Equal(Expected(url, anyOtherHost), Scanners.BindingOfUrl(url.Text, anyOtherHost));
            });

        /// <summary>What a URL parser would say: user info, port, path, query and fragment are not the host.</summary>
        private static DeepSeekBinding Expected(Url url, bool anyOtherHost)
        {
            if (url.Text.Length < 8)
            {
                return DeepSeekBinding.Unknown;
            }

            var host = url.Host;
            if (host.IndexOf("deepseek", StringComparison.OrdinalIgnoreCase) >= 0 || host.IndexOf("deep-seek", StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return DeepSeekBinding.Bound;
            }

            var endpoint = url.Scheme.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.Scheme.StartsWith("ws", StringComparison.OrdinalIgnoreCase);
            return endpoint && (anyOtherHost || IsKnownAIHost(host)) ? DeepSeekBinding.OtherHost : DeepSeekBinding.Unknown;
        }

        private static bool IsKnownAIHost(string host)
        {
            foreach (var known in new[]
            {
                "openrouter.ai", "openai.azure.com", "services.ai.azure.com", "inference.ai.azure.com", "models.github.ai",
                "api.openai.com", "localhost", "127.0.0.1", "[::1]",
            })
            {
                if (string.Equals(host, known, StringComparison.OrdinalIgnoreCase)
                    || host.EndsWith("." + known, StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }

            return host.IndexOf("ollama", StringComparison.OrdinalIgnoreCase) >= 0;
        }
    }
}
