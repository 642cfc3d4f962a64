namespace VmBench.Docker.Tests.Support;

/// <summary>Finds the repository from the test's output folder.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Servers => System.IO.Path.Combine(Path, "servers");

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "docker", "dotnet-server.Dockerfile")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("the repository (docker/dotnet-server.Dockerfile) is not above " + AppContext.BaseDirectory);
    }
}
