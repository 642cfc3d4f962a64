using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Docker.Tests.Support;

/// <summary>Keeps the Runner's notes for assertions and test output.</summary>
public sealed class NullObserver : IRunObserver
{
    public List<string> Notes { get; } = [];

    public void RunStarting(RunPlan plan, string runtime)
    {
    }

    public void BenchmarkStarting(Benchmark benchmark, int index, int count, TimeSpan timeLeft)
    {
    }

    public void Note(Benchmark benchmark, string message)
    {
        lock (Notes)
        {
            Notes.Add($"{benchmark.Name}: {message}");
        }
    }

    public void VariationStarting(Benchmark benchmark, string label, int repeat, int repeats)
    {
    }

    public void LoadProgress(Benchmark benchmark, LoadProgress progress)
    {
    }

    public void VariationFinished(Benchmark benchmark, VariationResult variation)
    {
    }

    public void BenchmarkFinished(BenchmarkResult result)
    {
    }

    public void RunFinished(RunResult result)
    {
    }
}
