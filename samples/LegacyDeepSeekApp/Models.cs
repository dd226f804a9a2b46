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

    // DSK011: V4 Flash's own id. DeepSeek still answers it (with V4.1 Flash) as a temporary compatibility route.
    public const string Vision = "deepseek-v4-flash-vision-exp";

    // Not reported: migration code that maps each old name to its current replacement.
    public static readonly IReadOnlyDictionary<string, string> Renames = new Dictionary<string, string>
    {
        ["deepseek-chat"] = "deepseek-flash",
        ["deepseek-reasoner"] = "deepseek-flash",
        ["deepseek-v4-flash"] = "deepseek-flash",
    };
}
