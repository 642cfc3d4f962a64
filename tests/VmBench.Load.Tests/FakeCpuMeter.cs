using System.Diagnostics;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

/// <summary>A CPU meter that reports a fixed share of the wall clock as this process's CPU time.</summary>
internal sealed class FakeCpuMeter : ICpuMeter
{
    private readonly long _started = Stopwatch.GetTimestamp();
    private readonly double _busy;

    public FakeCpuMeter(double busy, int cores = 1)
    {
        _busy = busy;
        AvailableCores = cores;
    }

    public int AvailableCores { get; }

    public TimeSpan ProcessCpuTime() => Stopwatch.GetElapsedTime(_started) * (_busy * AvailableCores);
}
