namespace VmBench.Core.Model;

/// <summary>A validated <c>servers/&lt;id&gt;/server.json</c>.</summary>
/// <param name="Directory">The server's folder, absolute.</param>
/// <param name="ManifestPath">The manifest file, absolute.</param>
public sealed record ServerManifest(
    string Id,
    string Title,
    string Loop,
    string Language,
    IReadOnlyList<Mode> Modes,
    IReadOnlyList<AddressKind> Addresses,
    ServerBuild Build,
    ServerRun Run,
    IReadOnlyList<Requirement> Requires,
    string Directory,
    string ManifestPath)
{
    /// <summary>The manifest's <c>versions</c>: how to read the version of every runtime the server uses; empty when it lists none.</summary>
    public IReadOnlyList<VersionCommand> Versions { get; init; } = [];

    /// <summary>The manifest's <c>cpus</c>: whether the server uses every CPU it is given (default: one loop).</summary>
    public CpuUse Cpus { get; init; } = CpuUse.One;

    public bool Supports(Mode mode) => Modes.Contains(mode);

    public bool Supports(AddressKind kind) => Addresses.Contains(kind);
}
