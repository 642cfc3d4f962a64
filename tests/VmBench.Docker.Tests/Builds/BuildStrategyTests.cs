using System.Formats.Tar;
using VmBench.Core.Model;
using VmBench.Docker.Tests.Support;
using VmBench.Runtimes.Builds;
using VmBench.Runtimes.Docker;
using VmBench.Runtimes.Docker.Internal;
using VmBench.Testing;

namespace VmBench.Docker.Tests.Builds;

/// <summary>Each build kind's local commands and image recipe; no engine needed.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class BuildStrategyTests : IDisposable
{
    private readonly TempServer _folder = new("kind", "ARG BASE_IMAGE\nFROM ${BASE_IMAGE}\n");

    [Fact]
    public void Every_build_kind_has_its_strategy()
    {
        foreach (var kind in Enum.GetValues<BuildKind>())
        {
            Assert.NotNull(BuildStrategies.Of(Server(kind)));
        }

        Assert.IsType<DotnetBuild>(BuildStrategies.Of(Server(BuildKind.Dotnet)));
        Assert.IsType<CommandBuild>(BuildStrategies.Of(Server(BuildKind.Command)));
    }

    [Fact]
    public void Dotnet_builds_its_project_into_the_output_and_runs_the_apphost_else_the_dll()
    {
        var server = Server(BuildKind.Dotnet);
        var output = Path.Combine(_folder.Directory, "out");
        var build = new DotnetBuild();

        Assert.Equal(["dotnet", "build", Path.Combine(_folder.Directory, "My.Loop.csproj"), "-c", "Release", "-o", output], build.LocalBuild(server, output).Take(7));
        Assert.Contains("-nodeReuse:false", build.LocalBuild(server, output));
        Assert.Equal(["dotnet", Path.Combine(output, "My.Loop.dll")], build.LocalRun(server, output));

        Directory.CreateDirectory(output);
        File.WriteAllText(Path.Combine(output, "My.Loop"), string.Empty);
        Assert.Equal([Path.Combine(output, "My.Loop")], build.LocalRun(server, output));
    }

    [Fact]
    public async Task Dotnet_images_are_the_template_over_the_published_app()
    {
        var published = Directory.CreateDirectory(Path.Combine(_folder.Directory, "publish")).FullName;
        File.WriteAllText(Path.Combine(published, "My.Loop"), "apphost");
        Directory.CreateDirectory(Path.Combine(published, "obj"));
        File.WriteAllText(Path.Combine(published, "obj", "left.over"), string.Empty);
        var template = Path.Combine(Repository.Root, "docker", "dotnet-server.Dockerfile");

        var context = DotnetBuild.Image(Server(BuildKind.Dotnet), "base:1", template, published);

        Assert.Equal("Dockerfile", context.Dockerfile);
        Assert.Equal(new Dictionary<string, string> { ["BASE_IMAGE"] = "base:1", ["APP"] = "My.Loop" }, context.BuildArguments);
        Assert.Equal(["Dockerfile", "app/My.Loop"], await EntriesAsync(context));
    }

    [Fact]
    public void Command_runs_its_build_command_if_any_and_its_run_command_with_placeholders()
    {
        var build = new CommandBuild();
        var server = _folder.Manifest with
        {
            Build = _folder.Manifest.Build with { Command = ["make", "-C", "{dir}", "OUT={out}"] },
            Run = _folder.Manifest.Run with { Command = ["{out}/server", "--threads", "1"] },
        };

        Assert.Null(build.LocalBuild(_folder.Manifest, "/o"));
        Assert.Equal(["make", "-C", _folder.Directory, "OUT=/o"], build.LocalBuild(server, "/o"));
        Assert.Equal(["/o/server", "--threads", "1"], build.LocalRun(server, "/o"));
    }

    [Fact]
    public async Task Command_images_are_the_server_folder_with_its_own_Dockerfile()
    {
        Directory.CreateDirectory(Path.Combine(_folder.Directory, "node_modules"));
        File.WriteAllText(Path.Combine(_folder.Directory, "node_modules", "dep.js"), string.Empty);
        File.WriteAllText(Path.Combine(_folder.Directory, "server.py"), "print()");

        var context = await new CommandBuild().ImageAsync(_folder.Manifest, "base:1", Options, CancellationToken.None);

        Assert.Equal("Dockerfile", context.Dockerfile);
        Assert.Equal(new Dictionary<string, string> { ["BASE_IMAGE"] = "base:1" }, context.BuildArguments);
        Assert.Equal(["Dockerfile", "server.json", "server.py"], await EntriesAsync(context));
    }

    [Fact]
    public async Task A_command_image_without_its_Dockerfile_names_the_field()
    {
        File.Delete(Path.Combine(_folder.Directory, "Dockerfile"));

        var ex = await Assert.ThrowsAsync<DockerBuildException>(() => new CommandBuild().ImageAsync(_folder.Manifest, "base:1", Options, CancellationToken.None));

        Assert.Contains("build.dockerfile 'Dockerfile' does not exist", ex.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _folder.Dispose();

    private static DockerRuntimeOptions Options => new() { RepositoryRoot = Repository.Root, ReadinessProbe = new EchoProbe() };

    private ServerManifest Server(BuildKind kind) => kind == BuildKind.Dotnet
        ? _folder.Manifest with { Build = new ServerBuild(kind, "My.Loop.csproj", [], null), Run = new ServerRun([], new Dictionary<string, string>()) }
        : _folder.Manifest;

    private static async Task<List<string>> EntriesAsync(BuildContext context)
    {
        using var tar = new MemoryStream();
        await context.WriteTarAsync(tar, CancellationToken.None);
        tar.Position = 0;
        var names = new List<string>();
        using var reader = new TarReader(tar);
        while (await reader.GetNextEntryAsync() is { } entry)
        {
            names.Add(entry.Name);
        }

        return names;
    }
}
