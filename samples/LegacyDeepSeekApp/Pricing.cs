namespace LegacyDeepSeekApp;

/// <summary>A cost estimate keyed by model, as a 2025 codebase kept it.</summary>
internal static class Pricing
{
    // DSK002: the aliases as keys of a price table. DSK005: the V3 / R1 output prices, which DeepSeek no longer bills.
    private static readonly Dictionary<string, decimal> OutputPricePerMillion = new()
    {
        ["deepseek-chat"] = 1.10m,
        ["deepseek-reasoner"] = 2.19m,
    };

    // DSK005: the V4-launch input prices of the April 2026 setup guides, per 1K tokens.
    private const double DeepSeekInputPricePer1K = 0.00014;
    private const double DeepSeekCacheHitPricePer1K = 0.0000028;

    public static decimal OutputCost(string model, long tokens)
        => OutputPricePerMillion.TryGetValue(model, out var price) ? price * tokens / 1_000_000m : 0m;

    public static double InputCost(long cacheHitTokens, long cacheMissTokens)
        => ((cacheHitTokens * DeepSeekCacheHitPricePer1K) + (cacheMissTokens * DeepSeekInputPricePer1K)) / 1000;
}
