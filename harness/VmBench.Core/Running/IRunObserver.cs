using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>Progress of a run, for the console: the Runner reports, an observer prints.</summary>
public interface IRunObserver
{
    void RunStarting(RunPlan plan, string runtime);

    /// <summary>A line about one benchmark (build, stop), or about the run when <paramref name="benchmark"/> is null.</summary>
    void Note(Benchmark? benchmark, string message);

    void ServerStarting(Benchmark benchmark, int index, int count);

    void WarmupFinished(Benchmark benchmark, WarmupResult warmup);

    void TrialStarting(int trial, int trials, TimeSpan timeLeft);

    void MeasurementStarting(Cell cell, int trial, int position, int count);

    void LoadProgress(Benchmark benchmark, LoadProgress progress);

    /// <param name="cell">The cell as recorded after this trial (all its trials so far, and their summary).</param>
    void MeasurementFinished(Cell measured, TrialResult trial, VariationResult cell);

    /// <summary>A benchmark left the run early: skipped, or failed with its reason.</summary>
    void BenchmarkOut(Benchmark benchmark, Status status, string reason);

    void RunFinished(RunResult result);
}
