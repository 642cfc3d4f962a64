namespace VmBench.Core.Model;

/// <summary>The manifest's <c>run</c> section: the argv (command servers) and the environment.</summary>
public sealed record ServerRun(IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment)
{
    /// <summary>The environment of a server given <paramref name="cpus"/> CPUs (<c>{cpus}</c> expanded).</summary>
    public IReadOnlyDictionary<string, string> EnvironmentFor(int cpus) => Placeholders.ExpandCpus(Environment, cpus);
}
