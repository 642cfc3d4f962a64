using VmBench.Core.Catalog;

namespace VmBench.Cli.Commands.Common;

/// <summary>Finds the repository (the folder holding VmBench.sln) so commands work from any folder inside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The repository root: $VMBENCH_ROOT, else the nearest folder above the working directory or the tool holding VmBench.sln, else the working directory.</summary>
    public static string Root()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("VMBENCH_ROOT");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        return RepositoryRoot.Above(Environment.CurrentDirectory) ?? RepositoryRoot.Above(AppContext.BaseDirectory) ?? Environment.CurrentDirectory;
    }

    public static string Servers() => Path.Combine(Root(), "servers");

    public static string Results() => Path.Combine(Root(), "results");

    public static string Artifacts() => Path.Combine(Root(), "artifacts");
}
