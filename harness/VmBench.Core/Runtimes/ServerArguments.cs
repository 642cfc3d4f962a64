using VmBench.Core.Model;

namespace VmBench.Core.Runtimes;

/// <summary>The arguments every runtime appends to a server's command: one place for the contract's argv.</summary>
public static class ServerArguments
{
    /// <summary>
    /// <c>--addr ADDRESS --mode MODE</c>, then for a TLS benchmark <c>--tls-cert CERT --tls-key KEY</c> with the paths
    /// of <paramref name="tls"/> (as the server sees them: a runtime that mounts the folder passes it mounted).
    /// </summary>
    public static IReadOnlyList<string> Of(ServerLaunch launch, ServerTls? tls)
    {
        ArgumentNullException.ThrowIfNull(launch);
        List<string> argv = ["--addr", launch.Address.ToString(), "--mode", Names.Of(launch.Benchmark.Protocol.Mode)];
        if (launch.Benchmark.Protocol.IsTls)
        {
            if (tls is null)
            {
                throw new ArgumentException($"{launch.Benchmark.Name} is a TLS benchmark: its launch needs the run's certificate and key (ServerLaunch.Tls)", nameof(tls));
            }

            argv.AddRange(["--tls-cert", tls.CertificatePath, "--tls-key", tls.KeyPath]);
        }

        return argv;
    }
}
