using System.ClientModel;
using OpenAI;

var key = args.Length > 0 ? args[0] : string.Empty;
var client = new OpenAIClient(new ApiKeyCredential(key), new OpenAIClientOptions { Endpoint = new Uri("https://api.deepseek.com") });
Console.WriteLine(client.GetType().Name);
