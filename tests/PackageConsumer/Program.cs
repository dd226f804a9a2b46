using OpenAI.Chat;

var key = Environment.GetEnvironmentVariable("DEEPSEEK_API_KEY") ?? string.Empty;

var chat = new ChatClient("deepseek-chat", key);
Console.WriteLine(chat.GetType().Name);
