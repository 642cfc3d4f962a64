using System.Globalization;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Cli.Commands.Run;

/// <summary>Prints a run's progress (benchmark, variation, time left) and its closing summary table.</summary>
public sealed class ConsoleRunObserver : IRunObserver
{
    private static readonly CultureInfo s_culture = CultureInfo.InvariantCulture;
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private DateTime _lastTick;

    public ConsoleRunObserver(TextWriter output)
    {
        _out = output;
        _interactive = !Console.IsOutputRedirected && ReferenceEquals(output, Console.Out);
    }

    public void RunStarting(RunPlan plan, string runtime)
    {
        ArgumentNullException.ThrowIfNull(plan);
        _out.WriteLine($"vmbench run: {plan.Benchmarks.Count} benchmark(s) x {plan.Variations.Count()} variation(s) x {plan.Config.Repeat} repeat(s), runtime {runtime}, about {Format(plan.Estimate(plan.Benchmarks.Count))}");
        _out.WriteLine($"  server CPUs [{string.Join(',', plan.Config.ServerCpus)}], client CPUs [{string.Join(',', plan.Config.ClientCpus)}]; results in {plan.Config.Output}");
    }

    public void BenchmarkStarting(Benchmark benchmark, int index, int count, TimeSpan timeLeft)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        _out.WriteLine();
        _out.WriteLine($"[{index + 1}/{count}] {benchmark.Name}: {benchmark.Server.Title} (about {Format(timeLeft)} left)");
    }

    public void Note(Benchmark benchmark, string message) => _out.WriteLine("  " + message);

    public void VariationStarting(Benchmark benchmark, string label, int repeat, int repeats) =>
        _out.Write(_interactive ? $"  {label}{(repeats > 1 ? $" #{repeat}/{repeats}" : string.Empty)} ..." : string.Empty);

    public void LoadProgress(Benchmark benchmark, LoadProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (!_interactive || DateTime.UtcNow - _lastTick < TimeSpan.FromMilliseconds(500))
        {
            return;
        }

        _lastTick = DateTime.UtcNow;
        var left = progress.Total - progress.Elapsed;
        _out.Write($"\r  {(progress.WarmingUp ? "warm-up" : "measuring")} {progress.RecentRequestsPerSecond.ToString("N0", s_culture)} req/s, {Math.Max(0, left.TotalSeconds):0} s left     ");
    }

    public void VariationFinished(Benchmark benchmark, VariationResult variation)
    {
        ArgumentNullException.ThrowIfNull(variation);
        if (_interactive)
        {
            _out.Write("\r" + new string(' ', 70) + "\r");
        }

        if (variation.Status != Status.Ok || variation.Summary is null)
        {
            _out.WriteLine($"  {variation.Label,-16} FAILED: {variation.Reason}");
            return;
        }

        var last = variation.Runs[^1];
        var bound = variation.Runs.Any(r => r.Client?.ClientBound == true) ? "  [client-bound]" : string.Empty;
        _out.WriteLine(string.Create(s_culture, $"  {variation.Label,-16} {variation.Summary.RequestsPerSecond.Median,12:N0} req/s {last.MiBPerSecond,9:N1} MiB/s  p50 {last.Latency.P50,7:0.###} ms  p99 {variation.Summary.P99Ms.Median,7:0.###} ms{bound}"));
    }

    public void BenchmarkFinished(BenchmarkResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Status != Status.Ok)
        {
            _out.WriteLine($"  {result.Status.ToString().ToUpperInvariant()}: {result.Reason}");
        }
    }

    public void RunFinished(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _out.WriteLine();
        _out.WriteLine($"{"benchmark",-24} {"variation",-16} {"req/s",12} {"MiB/s",9} {"p50 ms",8} {"p99 ms",8}  status");
        foreach (var benchmark in result.Benchmarks)
        {
            if (benchmark.Variations.Count == 0)
            {
                _out.WriteLine($"{benchmark.Name,-24} {"-",-16} {"-",12} {"-",9} {"-",8} {"-",8}  {benchmark.Status.ToString().ToLowerInvariant()}");
                continue;
            }

            foreach (var v in benchmark.Variations)
            {
                var ok = v.Summary is not null && v.Runs.Count > 0;
                _out.WriteLine(string.Create(s_culture, $"{benchmark.Name,-24} {v.Label,-16} {(ok ? v.Summary!.RequestsPerSecond.Median.ToString("N0", s_culture) : "-"),12} {(ok ? v.Runs[^1].MiBPerSecond.ToString("N1", s_culture) : "-"),9} {(ok ? v.Runs[^1].Latency.P50.ToString("0.###", s_culture) : "-"),8} {(ok ? v.Summary!.P99Ms.Median.ToString("0.###", s_culture) : "-"),8}  {v.Status.ToString().ToLowerInvariant()}"));
            }
        }

        var failed = result.Benchmarks.Count(b => b.Status == Status.Failed);
        var skipped = result.Benchmarks.Count(b => b.Status == Status.Skipped);
        _out.WriteLine($"{result.Benchmarks.Count} benchmark(s): {result.Benchmarks.Count - failed - skipped} ok, {failed} failed, {skipped} skipped; run {result.Status.ToString().ToLowerInvariant()}");
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
}
