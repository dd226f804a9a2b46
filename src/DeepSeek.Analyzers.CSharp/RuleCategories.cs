namespace DeepSeek.Analyzers
{
    internal static class RuleCategories
    {
        public const string Security = "Security";
        public const string Compatibility = "Compatibility";
        public const string Cost = "Cost";
        public const string Reliability = "Reliability";
        public const string Configuration = "Configuration";
    }
}
