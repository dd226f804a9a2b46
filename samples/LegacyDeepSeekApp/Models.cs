namespace LegacyDeepSeekApp;

/// <summary>Model names, as a 2025 codebase kept them.</summary>
internal static class Models
{
    // DSK002: a const holding the alias.
    public const string Default = "deepseek-chat";

    // DSK002: a switch arm that picks the alias.
    public static string For(bool needsReasoning) => needsReasoning switch
    {
        true => "deepseek-reasoner",
        false => Default,
    };

    // Not reported: migration code that maps each alias to its V4 replacement.
    public static readonly IReadOnlyDictionary<string, string> Renames = new Dictionary<string, string>
    {
        ["deepseek-chat"] = "deepseek-v4-flash",
        ["deepseek-reasoner"] = "deepseek-v4-flash",
    };
}
