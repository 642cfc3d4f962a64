namespace VmBench.Core.Results;

/// <summary>
/// What connections cost a server in memory, as its runtime reads it (a local process tree's resident memory; a
/// container's memory, kernel socket buffers charged to it included): the fresh server's memory right after it
/// started (the baseline), then with this many connections open and idle (each has answered one request), and
/// halfway through a short load on them. Per connection: the rise over the baseline, divided by their number.
/// Measured from the fewest connections up, so what a smaller level left allocated (a garbage-collected heap, a
/// buffer pool) is small beside what the next needs; read it at the highest count.
/// </summary>
/// <param name="Connections">The connections the measurement held.</param>
/// <param name="IdleBytes">With the connections open and idle; null when the runtime could not tell.</param>
/// <param name="ActiveBytes">Halfway through the load; null when the runtime could not tell.</param>
public sealed record ConnectionMemory(int Connections, long BaselineBytes, long? IdleBytes, long? ActiveBytes)
{
    public double? IdleBytesPerConnection => PerConnection(IdleBytes);

    public double? ActiveBytesPerConnection => PerConnection(ActiveBytes);

    private double? PerConnection(long? bytes) => bytes is { } b && Connections > 0 ? (double)(b - BaselineBytes) / Connections : null;
}
