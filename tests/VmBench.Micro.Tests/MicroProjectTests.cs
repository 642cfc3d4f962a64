using VmBench.Cli.Commands.Micro;

namespace VmBench.Micro.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class MicroProjectTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "vmbench-micro-project-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public void The_real_project_depends_on_the_six_servers_and_the_load_client()
    {
        var directories = MicroProject.ProjectDirectories(new MicroProject(Repository.Root).Project)
            .Select(d => Path.GetRelativePath(Repository.Root, d))
            .ToList();

        foreach (var expected in new[] { "harness/VmBench.Micro", "harness/VmBench.Load", "harness/VmBench.Core", "servers/Hosting", "servers/sockets", "servers/libuv", "servers/kestrel", "servers/saea", "servers/pipelines", "servers/threads" })
        {
            Assert.Contains(expected, directories);
        }

        Assert.DoesNotContain("harness/VmBench.Cli", directories);
    }

    [Fact]
    public void A_build_is_outdated_when_missing_or_older_than_a_source_of_a_referenced_project()
    {
        var project = Layout();
        Assert.True(project.IsOutdated(), "no dll yet");

        var output = Directory.CreateDirectory(Path.GetDirectoryName(project.Assembly)!).FullName;
        File.WriteAllText(project.Assembly, "dll");
        var old = DateTime.UtcNow.AddMinutes(-10);
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories))
        {
            File.SetLastWriteTimeUtc(file, old);
        }

        File.SetLastWriteTimeUtc(project.Assembly, old.AddMinutes(1));
        Assert.False(project.IsOutdated());

        File.SetLastWriteTimeUtc(Path.Combine(_root, "harness", "Lib", "Code.cs"), old.AddMinutes(2));
        Assert.True(project.IsOutdated(), "a referenced project's source is newer");

        project.MarkBuilt(); // a no-op build: the dll keeps its time, the stamp says it is current
        Assert.False(project.IsOutdated());

        File.SetLastWriteTimeUtc(Path.Combine(_root, "harness", "Unrelated", "Other.cs"), DateTime.UtcNow.AddMinutes(1));
        Assert.False(project.IsOutdated(), "a project Micro does not reference");
        Assert.True(Directory.Exists(output));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    private MicroProject Layout()
    {
        Write("harness/VmBench.Micro/VmBench.Micro.csproj", "<Project><ItemGroup><ProjectReference Include=\"../Lib/Lib.csproj\" /></ItemGroup></Project>");
        Write("harness/VmBench.Micro/Program.cs", "//");
        Write("harness/Lib/Lib.csproj", "<Project />");
        Write("harness/Lib/Code.cs", "//");
        Write("harness/Unrelated/Unrelated.csproj", "<Project />");
        Write("harness/Unrelated/Other.cs", "//");
        Write("Directory.Build.props", "<Project />");
        return new MicroProject(_root);
    }

    private void Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
