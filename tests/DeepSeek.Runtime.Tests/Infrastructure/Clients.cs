using System;
using System.ClientModel;
using System.ClientModel.Primitives;
using OpenAI;
using OpenAI.Chat;

namespace DeepSeek.Runtime.Tests.Infrastructure
{
    public static class Clients
    {
        /// <summary>Shaped like a real key so that a leak would be recognisable; it is not one.</summary>
        public const string TestKey = "sk-5f1c9e0a7b3d42e8a6c1f0b9d8e7a6c5";

        /// <summary>An OpenAI SDK chat client for the fake server, with the DeepSeek policy attached by the one documented line.</summary>
        public static ChatClient OpenAI(FakeDeepSeekServer server, DeepSeekRequestOptions? deepSeek = null, int sdkRetries = 0)
        {
            var options = new OpenAIClientOptions { Endpoint = server.BaseUri, RetryPolicy = new ClientRetryPolicy(sdkRetries) }
                .UseDeepSeek(deepSeek);
            return new ChatClient(Replies.Model, new ApiKeyCredential(TestKey), options);
        }

        /// <summary>The same client without the policy: what the SDK sends on its own.</summary>
        public static ChatClient OpenAIWithoutPolicy(FakeDeepSeekServer server)
            => new ChatClient(
                Replies.Model,
                new ApiKeyCredential(TestKey),
                new OpenAIClientOptions { Endpoint = server.BaseUri, RetryPolicy = new ClientRetryPolicy(0) });
    }
}
