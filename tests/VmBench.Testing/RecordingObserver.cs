using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Testing;

/// <summary>A run observer that prints nothing and keeps the Runner's notes, the order of measurements and the benchmarks that left the run, for assertions.</summary>
public sealed class RecordingObserver : IRunObserver
{
    private readonly Lock _lock = new();

    public List<string> Notes { get; } = [];

    /// <summary>Each measurement as "trial: cell label", in the order they ran.</summary>
    public List<string> Measurements { get; } = [];

    public List<WarmupResult> Warmups { get; } = [];

    public void RunStarting(RunPlan plan, string runtime)
    {
    }

    public void Note(Benchmark? benchmark, string message) => Add(Notes, message);

    public void ServerStarting(Benchmark benchmark, int index, int count)
    {
    }

    public void WarmupFinished(Benchmark benchmark, WarmupResult warmup)
    {
        lock (_lock)
        {
            Warmups.Add(warmup);
        }
    }

    public void TrialStarting(int trial, int trials, TimeSpan timeLeft)
    {
    }

    public void MeasurementStarting(Cell cell, int trial, int position, int count)
    {
        ArgumentNullException.ThrowIfNull(cell);
        Add(Measurements, $"{trial}: {cell.Label}");
    }

    public void LoadProgress(Benchmark benchmark, LoadProgress progress)
    {
    }

    public void MeasurementFinished(Cell measured, TrialResult trial, VariationResult cell)
    {
    }

    public void BenchmarkOut(Benchmark benchmark, Status status, string reason)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        Add(Notes, $"{benchmark.Name}: {status}: {reason}");
    }

    public void RunFinished(RunResult result)
    {
    }

    private void Add(List<string> list, string text)
    {
        lock (_lock)
        {
            list.Add(text);
        }
    }
}
