using VmBench.Core.Model;

namespace VmBench.Core.Catalog;

/// <summary>Discovers <c>servers/*/server.json</c>. A broken manifest is reported and never hides the others.</summary>
public static class ServerCatalog
{
    public const string ManifestFileName = "server.json";

    public static CatalogResult Discover(string serversDirectory)
    {
        var root = Path.GetFullPath(serversDirectory);
        if (!Directory.Exists(root))
        {
            return new CatalogResult([], [new ManifestError(serversDirectory, string.Empty, "the servers folder does not exist (pass --servers DIR or run from the repository root)")]);
        }

        var servers = new List<ServerManifest>();
        var errors = new List<ManifestError>();
        var displayBase = Path.GetDirectoryName(root) ?? root;
        foreach (var folder in Directory.EnumerateDirectories(root).Order(StringComparer.Ordinal))
        {
            var path = Path.Combine(folder, ManifestFileName);
            if (!File.Exists(path))
            {
                continue;
            }

            var display = Path.GetRelativePath(displayBase, path);
            var result = ManifestParser.Parse(path, display);
            errors.AddRange(result.Errors);
            if (result.Manifest is not null)
            {
                servers.Add(result.Manifest);
            }
        }

        var duplicates = servers.GroupBy(s => s.Id).Where(g => g.Count() > 1).SelectMany(g => g.Skip(1)).ToArray();
        foreach (var duplicate in duplicates)
        {
            errors.Add(new ManifestError(Path.GetRelativePath(displayBase, duplicate.ManifestPath), "id", $"\"{duplicate.Id}\" is used by another server"));
            servers.Remove(duplicate);
        }

        return new CatalogResult(servers, errors);
    }
}
