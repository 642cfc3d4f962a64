namespace VmBench.Core.Catalog;

/// <summary>The repository is the nearest folder holding VmBench.sln: tools and tests find servers/ from wherever they run inside it.</summary>
public static class RepositoryRoot
{
    public const string SolutionFile = "VmBench.sln";

    /// <summary>The nearest folder at or above <paramref name="start"/> holding VmBench.sln, or null.</summary>
    public static string? Above(string start)
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
