namespace VmBench.Testing;

/// <summary>Finds the repository root (the folder holding VmBench.sln) from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } = Find();

    public static string Servers => Path.Combine(Root, "servers");

    public static string Artifacts => Path.Combine(Root, "artifacts");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "VmBench.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("VmBench.sln not found above " + AppContext.BaseDirectory);
    }
}
