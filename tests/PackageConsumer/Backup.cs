using OpenAI.Chat;

static class Backup
{
    // A key pasted in "for a quick test" (fake random hex, not a credential).
    public static ChatClient Create() => new ChatClient("deepseek-flash", "sk-4f9a1c2e7b3d8e6f0a5c9d2b1e7f3a8c");
}
