using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using System.Net.Http;
using System.Text;
using System.Text.Json.Nodes;
using OpenAI;
using OpenAI.Chat;

namespace DeepSeek.Runtime.Tests.Infrastructure
{
    public static class Clients
    {
        /// <summary>Shaped like a real key so that a leak would be recognisable; it is not one.</summary>
        public const string TestKey = "sk-5f1c9e0a7b3d42e8a6c1f0b9d8e7a6c5";

        /// <summary>An OpenAI SDK chat client for the fake server, with the DeepSeek policy attached by the one documented line.</summary>
        public static ChatClient OpenAI(FakeDeepSeekServer server, DeepSeekRequestOptions? deepSeek = null, int sdkRetries = 0, string model = Replies.Model)
        {
            var options = new OpenAIClientOptions { Endpoint = server.BaseUri, RetryPolicy = new ClientRetryPolicy(sdkRetries) }
                .UseDeepSeek(deepSeek);
            return new ChatClient(model, new ApiKeyCredential(TestKey), options);
        }

        /// <summary>A raw HttpClient with the DeepSeek handler in front of a real socket handler.</summary>
        public static HttpClient Http(DeepSeekRequestOptions? deepSeek = null)
            => new HttpClient(new DeepSeekHttpHandler(new SocketsHttpHandler(), deepSeek));

        /// <summary>A chat-completions POST for <paramref name="model"/>, as a raw caller writes it.</summary>
        public static HttpRequestMessage ChatRequest(FakeDeepSeekServer server, string model, string prompt = "Hi", bool stream = false)
        {
            var body = new JsonObject
            {
                ["model"] = model,
                ["messages"] = new JsonArray(new JsonObject { ["role"] = "user", ["content"] = prompt }),
                ["max_tokens"] = 100,
            };
            if (stream)
            {
                body["stream"] = true;
                body["stream_options"] = new JsonObject { ["include_usage"] = true };
            }

            return new HttpRequestMessage(HttpMethod.Post, server.ChatCompletionsUri)
            {
                Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json"),
            };
        }

        /// <summary>The same client without the policy: what the SDK sends on its own.</summary>
        public static ChatClient OpenAIWithoutPolicy(FakeDeepSeekServer server)
            => new ChatClient(
                Replies.Model,
                new ApiKeyCredential(TestKey),
                new OpenAIClientOptions { Endpoint = server.BaseUri, RetryPolicy = new ClientRetryPolicy(0) });
    }
}
