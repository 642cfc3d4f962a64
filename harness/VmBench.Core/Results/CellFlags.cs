namespace VmBench.Core.Results;

/// <summary>
/// What a reader must know before trusting a cell's figures; computed once (when run.json is written) and
/// carried unchanged into every output.
/// </summary>
/// <param name="Unsteady">The server's warm-up never became steady, or a trial's throughput trended during its measurement.</param>
/// <param name="ClientBound">The load client, not the server, limited the figure in at least one trial (its CPU near capacity, or a constant-rate plan not met).</param>
/// <param name="Saturated">Which side ran out of CPU when client-bound: "client", "client and server", or "server" (a constant-rate plan missed while the client had CPU to spare); null otherwise, or when a plan was missed with neither side at capacity.</param>
public sealed record CellFlags(bool Unsteady, string? UnsteadyReason, bool ClientBound, string? ClientBoundReason, string? Saturated)
{
    public static CellFlags None { get; } = new(false, null, false, null, null);
}
