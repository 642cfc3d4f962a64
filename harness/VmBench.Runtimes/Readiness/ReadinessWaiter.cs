using System.Diagnostics;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Runtimes.Readiness;

/// <summary>Polls a readiness probe until the server answers correctly, exits, or the timeout passes. Shared by every runtime.</summary>
public static class ReadinessWaiter
{
    private static readonly TimeSpan s_interval = TimeSpan.FromMilliseconds(50);

    /// <summary>Returns when ready; throws <see cref="ServerStartException"/> (with the server's log tail) when it is not.</summary>
    public static async Task WaitAsync(IReadinessProbe probe, string address, Mode mode, TimeSpan timeout, Func<bool> hasExited, Func<string> logTail, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(probe);
        ArgumentNullException.ThrowIfNull(hasExited);
        ArgumentNullException.ThrowIfNull(logTail);
        var clock = Stopwatch.StartNew();
        string? last = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (hasExited())
            {
                throw ServerStartException.WithLog($"the server exited before it was ready on {address}", logTail());
            }

            using (var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
            {
                attempt.CancelAfter(TimeSpan.FromSeconds(2));
                try
                {
                    last = await probe.TryOnceAsync(address, mode, attempt.Token).ConfigureAwait(false);
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

            if (clock.Elapsed >= timeout)
            {
                throw ServerStartException.WithLog($"the server was not ready on {address} after {timeout.TotalSeconds:0.#} s (last probe: {last}; raise --ready-timeout if it is just slow)", logTail());
            }

            await Task.Delay(s_interval, cancellationToken).ConfigureAwait(false);
        }
    }
}
