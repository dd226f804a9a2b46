using System;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Reflection;
using System.Runtime.Loader;
using System.Threading;
using System.Threading.Tasks;
using DeepSeek.Runtime.Tests.Infrastructure;
using Xunit;

namespace DeepSeek.Runtime.Tests
{
    /// <summary>
    /// The netstandard2.0 build has no HttpRequestException.StatusCode at compile time and reads it by reflection where
    /// the runtime has it. Loaded here in its own load context, beside the net8.0 build the other tests use.
    /// </summary>
    public sealed class NetStandardBuildTests
    {
        [Theory]
        [InlineData(HttpStatusCode.TooManyRequests, true)]
        [InlineData(HttpStatusCode.ServiceUnavailable, true)]
        [InlineData(HttpStatusCode.Unauthorized, false)]
        [InlineData(HttpStatusCode.PaymentRequired, false)]
        public void The_status_of_an_HttpRequestException_decides_a_retry(HttpStatusCode status, bool transient)
        {
            var isTransient = NetStandardIsTransient();
            Assert.Equal(transient, isTransient(new HttpRequestException("status", null, status)));
        }

        [Fact]
        public void A_transport_error_is_transient_but_a_status_less_failure_is_not()
        {
            var isTransient = NetStandardIsTransient();
            Assert.True(isTransient(new HttpRequestException("connection refused", new System.Net.Sockets.SocketException())));
            Assert.False(isTransient(new HttpRequestException("Response status code does not indicate success")));
        }

        [Fact]
        public async Task The_balance_guard_lets_a_caller_give_up_without_cancelling_the_shared_read()
        {
            // netstandard2.0 has no Task.WaitAsync: the guard's own wait is what runs there.
            await using var server = await FakeDeepSeekServer.StartAsync();
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            server.BalanceReply = Replies.Balance(true, "USD", "12.50", "0.00", "12.50", release: release.Task);
            var assembly = LoadNetStandardRuntime();
            var client = Activator.CreateInstance(assembly.GetType("DeepSeek.Runtime.DeepSeekBalanceClient", throwOnError: true)!, Clients.TestKey, null, server.BaseUri)!;
            var guardType = assembly.GetType("DeepSeek.Runtime.DeepSeekBalanceGuard", throwOnError: true)!;
            var guard = Activator.CreateInstance(guardType, client, 1m, "USD", null, null)!;
            var ensure = guardType.GetMethod("EnsureAvailableAsync")!;
            using var impatient = new CancellationTokenSource();

            var waiting = (Task)ensure.Invoke(guard, new object[] { impatient.Token })!;
            await server.WaitForAsync(() => server.BalanceRequests.Count == 1);
            impatient.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
            release.SetResult();
            await (Task)ensure.Invoke(guard, new object[] { CancellationToken.None })!;

            Assert.Single(server.BalanceRequests);
        }

        private static Func<Exception, bool> NetStandardIsTransient()
        {
            var method = LoadNetStandardRuntime().GetType("DeepSeek.Runtime.DeepSeekRetry", throwOnError: true)!.GetMethod("IsTransient")!;
            return exception => (bool)method.Invoke(null, new object[] { exception, CancellationToken.None })!;
        }

        private static Assembly LoadNetStandardRuntime()
        {
            var path = typeof(NetStandardBuildTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "NetStandardRuntime").Value!;
            var context = new AssemblyLoadContext("netstandard2.0 DeepSeek.Runtime", isCollectible: true);
            var assembly = context.LoadFromAssemblyPath(path);
            Assert.Equal(".NETStandard,Version=v2.0", assembly.GetCustomAttribute<System.Runtime.Versioning.TargetFrameworkAttribute>()!.FrameworkName);
            return assembly;
        }
    }
}
