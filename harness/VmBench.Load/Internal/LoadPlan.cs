using System.Diagnostics;
using VmBench.Core.Model;

namespace VmBench.Load.Internal;

/// <summary>The timing of one job in Stopwatch ticks, fixed before the loops start, and the constant-rate send plan.</summary>
internal sealed class LoadPlan
{
    public LoadPlan(Mode mode, int concurrency, long start, TimeSpan warmup, TimeSpan duration, double? rate)
    {
        Mode = mode;
        Concurrency = concurrency;
        Start = start;
        MeasureStart = start + ToTicks(warmup);
        MeasureEnd = MeasureStart + ToTicks(duration);
        Rate = rate;
        TicksPerRequest = rate is { } r ? Stopwatch.Frequency / r : 0;
    }

    public Mode Mode { get; }

    public int Concurrency { get; }

    public long Start { get; }

    public long MeasureStart { get; }

    public long MeasureEnd { get; }

    public double? Rate { get; }

    public bool ConstantRate => Rate is not null;

    /// <summary>Constant rate: ticks between two requests of the whole job.</summary>
    public double TicksPerRequest { get; }

    /// <summary>Constant rate: connection <paramref name="connection"/> sends its request number <paramref name="k"/> (0-based) at start + (k x concurrency + connection) / rate.</summary>
    public long IntendedAt(int connection, long k) => Start + (long)(((k * Concurrency) + connection) * TicksPerRequest);

    public static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
}
