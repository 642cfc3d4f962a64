namespace VmBench.Testing;

/// <summary>Finds the repository root (the folder holding VmBench.sln) from the test's output folder.</summary>
public static class Repository
{
    public static string Root { get; } =
        VmBench.Core.Catalog.RepositoryRoot.Above(AppContext.BaseDirectory) ?? throw new InvalidOperationException("VmBench.sln not found above " + AppContext.BaseDirectory);

    public static string Servers => Path.Combine(Root, "servers");

    public static string Artifacts => Path.Combine(Root, "artifacts");
}
