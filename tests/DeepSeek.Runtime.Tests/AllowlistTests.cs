using System;
using System.Linq;
using System.Net.Http;
using System.Threading.Tasks;
using DeepSeek.Catalog;
using DeepSeek.Runtime.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using OpenAI.Chat;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>The run-time allowlist: a request for an unapproved model never leaves the process.</summary>
    public sealed class AllowlistTests : IAsyncLifetime
    {
        private FakeDeepSeekServer server = null!;

        public async Task InitializeAsync() => server = await FakeDeepSeekServer.StartAsync();

        public async Task DisposeAsync() => await server.DisposeAsync();

        [Fact]
        public void The_default_allowlist_is_the_catalog_default_alone()
        {
            Assert.Equal(new[] { DeepSeekCatalog.DefaultAllowedModels }, new DeepSeekRequestOptions().AllowedModels);
        }

        [Fact]
        public async Task Pro_with_default_options_is_refused_by_the_policy_before_it_is_sent()
        {
            var client = Clients.OpenAI(server, model: DeepSeekCatalog.V4Pro);

            var refusal = await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));

            Assert.Empty(server.Requests);
            Assert.Equal(DeepSeekCatalog.V4Pro, refusal.Model);
            Assert.Equal(new[] { DeepSeekCatalog.DefaultAllowedModels }, refusal.AllowedModels);
            Assert.Contains("'" + DeepSeekCatalog.V4Pro + "'", refusal.Message);
            Assert.Contains("DeepSeekRequestOptions.AllowedModels", refusal.Message);
            Assert.Contains("not sent", refusal.Message);
        }

        [Fact]
        public void Pro_is_refused_on_the_synchronous_SDK_path_too()
        {
            var client = Clients.OpenAI(server, model: DeepSeekCatalog.V4Pro);

            Assert.Throws<DeepSeekModelNotAllowedException>(() => client.CompleteChat(new UserChatMessage("Hi")));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Pro_is_refused_through_Microsoft_Extensions_AI()
        {
            IChatClient chat = Clients.OpenAI(server, model: DeepSeekCatalog.V4Pro).AsIChatClient();

            await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(() => chat.GetResponseAsync("Hi"));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Pro_with_default_options_is_refused_by_the_handler_before_it_is_sent()
        {
            using var http = Clients.Http();
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.V4Pro);

            var refusal = await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(() => http.SendAsync(request));

            Assert.Empty(server.Requests);
            Assert.Equal(DeepSeekCatalog.V4Pro, refusal.Model);
        }

        [Fact]
        public void Pro_is_refused_on_the_synchronous_Send_path_too()
        {
            using var http = Clients.Http();
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.V4Pro);

            Assert.Throws<DeepSeekModelNotAllowedException>(() => http.Send(request));
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task Approving_Pro_lets_it_through_the_policy_and_the_handler()
        {
            var options = new DeepSeekRequestOptions { AllowedModels = { DeepSeekCatalog.V4Pro } };

            await Clients.OpenAI(server, options, model: DeepSeekCatalog.V4Pro).CompleteChatAsync(new UserChatMessage("Hi"));
            using var http = Clients.Http(options);
            using var request = Clients.ChatRequest(server, DeepSeekCatalog.V4Pro);
            using var response = await http.SendAsync(request);

            Assert.True(response.IsSuccessStatusCode);
            Assert.Equal(new[] { DeepSeekCatalog.V4Pro, DeepSeekCatalog.V4Pro }, server.Requests.Select(r => (string)r.Json["model"]!));

            // The collection initializer added Pro to the default instead of replacing it.
            await Clients.OpenAI(server, options, model: DeepSeekCatalog.DefaultAllowedModels).CompleteChatAsync(new UserChatMessage("Hi"));
            Assert.Equal(3, server.Requests.Count);
        }

        [Fact]
        public async Task A_legacy_name_counts_as_the_model_it_is_served_by()
        {
            var alias = DeepSeekCatalog.Aliases.First(a => a.CurrentModel == DeepSeekCatalog.DefaultAllowedModels).Alias;

            await Clients.OpenAI(server, model: alias).CompleteChatAsync(new UserChatMessage("Hi"));
            await Clients.OpenAI(server, new DeepSeekRequestOptions { AllowedModels = new[] { alias.ToUpperInvariant() } }, model: DeepSeekCatalog.DefaultAllowedModels)
                .CompleteChatAsync(new UserChatMessage("Hi"));

            Assert.Equal(new[] { alias, DeepSeekCatalog.DefaultAllowedModels }, server.Requests.Select(r => (string)r.Json["model"]!));
        }

        [Fact]
        public async Task An_empty_allowlist_refuses_every_model()
        {
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { AllowedModels = Array.Empty<string>() }, model: DeepSeekCatalog.DefaultAllowedModels);

            var refusal = await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));

            Assert.Contains("allowed: none", refusal.Message);
            Assert.Empty(server.Requests);
        }

        [Fact]
        public async Task The_allowlist_is_checked_before_the_spend_guard_reserves_anything()
        {
            var guard = new DeepSeekSpendGuard(1m);
            var client = Clients.OpenAI(server, new DeepSeekRequestOptions { SpendGuard = guard }, model: DeepSeekCatalog.V4Pro);

            await Assert.ThrowsAsync<DeepSeekModelNotAllowedException>(() => client.CompleteChatAsync(new UserChatMessage("Hi")));

            Assert.Equal(0m, guard.Reserved);
            Assert.Equal(0m, guard.Spent);
        }

        [Fact]
        public async Task A_request_that_is_not_chat_completions_is_not_checked()
        {
            using var http = Clients.Http();

            using var response = await http.PostAsync(new Uri(server.BaseUri, "embeddings"), new StringContent("{\"model\":\"" + DeepSeekCatalog.V4Pro + "\"}"));

            Assert.Single(server.Requests);
        }

        [Fact]
        public void Null_is_not_an_allowlist()
        {
            Assert.Throws<ArgumentNullException>(() => new DeepSeekRequestOptions { AllowedModels = null! });
        }
    }
}
