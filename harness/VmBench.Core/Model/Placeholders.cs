namespace VmBench.Core.Model;

/// <summary>Substitutes the manifest placeholders <c>{dir}</c> and <c>{out}</c>.</summary>
public static class Placeholders
{
    public static IReadOnlyList<string> Expand(IEnumerable<string> argv, string directory, string output) =>
        argv.Select(a => a.Replace("{dir}", directory, StringComparison.Ordinal).Replace("{out}", output, StringComparison.Ordinal)).ToArray();
}
