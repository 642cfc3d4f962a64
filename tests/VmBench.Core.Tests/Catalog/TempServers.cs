namespace VmBench.Core.Tests.Catalog;

/// <summary>A throw-away servers/ folder for catalog tests.</summary>
internal sealed class TempServers : IDisposable
{
    public TempServers()
    {
        Root = Path.Combine(Path.GetTempPath(), "vmbench-catalog-" + Guid.NewGuid().ToString("N"), "servers");
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public string Add(string folder, string json, params string[] files)
    {
        var dir = Path.Combine(Root, folder);
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "server.json"), json);
        foreach (var file in files)
        {
            File.WriteAllText(Path.Combine(dir, file), "<Project />");
        }

        return dir;
    }

    public static string Valid(string id, string modes = "\"echo\", \"readline\"", string addresses = "\"tcp\", \"unix\"") => $$"""
        {
          "id": "{{id}}",
          "title": "Test server {{id}}",
          "loop": "test",
          "language": "csharp",
          "modes": [{{modes}}],
          "addresses": [{{addresses}}],
          "build": { "kind": "dotnet", "project": "Test.csproj" }
        }
        """;

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(Root)!, recursive: true);
}
