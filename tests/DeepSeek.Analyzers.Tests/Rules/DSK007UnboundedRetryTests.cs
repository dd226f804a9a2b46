using System.Threading.Tasks;
using Xunit;
using VerifyCS = DeepSeek.Analyzers.Tests.Verifiers.Verify<
    DeepSeek.Analyzers.Rules.DSK007UnboundedRetryAnalyzer,
    Microsoft.CodeAnalysis.Testing.EmptyCodeFixProvider>;

namespace DeepSeek.Analyzers.Tests.Rules
{
    public class DSK007UnboundedRetryTests
    {
        private static Microsoft.CodeAnalysis.Testing.DiagnosticResult Diagnostic(int location, string subject, int max = 2)
            => VerifyCS.Diagnostic("DSK007").WithLocation(location).WithArguments(subject, max);

        [Fact]
        public Task Flags_polly_v7_forever_policies_everywhere() => VerifyCS.AnalyzerAsync(
            """
            using System;
            using System.Net.Http;
            using Polly;

            class C
            {
                object A() => {|#0:Policy.Handle<HttpRequestException>().RetryForever()|};
                object B() => {|#1:Policy.Handle<HttpRequestException>().RetryForeverAsync(ex => Console.WriteLine(ex))|};
                object D() => {|#2:Policy.Handle<HttpRequestException>().WaitAndRetryForever(a => TimeSpan.FromSeconds(a))|};
                object E() => {|#3:Policy.Handle<HttpRequestException>().WaitAndRetryForeverAsync(a => TimeSpan.FromSeconds(a), (ex, t) => { })|};
                object F() => {|#4:Policy.HandleResult<HttpResponseMessage>(r => !r.IsSuccessStatusCode).Retry(int.MaxValue)|};
                object G() => {|#5:Policy.Handle<HttpRequestException>().WaitAndRetryAsync(int.MaxValue, a => TimeSpan.FromSeconds(a))|};
            }
            """,
            Diagnostic(0, "'RetryForever'"),
            Diagnostic(1, "'RetryForeverAsync'"),
            Diagnostic(2, "'WaitAndRetryForever'"),
            Diagnostic(3, "'WaitAndRetryForeverAsync'"),
            Diagnostic(4, "'Retry(int.MaxValue)'"),
            Diagnostic(5, "'WaitAndRetryAsync(int.MaxValue)'"));
    }
}
