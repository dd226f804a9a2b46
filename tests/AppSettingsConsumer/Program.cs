// The DeepSeek settings are in appsettings.json and appsettings.Development.json; nothing in the code names a model.
Console.WriteLine(File.Exists(Path.Combine(AppContext.BaseDirectory, "appsettings.json")) ? "settings found" : "no settings");
