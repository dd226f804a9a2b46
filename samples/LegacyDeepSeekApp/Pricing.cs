namespace LegacyDeepSeekApp;

/// <summary>A cost estimate keyed by model, as a 2025 codebase kept it.</summary>
internal static class Pricing
{
    // DSK002: the aliases as keys of a price table.
    private static readonly Dictionary<string, decimal> OutputPricePerMillion = new()
    {
        ["deepseek-chat"] = 1.10m,
        ["deepseek-reasoner"] = 2.19m,
    };

    public static decimal OutputCost(string model, long tokens)
        => OutputPricePerMillion.TryGetValue(model, out var price) ? price * tokens / 1_000_000m : 0m;
}
