using System.Net;
using System.Reflection;
using System.Runtime.Loader;
using VmBench.Cli.Commands.Micro;
using VmBench.Cli.Commands.NewServer;
using VmBench.Micro.Echo;
using VmBench.Runtimes.Processes;
using VmBench.Servers.Hosting;

namespace VmBench.Micro.Tests;

/// <summary>A server made by `vmbench new-server` (C# template), in a temporary copy of the repository, joins the micro-suite with no edit.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class NewServerDiscoveryTests : IDisposable
{
    private const string AssemblyName = "VmBench.Servers.MyLoop";

    private readonly string _root = Path.Combine(Path.GetTempPath(), "vmbench-micro-new-server-" + Guid.NewGuid().ToString("N"));

    public NewServerDiscoveryTests()
    {
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "global.json", "harness/VmBench.Micro/VmBench.Micro.csproj" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(_root, file))!);
            File.Copy(Path.Combine(Repository.Root, file), Path.Combine(_root, file));
        }

        TreeCopy.Copy(Path.Combine(Repository.Servers, "Hosting"), Path.Combine(Servers, "Hosting"));
        TreeCopy.Copy(Path.Combine(Repository.Servers, "sockets"), Path.Combine(Servers, "sockets"));
        AssemblyLoadContext.Default.Resolving += BuiltServer;
    }

    private string Servers => Path.Combine(_root, "servers");

    private string Output => Path.Combine(_root, "out");

    [Fact]
    public async Task A_scaffolded_dotnet_server_is_referenced_discovered_and_round_trips_in_process()
    {
        Assert.Equal(0, new NewServerCommand(Servers, TextWriter.Null, TextWriter.Null).Execute("my-loop", "dotnet"));
        Assert.Contains(Path.Combine(Servers, "my-loop"), MicroProject.ProjectDirectories(Path.Combine(_root, "harness", "VmBench.Micro", "VmBench.Micro.csproj")));

        // What the Micro build does for it through its servers/*/*.csproj reference; the resolver above stands for that reference.
        var build = await ProcessRunner.RunAsync(
            ["dotnet", "build", Path.Combine(Servers, "my-loop", AssemblyName + ".csproj"), "-c", "Release", "-o", Output, "--nologo", "-v", "quiet", "-clp:ErrorsOnly", "-nodeReuse:false"],
            _root, null, TimeSpan.FromMinutes(5), CancellationToken.None);
        Assert.True(build.Succeeded, build.Tail());

        var discovered = EchoServers.Discover(Servers);
        Assert.Equal(["sockets", "my-loop"], discovered.Select(s => s.Id));
        await using var server = discovered[1].Create();
        Assert.Equal("VmBench.Servers.MyLoop.MyLoopEchoServer", server.GetType().FullName);
        await server.StartAsync(new ServerOptions(new IPEndPoint(IPAddress.Loopback, 0), ServerMode.Echo), CancellationToken.None);
        using (var client = RoundTripClient.Connect(server.LocalEndPoint, 64 * 1024))
        {
            client.RoundTripVerified();
        }

        await server.StopAsync(CancellationToken.None);
    }

    public void Dispose()
    {
        AssemblyLoadContext.Default.Resolving -= BuiltServer;
        Directory.Delete(_root, recursive: true);
    }

    private Assembly? BuiltServer(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == AssemblyName && File.Exists(Path.Combine(Output, AssemblyName + ".dll")) ? context.LoadFromAssemblyPath(Path.Combine(Output, AssemblyName + ".dll")) : null;
}
