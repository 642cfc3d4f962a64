using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>A frozen run description: what to run (selected benchmarks, with the reference and its A/A arm) and how (the config).</summary>
public sealed record RunPlan(IReadOnlyList<Benchmark> Benchmarks, RunConfig Config, string CommandLine, RunEnvironment Environment)
{
    public string RunJsonPath => Path.Combine(Config.Output, RunJson.FileName);

    public TimeSpan Duration => TimeSpan.FromSeconds(Config.DurationSeconds);

    public TimeSpan CellWarmup => TimeSpan.FromSeconds(Config.CellWarmupSeconds);

    public IEnumerable<(int Size, int Concurrency)> Variations =>
        Config.Sizes.SelectMany(size => Config.Concurrency.Select(c => (size, c)));

    /// <summary>
    /// The cells of one benchmark: every size x concurrency, or for a protocol without a payload axis (http sends a
    /// fixed request, sized <see cref="VariationResult.NoPayload"/>; connect a fixed small echo) one cell per concurrency at its <see cref="Protocol.FixedSize"/>.
    /// </summary>
    public IEnumerable<(int Size, int Concurrency)> VariationsOf(Benchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Protocol.FixedSize is { } size ? Config.Concurrency.Select(c => (size, c)) : Variations;
    }

    /// <summary>Every cell of the run, benchmark by benchmark: what each trial measures once.</summary>
    public IReadOnlyList<Cell> Cells => Benchmarks.SelectMany(b => VariationsOf(b).Select(v => new Cell(b, v.Size, v.Concurrency))).ToArray();

    /// <summary>The benchmark whose cells <paramref name="benchmark"/>'s are paired with: the reference of the same protocol (for the A/A arm too); null for the reference itself or when there is none.</summary>
    public Benchmark? ReferenceFor(Benchmark benchmark)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        return benchmark.Role == BenchmarkRole.Reference ? null : Benchmarks.FirstOrDefault(b => b.Role == BenchmarkRole.Reference && b.Protocol == benchmark.Protocol);
    }

    /// <summary>The most blocks measured again at the end of the run (<see cref="SlowBlocks"/>): the configured number, or a tenth of the run's blocks.</summary>
    public int RemeasureLimit => Config.RemeasureBlocks ?? SlowBlocks.DefaultLimit(Cells, Config.Trials);

    /// <summary>Rough wall time of what is left: warm-ups (at their minimum), measurements and sweeps (one per benchmark).</summary>
    public TimeSpan Estimate(int warmups, int measurements, int sweeps) =>
        (TimeSpan.FromSeconds(Config.Warmup.Enabled ? Config.Warmup.MinSeconds : 0) * warmups)
        + ((Duration + CellWarmup + TimeSpan.FromSeconds(0.2)) * measurements)
        + (Config.Sweep ? Duration * Runner.SweepFractions.Count * sweeps : TimeSpan.Zero);
}
