using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Testing;

namespace VmBench.Docker.Tests.Support;

/// <summary>
/// A tiny closed-loop echo client for the tests (the real one is VmBench.Load's): every
/// connection sends a payload, reads it back, checks it byte for byte, until the duration ends.
/// <see cref="During"/> runs beside the load (to kill a container in the middle, or press Ctrl-C).
/// </summary>
public sealed class EchoLoad : ILoadGenerator
{
    public Func<LoadSpec, CancellationToken, Task>? During { get; set; }

    public int Runs { get; private set; }

    /// <remarks>The connections open inside the load, so <paramref name="connected"/> is called before they do.</remarks>
    public async Task<LoadResult> RunAsync(LoadSpec spec, IProgress<LoadProgress>? progress, Func<CancellationToken, Task>? connected, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Runs++;
        if (connected is not null)
        {
            await connected(cancellationToken).ConfigureAwait(false);
        }

        var clock = Stopwatch.StartNew();
        var requests = 0L;
        string? failure = null;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var hook = During is null ? Task.CompletedTask : During(spec, cancellationToken);
        var connections = Enumerable.Range(0, spec.Concurrency).Select(async i =>
        {
            try
            {
                using var socket = await Wire.ConnectAsync(spec.Address, stop.Token).ConfigureAwait(false);
                var payload = new byte[spec.MessageSize];
                Random.Shared.NextBytes(payload);
                var answer = new byte[spec.MessageSize];
                while (clock.Elapsed < spec.Duration && !stop.IsCancellationRequested)
                {
                    await socket.SendAsync(payload, SocketFlags.None, stop.Token).ConfigureAwait(false);
                    var read = 0;
                    while (read < answer.Length)
                    {
                        var n = await socket.ReceiveAsync(answer.AsMemory(read), SocketFlags.None, stop.Token).ConfigureAwait(false);
                        if (n == 0)
                        {
                            throw new IOException("the server closed the connection");
                        }

                        read += n;
                    }

                    if (!answer.AsSpan().SequenceEqual(payload))
                    {
                        throw new InvalidDataException("the echo differs from the payload");
                    }

                    Interlocked.Increment(ref requests);
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidDataException)
            {
                failure ??= $"connection {i}: {ex.Message}";
                await stop.CancelAsync().ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Another connection failed and stopped this one.
            }
        }).ToArray();
        await Task.WhenAll(connections).ConfigureAwait(false);
        await hook.ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        var seconds = clock.Elapsed.TotalSeconds;
        var latency = new LatencySummary(requests, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []);
        return new LoadResult(requests, requests, requests * spec.MessageSize * 2, seconds, requests / seconds, requests * spec.MessageSize / seconds / (1 << 20), latency, null, null, 0, failure, [], null, null);
    }
}
