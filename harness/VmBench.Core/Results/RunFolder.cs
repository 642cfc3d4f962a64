namespace VmBench.Core.Results;

/// <summary>
/// What vmbench owns in a run folder: run.json, its temporary files, and the generated files (reports, charts,
/// histogram logs) listed in <see cref="ManifestName"/> when they were written. Regenerating the reports removes
/// only listed files that are no longer produced, and replacing a run (<c>vmbench run --output DIR --force</c>)
/// removes only those files: a user's own files in the folder (a chart of one's own in charts/) are never touched.
/// </summary>
public static class RunFolder
{
    /// <summary>The list of generated files, one path relative to the run folder per line.</summary>
    public const string ManifestName = ".vmbench-files";

    /// <summary>True when <paramref name="directory"/> holds a run: its run.json, or files a run's reports left.</summary>
    public static bool HoldsRun(string directory) =>
        File.Exists(Path.Combine(directory, RunJson.FileName)) || File.Exists(Path.Combine(directory, ManifestName));

    /// <summary>The generated files listed in the folder's manifest, as full paths inside the folder (a line pointing outside it is ignored).</summary>
    public static IReadOnlyList<string> Generated(string directory)
    {
        var manifest = Path.Combine(directory, ManifestName);
        if (!File.Exists(manifest))
        {
            return [];
        }

        string[] lines;
        try
        {
            lines = File.ReadAllLines(manifest);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        return lines.Select(l => Inside(directory, l)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
    }

    /// <summary>Lists <paramref name="files"/> (full paths) as the folder's generated files; files outside the folder are left out.</summary>
    /// <exception cref="IOException">The list could not be written; the message names it.</exception>
    public static void Record(string directory, IEnumerable<string> files)
    {
        var root = Path.GetFullPath(directory);
        var lines = files
            .Select(f => Path.GetRelativePath(root, Path.GetFullPath(f)))
            .Where(r => Inside(root, r) is not null)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        var manifest = Path.Combine(root, ManifestName);
        if (lines.Count == 0)
        {
            File.Delete(manifest);
            return;
        }

        AtomicFile.WriteAllText(manifest, string.Concat(lines.Select(l => l + "\n")));
    }

    /// <summary>
    /// Replaces the generated files: deletes those listed before that are not among <paramref name="written"/>
    /// (stale charts and logs of an earlier report), then lists <paramref name="written"/>.
    /// </summary>
    /// <returns>The files deleted.</returns>
    public static IReadOnlyList<string> Replace(string directory, IReadOnlyCollection<string> written)
    {
        var keep = written.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        var deleted = Delete(Path.GetFullPath(directory), Generated(directory).Where(f => !keep.Contains(f)));
        Record(directory, written);
        return deleted;
    }

    /// <summary>Removes the run the folder holds: run.json, its temporary files, the listed generated files and the list, and folders they leave empty.</summary>
    /// <param name="alsoOwned">File names vmbench writes into a run folder outside the list (compare.html).</param>
    /// <returns>The files deleted.</returns>
    public static IReadOnlyList<string> Clear(string directory, IEnumerable<string> alsoOwned)
    {
        var root = Path.GetFullPath(directory);
        var files = Generated(root)
            .Concat(alsoOwned.Append(RunJson.FileName).Select(n => Path.Combine(root, n)))
            .Concat(Directory.Exists(root) ? Directory.EnumerateFiles(root, $".{RunJson.FileName}.*.tmp") : [])
            .Append(Path.Combine(root, ManifestName))
            .Distinct(StringComparer.Ordinal)
            .ToList();
        return Delete(root, files);
    }

    private static List<string> Delete(string root, IEnumerable<string> files)
    {
        var deleted = new List<string>();
        foreach (var file in files)
        {
            if (File.Exists(file))
            {
                File.Delete(file);
                deleted.Add(file);
                var parent = Path.GetDirectoryName(file)!;
                if (Directory.Exists(parent) && !Directory.EnumerateFileSystemEntries(parent).Any() && parent != root)
                {
                    Directory.Delete(parent);
                }
            }
        }

        return deleted;
    }

    /// <summary>The full path of <paramref name="relative"/> when it names a file inside <paramref name="directory"/>; else null.</summary>
    private static string? Inside(string directory, string relative)
    {
        if (string.IsNullOrWhiteSpace(relative) || Path.IsPathRooted(relative))
        {
            return null;
        }

        var root = Path.GetFullPath(directory);
        var full = Path.GetFullPath(Path.Combine(root, relative));
        return full.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) && Path.GetFileName(full) != ManifestName ? full : null;
    }
}
