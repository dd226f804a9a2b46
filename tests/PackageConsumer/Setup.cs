// A key set as the environment variable in code: the DSK001 fix removes the statement (set it outside the program).
static class Setup
{
    public static void Run()
    {
        System.Environment.SetEnvironmentVariable("DEEPSEEK_API_KEY", "sk-7c21e9b04f6a38d5c1e2f0a9b8d73e64");
        System.Console.WriteLine("configured");
    }
}
