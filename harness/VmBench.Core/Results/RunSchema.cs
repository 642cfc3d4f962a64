namespace VmBench.Core.Results;

/// <summary>
/// What run.json's <c>$schema</c> says: results/run.schema.json of the repository the run folder is in, by its path
/// relative to run.json (so an editor finds it), or the schema's stable <see cref="Id"/> for a folder outside any.
/// </summary>
public static class RunSchema
{
    /// <summary>The schema's <c>$id</c>: names the format (version 2) wherever the file is.</summary>
    public const string Id = "urn:vmbench:schema:run:2";

    public const string FileName = "run.schema.json";

    /// <summary>The reference for a run.json in <paramref name="folder"/>: the nearest folder above it holding results/run.schema.json gives a relative path, none gives <see cref="Id"/>.</summary>
    public static string ReferenceFrom(string folder)
    {
        var start = Path.GetFullPath(folder);
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var schema = Path.Combine(dir.FullName, "results", FileName);
            if (File.Exists(schema))
            {
                return Path.GetRelativePath(start, schema).Replace('\\', '/');
            }
        }

        return Id;
    }
}
