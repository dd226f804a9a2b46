namespace DeepSeek.Runtime
{
    /// <summary>
    /// The metrics <see cref="DeepSeekRequestPolicy"/> and <see cref="DeepSeekHttpHandler"/> publish through
    /// <c>System.Diagnostics.Metrics</c>, named after OpenTelemetry's GenAI semantic conventions. With OpenTelemetry:
    /// <c>.WithMetrics(m =&gt; m.AddMeter(DeepSeekTelemetry.MeterName))</c>.
    /// </summary>
    /// <remarks>
    /// Tags carry no key, prompt or completion text: only the provider, operation, request and response model ids,
    /// the server address and port, the token type and cache outcome, and an error type (a status code or exception type).
    /// </remarks>
    public static class DeepSeekTelemetry
    {
        /// <summary>The meter name: <c>DeepSeek.Runtime</c>.</summary>
        public const string MeterName = "DeepSeek.Runtime";

        /// <summary>
        /// Histogram of tokens per response, unit <c>{token}</c>, tagged <c>gen_ai.token.type</c> = <c>input</c> or
        /// <c>output</c>. Input is recorded as two measurements tagged <c>deepseek.cache</c> = <c>hit</c> and <c>miss</c>,
        /// so the cache hit ratio is the hit sum over the input sum.
        /// </summary>
        public const string TokenUsage = "gen_ai.client.token.usage";

        /// <summary>Histogram of call durations in seconds, from sending to the end of the response (the last chunk of a stream).</summary>
        public const string OperationDuration = "gen_ai.client.operation.duration";

        /// <summary>Counter of the estimated cost in USD of each response, from its usage and the price the call used.</summary>
        public const string Cost = "deepseek.client.cost";

        /// <summary>Gauge of the daily budget in USD of the spend guards set on request options (summed when there are several).</summary>
        public const string SpendGuardBudget = "deepseek.spend_guard.budget";

        /// <summary>Gauge of the USD spent today under those spend guards.</summary>
        public const string SpendGuardSpent = "deepseek.spend_guard.spent";

        /// <summary>Gauge of the USD reserved today by requests in flight under those spend guards.</summary>
        public const string SpendGuardReserved = "deepseek.spend_guard.reserved";

        /// <summary>Gauge of the account's total balance as a balance guard last read it, tagged <c>deepseek.currency</c>.</summary>
        public const string Balance = "deepseek.balance";
    }
}
