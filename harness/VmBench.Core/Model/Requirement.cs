namespace VmBench.Core.Model;

/// <summary>A local prerequisite: a command that must succeed, and what to install when it does not.</summary>
public sealed record Requirement(IReadOnlyList<string> Command, string Install);
