using VmBench.Core.Catalog;
using VmBench.Servers.Hosting;

namespace VmBench.Micro.Echo;

/// <summary>
/// The .NET servers hosted in-process, the same classes the server executables run through ServerHost: discovered
/// from the repository's manifests (<see cref="InProcessServers"/>; the project references servers/*/*.csproj), so a
/// new server is measured with no edit here. The baseline comes first.
/// </summary>
public static class EchoServers
{
    public const string BaselineId = "sockets";

    public static IReadOnlyList<InProcessServer<IEchoServer>> All { get; } = Discover(Path.Combine(
        RepositoryRoot.Above(AppContext.BaseDirectory) ?? throw new InvalidOperationException($"{RepositoryRoot.SolutionFile} not found above {AppContext.BaseDirectory}: run VmBench.Micro from its build inside the repository"),
        "servers"));

    public static IEnumerable<string> Ids => All.Select(s => s.Id);

    /// <summary>The .NET servers of <paramref name="serversDirectory"/>, the baseline first.</summary>
    public static IReadOnlyList<InProcessServer<IEchoServer>> Discover(string serversDirectory) =>
        [.. InProcessServers.Discover<IEchoServer>(serversDirectory).OrderBy(s => s.Id != BaselineId)];

    public static IEchoServer Create(string id) =>
        (All.FirstOrDefault(s => s.Id == id) ?? throw new ArgumentException($"unknown server '{id}' (known: {string.Join(", ", Ids)})", nameof(id))).Create();
}
