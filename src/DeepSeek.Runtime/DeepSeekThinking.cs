namespace DeepSeek.Runtime
{
    /// <summary>DeepSeek V4's thinking mode, sent as <c>"thinking": {"type": "enabled" | "disabled"}</c>.</summary>
    public enum DeepSeekThinking
    {
        /// <summary><c>"enabled"</c>: V4's default; what the retired <c>deepseek-reasoner</c> did.</summary>
        Enabled,

        /// <summary><c>"disabled"</c>: what the retired <c>deepseek-chat</c> did; faster and cheaper for simple tasks.</summary>
        Disabled,
    }
}
