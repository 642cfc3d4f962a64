using VmBench.Core.Load;
using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>What to start: a benchmark's server, in its mode, on an address, pinned to CPUs.</summary>
/// <param name="Cpus">CPUs the server may run on; empty for no pinning.</param>
/// <param name="Connections">The most connections the server will be asked to hold at once (a runtime that bounds
/// the server's threads leaves room for one per connection: a thread-per-connection server needs it); 0 when unknown.</param>
/// <param name="Tls">The run's certificate and key (host paths) for a TLS benchmark; null for a plaintext one.</param>
public sealed record ServerLaunch(Benchmark Benchmark, Address Address, IReadOnlyList<int> Cpus, TimeSpan ReadyTimeout, int Connections = 0, ServerTls? Tls = null)
{
    /// <summary>What the readiness probe speaks: TLS 1.3 pinned to the launch's certificate, or null for plaintext.</summary>
    public TlsClient? ReadinessTls => Benchmark.Protocol.IsTls && Tls is not null ? new TlsClient(Tls.CertificatePem) : null;

    /// <summary>The server's environment: its manifest's <c>run.env</c>, <c>{cpus}</c> being the CPUs it is given.</summary>
    public IReadOnlyDictionary<string, string> Environment => Benchmark.Server.Run.EnvironmentFor(Placeholders.CpuCount(Cpus));
}
