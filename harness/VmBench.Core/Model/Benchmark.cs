namespace VmBench.Core.Model;

/// <summary>One server under one protocol, named <c>&lt;protocol&gt;-&lt;server&gt;</c> (e.g. <c>tcpecho-sockets</c>).</summary>
/// <param name="Role">Measured, the run's reference, or the reference's A/A arm (named <c>&lt;protocol&gt;-&lt;server&gt;@aa</c>).</param>
public sealed record Benchmark(ServerManifest Server, Protocol Protocol, BenchmarkRole Role = BenchmarkRole.Measured)
{
    /// <summary>The suffix that names the reference's second A/A arm.</summary>
    public const string AaSuffix = "@aa";

    public string Name => $"{Protocol.Prefix}-{Server.Id}" + (Role == BenchmarkRole.AaArm ? AaSuffix : string.Empty);

    /// <summary>Every benchmark the servers declare, server by server, in protocol order.</summary>
    public static IReadOnlyList<Benchmark> AllOf(IEnumerable<ServerManifest> servers) =>
        servers.SelectMany(s => Protocol.All.Where(p => s.Supports(p.Mode) && s.Supports(p.Address)).Select(p => new Benchmark(s, p)))
            .ToArray();
}
