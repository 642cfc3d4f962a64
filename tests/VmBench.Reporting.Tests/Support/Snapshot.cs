namespace VmBench.Reporting.Tests.Support;

/// <summary>
/// Exact comparison with a file in Snapshots/. With VMBENCH_UPDATE_SNAPSHOTS=1 the file in the source tree is
/// rewritten instead (review the diff before committing it).
/// </summary>
internal static class Snapshot
{
    public static void AssertMatches(string name, string actual)
    {
        if (Environment.GetEnvironmentVariable("VMBENCH_UPDATE_SNAPSHOTS") == "1")
        {
            File.WriteAllText(Path.Combine(SourceFolder(), "Snapshots", name), actual);
            return;
        }

        var expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Snapshots", name)).ReplaceLineEndings("\n");
        Assert.Equal(expected, actual);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
