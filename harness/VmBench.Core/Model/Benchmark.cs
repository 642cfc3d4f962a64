namespace VmBench.Core.Model;

/// <summary>One server under one protocol, named <c>&lt;protocol&gt;-&lt;server&gt;</c> (e.g. <c>tcpecho-sockets</c>).</summary>
public sealed record Benchmark(ServerManifest Server, Protocol Protocol)
{
    public string Name => $"{Protocol.Prefix}-{Server.Id}";

    /// <summary>Every benchmark the servers declare, server by server, in protocol order.</summary>
    public static IReadOnlyList<Benchmark> AllOf(IEnumerable<ServerManifest> servers) =>
        servers.SelectMany(s => Protocol.All.Where(p => s.Supports(p.Mode) && s.Supports(p.Address)).Select(p => new Benchmark(s, p)))
            .ToArray();
}
