namespace VmBench.Cli.Commands.Common;

/// <summary>Finds the repository (the folder holding VmBench.sln) so commands work from any folder inside it.</summary>
public static class RepositoryPaths
{
    public const string SolutionFile = "VmBench.sln";

    /// <summary>The repository root: $VMBENCH_ROOT, else the nearest folder above the working directory or the tool holding VmBench.sln, else the working directory.</summary>
    public static string Root()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VMBENCH_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return FindUp(Environment.CurrentDirectory) ?? FindUp(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
    }

    public static string Servers() => Path.Combine(Root(), "servers");

    public static string Results() => Path.Combine(Root(), "results");

    public static string Artifacts() => Path.Combine(Root(), "artifacts");

    private static string? FindUp(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
