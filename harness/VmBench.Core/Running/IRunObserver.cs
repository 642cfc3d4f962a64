using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>Progress of a run, for the console: the Runner reports, an observer prints.</summary>
public interface IRunObserver
{
    void RunStarting(RunPlan plan, string runtime);

    void BenchmarkStarting(Benchmark benchmark, int index, int count, TimeSpan timeLeft);

    void Note(Benchmark benchmark, string message);

    void VariationStarting(Benchmark benchmark, string label, int repeat, int repeats);

    void LoadProgress(Benchmark benchmark, LoadProgress progress);

    void VariationFinished(Benchmark benchmark, VariationResult variation);

    void BenchmarkFinished(BenchmarkResult result);

    void RunFinished(RunResult result);
}
