using VmBench.Servers.Hosting;
using VmBench.Servers.Kestrel;
using VmBench.Servers.Libuv;
using VmBench.Servers.Pipelines;
using VmBench.Servers.Saea;
using VmBench.Servers.Sockets;
using VmBench.Servers.Threads;

namespace VmBench.Micro.Echo;

/// <summary>
/// The .NET servers hosted in-process, the same classes the server executables run through ServerHost.
/// Adding a server is one line here (and a ProjectReference); the first entry is the baseline.
/// </summary>
public static class EchoServers
{
    public const string BaselineId = "sockets";

    public static IReadOnlyList<EchoServerEntry> All { get; } =
    [
        new(BaselineId, () => new SocketsEchoServer()),
        new("libuv", () => new LibuvEchoServer()),
        new("kestrel", () => new KestrelEchoServer()),
        new("saea", () => new SaeaEchoServer()),
        new("pipelines", () => new PipelinesEchoServer()),
        new("threads", () => new ThreadsEchoServer()),
    ];

    public static IEnumerable<string> Ids => All.Select(s => s.Id);

    public static IEchoServer Create(string id) =>
        (All.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"unknown server '{id}' (known: {string.Join(", ", Ids)})", nameof(id))).Create();
}
