using System.Diagnostics;
using Docker.DotNet;
using Docker.DotNet.Models;
using VmBench.Core.Runtimes;

namespace VmBench.Runtimes.Docker.Internal;

/// <summary>
/// A container's usage over one measurement, from the engine's stats stream. The engine sends a sample as the
/// stream opens and one a second after that, so opening and ending a window of a few seconds costs no wall time (a
/// one-shot stats request waits up to a second for the engine's next sample, which added seconds to every
/// measurement). The CPU figure is the CPU between the first and the last sample that arrived inside the window, over
/// the engine's own time stamps of those two samples (the engine's first sample can take a second or more to come,
/// so the figure may cover only part of the window). A window that saw only one sample waits for the next and divides
/// by the time from the first sample's arrival to the window's end (the server is idle after the load, so the time
/// after the end adds no CPU).
/// <c>sawMemory</c> takes the window's highest memory and returns the container's peak so far.
/// </summary>
internal sealed class StatsStreamWindow : IUsageWindow, IProgress<ContainerStatsResponse>
{
    private static readonly TimeSpan s_lateSampleWait = TimeSpan.FromSeconds(2.5);

    private readonly List<Sample> _samples = [];
    private readonly CancellationTokenSource _stop;
    private readonly Task _stream;
    private readonly Func<long, long> _sawMemory;
        private readonly TaskCompletionSource _late = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _endedAt = long.MaxValue;
    private int _disposed;

    public StatsStreamWindow(DockerClient client, string id, Func<long, long> sawMemory, CancellationToken cancellationToken)
    {
        _sawMemory = sawMemory;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        _stream = Task.Run(() => client.Containers.GetContainerStatsAsync(id, new ContainerStatsParameters { Stream = true }, this, _stop.Token));
    }

    /// <summary>Called by the stream for every sample, on its own thread.</summary>
    public void Report(ContainerStatsResponse value)
    {
        var arrived = Stopwatch.GetTimestamp();
        if (value.CPUStats?.CPUUsage is not { } cpu || value.MemoryStats is not { } memory || value.Read == default)
        {
            return;
        }

        lock (_samples)
        {
            var sample = new Sample(arrived, value.Read, cpu.TotalUsage, ContainerMemory.Current(memory), (long)memory.MaxUsage);
            if (arrived <= _endedAt)
            {
                _samples.Add(sample);
            }
            else if (_samples.Count == 1)
            {
                _samples.Add(sample);
                _late.TrySetResult();
            }
        }
    }

    public async Task<WindowUsage?> EndAsync(CancellationToken cancellationToken)
    {
        bool late;
        lock (_samples)
        {
            _endedAt = Stopwatch.GetTimestamp();
            late = _samples.Count == 1;
        }

        if (late)
        {
            await Task.WhenAny(_late.Task, Task.Delay(s_lateSampleWait, cancellationToken)).ConfigureAwait(false);
            cancellationToken.ThrowIfCancellationRequested();
        }

        await DisposeAsync().ConfigureAwait(false);
        lock (_samples)
        {
            var peak = _sawMemory(_samples.Count == 0 ? 0 : _samples.Max(s => Math.Max(s.Memory, s.MaxUsage)));
            if (_samples.Count < 2 || _samples[^1].CpuNanoseconds < _samples[0].CpuNanoseconds)
            {
                return null;
            }

            var cpu = (_samples[^1].CpuNanoseconds - _samples[0].CpuNanoseconds) / 1e9;
            var seconds = late ? Stopwatch.GetElapsedTime(_samples[0].ArrivedAt, _endedAt).TotalSeconds : (_samples[^1].Read - _samples[0].Read).TotalSeconds;
            return new WindowUsage(cpu, seconds, peak);
        }
    }

    /// <summary>Stops the stream without waiting for it: the engine's stream notices the cancellation only at its next sample, up to a second later.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        _ = _stream.ContinueWith(
            static (stream, stop) =>
            {
                _ = stream.Exception; // observed: the stream ends with the window, or ended with the container
                ((CancellationTokenSource)stop!).Dispose();
            },
            _stop,
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private sealed record Sample(long ArrivedAt, DateTime Read, ulong CpuNanoseconds, long Memory, long MaxUsage);
}
