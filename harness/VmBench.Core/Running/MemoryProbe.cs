using VmBench.Core.Results;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Running;

/// <summary>
/// Reads a server's memory during one short load job for <see cref="ConnectionMemory"/>: once the connections are
/// open and idle (the load client's hook between connecting and loading), and once halfway through the load.
/// </summary>
internal sealed class MemoryProbe
{
    /// <summary>How long the load runs: long enough for every connection to carry requests, short beside a run.</summary>
    public static readonly TimeSpan LoadTime = TimeSpan.FromSeconds(0.6);

    private readonly IRunningServer _server;
    private readonly int _connections;
    private readonly long _baseline;
    private long? _idle;
    private Task<long?>? _active;

    public MemoryProbe(IRunningServer server, int connections, long baseline)
    {
        _server = server;
        _connections = connections;
        _baseline = baseline;
    }

    /// <summary>The server's memory now; null when its runtime cannot tell.</summary>
    public static async Task<long?> ReadAsync(IRunningServer server, CancellationToken cancellationToken) =>
        server.HasExited ? null : (await server.ReadUsageAsync(cancellationToken).ConfigureAwait(false))?.MemoryBytes;

    /// <summary>The load client's hook: every connection is set up and idle.</summary>
    public async Task ConnectedAsync(CancellationToken cancellationToken)
    {
        _idle = await ReadAsync(_server, cancellationToken).ConfigureAwait(false);
        _active = ReadLaterAsync(cancellationToken);
    }

    /// <summary>After the load has ended: the readings.</summary>
    public async Task<ConnectionMemory> EndAsync() =>
        new(_connections, _baseline, _idle, _active is null ? null : await _active.ConfigureAwait(false));

    private async Task<long?> ReadLaterAsync(CancellationToken cancellationToken)
    {
        await Task.Delay(LoadTime / 2, cancellationToken).ConfigureAwait(false);
        return await ReadAsync(_server, cancellationToken).ConfigureAwait(false);
    }
}
