using System.Diagnostics;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Runtimes.Readiness;

/// <summary>
/// Polls a readiness probe until the server answers correctly, and fails at once when it can tell the server never
/// will: it exited, or it listens on another address than the one it was told to use. Shared by every runtime.
/// </summary>
internal static class ReadinessWaiter
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Polls in a row that must see the server listening elsewhere: a server may bind a second socket a moment after its first.</summary>
    private const int WrongAddressPolls = 3;

    /// <summary>
    /// Returns when ready; throws <see cref="ServerStartException"/> when it is not, with how the server was started
    /// (<paramref name="started"/>) and its log tail.
    /// </summary>
    public static async Task WaitAsync(IReadinessProbe probe, IStartingServer server, ServerCommandLine started, Mode mode, TlsClient? tls, TimeSpan timeout, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(started);
        var address = started.Address;
        var clock = Stopwatch.StartNew();
        var elsewhere = 0;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (server.HasExited)
            {
                throw Failure($"the server exited before it was ready on {address}", started, server);
            }

            string? last;
            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                try
                {
                    last = await probe.TryOnceAsync(address, mode, tls, attempt.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    last = "no answer within 2 s";
                }
            }

            if (last is null)
            {
                return;
            }

            var pids = await server.HostProcessIdsAsync(cancellationToken).ConfigureAwait(false);
            var listening = pids.Count == 0 ? null : ListeningSockets.Of(pids);
            var instead = listening is null ? [] : ListeningSockets.Elsewhere(listening, address);
            elsewhere = instead.Count > 0 ? elsewhere + 1 : 0;
            if (elsewhere >= WrongAddressPolls && !server.HasExited)
            {
                throw Failure(
                    $"the server listens on {string.Join(", ", instead)}, not on {address}, the address it was told to use: it must listen where its --addr argument says (the harness picks a free address for every start)",
                    started,
                    server);
            }

            if (clock.Elapsed >= timeout)
            {
                var sockets = listening switch
                {
                    null => string.Empty,
                    { Count: 0 } => "; it listens on no socket yet",
                    _ => $"; it listens on {string.Join(", ", listening)}",
                };
                throw Failure(
                    $"the server was not ready on {address} after {timeout.TotalSeconds:0.#} s (last probe: {last}{sockets}). If it only starts slowly, give it longer: vmbench run and vmbench check take --ready-timeout SECONDS",
                    started,
                    server);
            }

            await Task.Delay(s_interval, cancellationToken).ConfigureAwait(false);
        }
    }

    private static ServerStartException Failure(string what, ServerCommandLine started, IStartingServer server) =>
        ServerStartException.WithLog(what, started.Describe(), server.LogTail());
}
