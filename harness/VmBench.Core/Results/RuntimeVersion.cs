namespace VmBench.Core.Results;

/// <summary>The version of one runtime a benchmark's server used, read with its manifest's version command.</summary>
/// <param name="Version">What the command printed (trimmed); null when it failed.</param>
/// <param name="Error">Why there is no version (the command failed, was not found, timed out); null when it worked.</param>
public sealed record RuntimeVersion(string Name, IReadOnlyList<string> Command, string? Version, string? Error)
{
    /// <summary>"1.22.2" or "unknown (exit 127: go: not found)": the version as the servers tables print it.</summary>
    public string Text => Version ?? $"unknown ({Error})";
}
