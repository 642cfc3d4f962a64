using System.Globalization;

namespace VmBench.Core.Model;

/// <summary>Substitutes the manifest placeholders: <c>{dir}</c> and <c>{out}</c> in commands, <c>{cpus}</c> in <c>run.env</c> values.</summary>
public static class Placeholders
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> argv, string directory, string output) =>
        argv.Select(a => a.Replace("{dir}", directory, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal)).ToArray();

    /// <summary>
    /// An environment with <c>{cpus}</c> replaced by the number of CPUs the server is given. Only <c>run.env</c> takes it: a container
    /// runs its image's ENTRYPOINT, not <c>run.command</c>, but both runtimes pass the environment.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ExpandCpus(IReadOnlyDictionary<string, string> environment, int cpus) =>
        environment.ToDictionary(e => e.Key, e => e.Value.Replace("{cpus}", cpus.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal), StringComparer.Ordinal);

    /// <summary>How many CPUs a server pinned to <paramref name="cpus"/> is given: all of this machine's when it is not pinned.</summary>
    public static int CpuCount(IReadOnlyList<int> cpus) => cpus.Count > 0 ? cpus.Count : Environment.ProcessorCount;
}
