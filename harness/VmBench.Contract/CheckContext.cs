using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Contract;

/// <summary>What a check gets: the started server, the benchmark it was started for, and the token that stops the check.</summary>
/// <param name="Tls">The certificate and key the server was started with (a TLS benchmark); null for plaintext.</param>
public sealed record CheckContext(IRunningServer Server, Benchmark Benchmark, CancellationToken CancellationToken, ServerTls? Tls = null)
{
    public Address Address => Server.Address;
}
