namespace VmBench.Core.Model;

/// <summary>The manifest's <c>run</c> section: the argv (command servers) and the environment.</summary>
public sealed record ServerRun(IReadOnlyList<string> Command, IReadOnlyDictionary<string, string> Environment);
