using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using HdrHistogram;
using VmBench.Load.Internal;

namespace VmBench.Micro.HotPath;

/// <summary>
/// What the load client does for every completed request (EventLoop.Complete, closed loop): Stopwatch ticks to
/// nanoseconds, recorded (clamped) into the loop's 3-digit latency histogram and into the 2-digit histogram of
/// the per-second timeline. The real internal types: <see cref="Clock"/> and <see cref="Histograms"/>.
/// </summary>
[MemoryDiagnoser]
public class LatencyRecordingBenchmarks
{
    private const int Samples = 4096;

    private readonly long[] _ticks = new long[Samples];
    private LongHistogram _latency = null!;
    private LongHistogram _second = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _latency = Histograms.Create();
        _second = Histograms.Create();

        // Latencies spread log-uniformly from 10 µs to 10 ms, like a loaded echo server's, in Stopwatch ticks.
        var random = new Random(0x5EED);
        for (var i = 0; i < _ticks.Length; i++)
        {
            var nanoseconds = 10_000 * Math.Pow(1000, random.NextDouble());
            _ticks[i] = (long)(nanoseconds * Stopwatch.Frequency / 1e9);
        }
    }

    [Benchmark]
    public void RecordLatency() => Histograms.Record(_latency, Clock.ToNanoseconds(_ticks[_next++ & (Samples - 1)]));

    [Benchmark]
    public void RecordLatencyAndSecond()
    {
        var latency = Clock.ToNanoseconds(_ticks[_next++ & (Samples - 1)]);
        Histograms.Record(_latency, latency);
        Histograms.Record(_second, latency);
    }
}
