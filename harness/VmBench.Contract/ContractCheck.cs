using VmBench.Core.Model;

namespace VmBench.Contract;

/// <summary>
/// One rule of the server contract (servers/README.md), checked against a freshly started server. A check that finds
/// the rule broken throws <see cref="ContractViolation"/>; <see cref="ContractRunner"/> turns that into a result.
/// </summary>
/// <param name="Name">What the rule says, as a test name (<c>Echoes_1_byte_to_1_MiB_byte_for_byte</c>).</param>
/// <param name="AppliesTo">The benchmarks it is checked on.</param>
/// <param name="RunAsync">The check; it must stop the server itself when the rule is about stopping.</param>
public sealed record ContractCheck(string Name, Func<Benchmark, bool> AppliesTo, Func<CheckContext, Task> RunAsync)
{
    /// <summary>The name as words: "Echoes 1 byte to 1 MiB byte for byte".</summary>
    public string Title => Name.Replace('_', ' ');

    /// <summary>Checked on every plaintext benchmark of <paramref name="mode"/> (TLS has its own checks: TlsChecks).</summary>
    public static Func<Benchmark, bool> InMode(Mode mode) => b => b.Protocol.Mode == mode && !b.Protocol.IsTls && Contracted(b);

    /// <summary>Checked on a server's tlsecho benchmark (tlshandshake is the same server, one connection per request).</summary>
    public static bool OverTls(Benchmark benchmark) => benchmark.Protocol.IsTls && Contracted(benchmark);

    /// <summary>
    /// The contract is about a server in a mode over an address kind: a churn benchmark (connect-x) drives the same
    /// echo over tcp as tcpecho-x, one connection per request, so no check is run a second time for it.
    /// </summary>
    public static bool Contracted(Benchmark benchmark) => benchmark.Protocol.Pattern == LoadPattern.Stream;
}
