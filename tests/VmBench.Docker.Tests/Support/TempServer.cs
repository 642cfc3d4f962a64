using VmBench.Core.Model;

namespace VmBench.Docker.Tests.Support;

/// <summary>A command server in a temporary folder, with its own Dockerfile (none when null).</summary>
public sealed class TempServer : IDisposable
{
    public TempServer(string id, string? dockerfile)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("vmbench-test-server-").FullName;
        if (dockerfile is not null)
        {
            File.WriteAllText(Path.Combine(Directory, "Dockerfile"), dockerfile);
        }

        var manifest = Path.Combine(Directory, "server.json");
        File.WriteAllText(manifest, "{}");
        Manifest = new ServerManifest(
            id,
            "test server " + id,
            "test",
            "shell",
            [Mode.Echo],
            [AddressKind.Tcp],
            new ServerBuild(BuildKind.Command, null, [], "Dockerfile"),
            new ServerRun(["/bin/false"], new Dictionary<string, string>()),
            [],
            Directory,
            manifest);
    }

    public string Directory { get; }

    public ServerManifest Manifest { get; }

    public Benchmark Benchmark => new(Manifest, Protocol.TcpEcho);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
