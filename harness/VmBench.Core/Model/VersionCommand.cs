namespace VmBench.Core.Model;

/// <summary>One entry of the manifest's <c>versions</c>: a runtime the server uses and the argv that prints its version.</summary>
/// <param name="Name">What the version is of ("go", "python", "uvloop", ".NET", "libuv").</param>
/// <param name="Command">Run where the server runs (this machine, or the server's container); <c>{dir}</c> and <c>{out}</c> expanded.</param>
public sealed record VersionCommand(string Name, IReadOnlyList<string> Command);
