using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>A frozen run description: what to run (selected benchmarks) and how (the config).</summary>
public sealed record RunPlan(IReadOnlyList<Benchmark> Benchmarks, RunConfig Config, string CommandLine, RunEnvironment Environment)
{
    public string RunJsonPath => Path.Combine(Config.Output, RunJson.FileName);

    public TimeSpan Duration => TimeSpan.FromSeconds(Config.DurationSeconds);

    public TimeSpan Warmup => TimeSpan.FromSeconds(Config.WarmupSeconds);

    public IEnumerable<(int Size, int Concurrency)> Variations =>
        Config.Sizes.SelectMany(size => Config.Concurrency.Select(c => (size, c)));

    /// <summary>Rough wall time of the whole run, for progress: warm-up plus every variation's repeats, per benchmark.</summary>
    public TimeSpan Estimate(int benchmarks) =>
        (Warmup + (Duration * ((Variations.Count() * Config.Repeat) + (Config.Sweep ? Runner.SweepFractions.Count : 0)))) * benchmarks;
}
