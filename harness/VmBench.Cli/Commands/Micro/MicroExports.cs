namespace VmBench.Cli.Commands.Micro;

/// <summary>
/// The run folder's micro/: BenchmarkDotNet's artifacts folder during the run, then its results/ (JSON full,
/// GitHub Markdown, HTML, CSV) moved up beside the log, so <c>micro/*-report-full.json</c> is what the
/// report reads. micro/ holds the latest micro run only: earlier exports are removed first.
/// </summary>
public static class MicroExports
{
    public const string FolderName = "micro";

    public const string FullJsonPattern = "*-report-full.json";

    private const string BenchmarkDotNetResults = "results";

    private static readonly string[] s_exportPatterns = ["*-report*.json", "*-report*.md", "*-report*.html", "*-report*.csv", "BenchmarkRun-*.log"];

    public static string FolderOf(string runDirectory) => Path.Combine(runDirectory, FolderName);

    /// <summary>Creates micro/ and removes the exports of an earlier micro run in it.</summary>
    public static string Prepare(string runDirectory)
    {
        var folder = FolderOf(runDirectory);
        Directory.CreateDirectory(folder);
        foreach (var file in s_exportPatterns.SelectMany(p => Directory.EnumerateFiles(folder, p)))
        {
            File.Delete(file);
        }

        var nested = Path.Combine(folder, BenchmarkDotNetResults);
        if (Directory.Exists(nested))
        {
            Directory.Delete(nested, recursive: true);
        }

        return folder;
    }

    /// <summary>Deletes the exports of a micro run (and micro/ when that empties it); returns how many files went.</summary>
    public static int Remove(string runDirectory)
    {
        var folder = FolderOf(runDirectory);
        if (!Directory.Exists(folder))
        {
            return 0;
        }

        var files = s_exportPatterns.SelectMany(p => Directory.EnumerateFiles(folder, p)).Distinct(StringComparer.Ordinal).ToList();
        files.ForEach(File.Delete);
        var nested = Path.Combine(folder, BenchmarkDotNetResults);
        if (Directory.Exists(nested))
        {
            Directory.Delete(nested, recursive: true);
        }

        if (!Directory.EnumerateFileSystemEntries(folder).Any())
        {
            Directory.Delete(folder);
        }

        return files.Count;
    }

    /// <summary>Moves micro/results/* up into micro/; returns the full JSON exports now in micro/.</summary>
    public static IReadOnlyList<string> Collect(string runDirectory)
    {
        var folder = FolderOf(runDirectory);
        var nested = Path.Combine(folder, BenchmarkDotNetResults);
        if (Directory.Exists(nested))
        {
            foreach (var file in Directory.EnumerateFiles(nested))
            {
                File.Move(file, Path.Combine(folder, Path.GetFileName(file)), overwrite: true);
            }

            if (!Directory.EnumerateFileSystemEntries(nested).Any())
            {
                Directory.Delete(nested);
            }
        }

        return Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, FullJsonPattern).Order(StringComparer.Ordinal).ToList()
            : [];
    }
}
