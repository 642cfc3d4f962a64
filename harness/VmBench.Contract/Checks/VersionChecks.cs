using System.Text.RegularExpressions;
using VmBench.Core.Model;
using VmBench.Core.Running;

namespace VmBench.Contract.Checks;

/// <summary>The manifest's <c>versions</c>: every command works against the started server and prints a version.</summary>
public static partial class VersionChecks
{
    /// <summary>Checked once per server, on its tcpecho benchmark (or its first).</summary>
    public static readonly ContractCheck EveryVersion = new("Every_version_the_manifest_lists_is_read_from_the_started_server", b => b == OneOf(b.Server), async c =>
    {
        var manifest = c.Benchmark.Server;
        var versions = await VersionReader.ReadAsync(c.Server, manifest.Versions, c.CancellationToken).ConfigureAwait(false);
        ContractViolation.Unless(manifest.Versions.Select(v => v.Name).SequenceEqual(versions.Select(v => v.Name)), "the versions read are not the ones the manifest lists");
        foreach (var version in versions.Where(v => v.Version is null || !VersionNumber().IsMatch(v.Version)))
        {
            throw new ContractViolation($"{manifest.Id} {version.Name}: {version.Version ?? version.Error} (a version command must print a version number such as 1.2)");
        }
    });

    /// <summary>The benchmark a per-server check runs on: tcpecho, or the server's first.</summary>
    public static Benchmark OneOf(ServerManifest server) =>
        Benchmark.AllOf([server]).FirstOrDefault(b => b.Protocol == Protocol.TcpEcho) ?? Benchmark.AllOf([server]).First();

    [GeneratedRegex(@"\d+\.\d+")]
    private static partial Regex VersionNumber();
}
