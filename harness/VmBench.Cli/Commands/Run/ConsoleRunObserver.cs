using System.Globalization;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Tables;

namespace VmBench.Cli.Commands.Run;

/// <summary>Prints a run's progress (start-up and warm-up, each trial's measurements, time left) and its closing summary table.</summary>
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
        var c = plan.Config;
        _out.WriteLine($"vmbench run: {plan.Benchmarks.Count} benchmark(s), {plan.Cells.Count} cell(s) in all x {c.Trials} randomized interleaved trial(s) (seed {c.Seed}), runtime {runtime}, about {Format(plan.Estimate(plan.Benchmarks.Count, plan.Cells.Count * c.Trials, plan.Benchmarks.Count))}");
        _out.WriteLine($"  reference {c.Reference ?? "none"}{(c.Aa ? " with an A/A arm" : string.Empty)}; server CPUs [{string.Join(',', c.ServerCpus)}], client CPUs [{string.Join(',', c.ClientCpus)}]; results in {c.Output}");
    }

    public void Note(Benchmark? benchmark, string message) => _out.WriteLine("  " + ConsoleText.Block(message));

    public void ServerStarting(Benchmark benchmark, int index, int count)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        _out.WriteLine($"[start {index + 1}/{count}] {ConsoleText.Line(benchmark.Name)}: {ConsoleText.Line(benchmark.Server.Title)}");
    }

    public void WarmupFinished(Benchmark benchmark, WarmupResult warmup)
    {
        ArgumentNullException.ThrowIfNull(warmup);
        Clear();
        _out.WriteLine($"  warm-up {warmup.Describe()}{(warmup.Steady ? string.Empty : "  [unsteady: its cells are flagged]")}");
    }

    public void TrialStarting(int trial, int trials, TimeSpan timeLeft)
    {
        _out.WriteLine();
        _out.WriteLine($"trial {trial}/{trials} (every cell once, in a fresh random order; about {Format(timeLeft)} left)");
    }

    public void MeasurementStarting(Cell cell, int trial, int position, int count)
    {
        ArgumentNullException.ThrowIfNull(cell);
        _out.Write(_interactive ? $"  [{position}/{count}] {cell.Label} ..." : string.Empty);
    }

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

    public void MeasurementFinished(Cell measured, TrialResult trial, VariationResult cell)
    {
        ArgumentNullException.ThrowIfNull(measured);
        ArgumentNullException.ThrowIfNull(trial);
        Clear();
        var r = trial.Result;
        if (!r.Succeeded)
        {
            _out.WriteLine($"  [{trial.Position}] {ConsoleText.Line(measured.Label),-36} FAILED: {ConsoleText.Block(r.Failure)}");
            return;
        }

        var flags = new List<string>();
        if (trial.TrendPercent is { } t)
        {
            flags.Add(string.Create(s_culture, $"trended {t:+0;-0} %"));
        }

        if (r.Client?.ClientBound == true)
        {
            // As the cell's flag: a constant-rate plan missed while the client had CPU to spare is the server's limit.
            flags.Add(LoadLimits.ClientSaturated(r) ? "client-bound" : "rate not met");
        }

        _out.WriteLine(string.Create(s_culture, $"  [{trial.Position}] {ConsoleText.Line(measured.Label),-36} {r.RequestsPerSecond,10:N0} req/s  p99 {r.Latency.P99,8:0.###} ms{(flags.Count > 0 ? $"  [{string.Join(", ", flags)}]" : string.Empty)}"));
    }

    public void BenchmarkOut(Benchmark benchmark, Status status, string reason)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        Clear();
        _out.WriteLine($"  {ConsoleText.Line(benchmark.Name)}: {status.ToString().ToUpperInvariant()}: {ConsoleText.Block(reason)}");
    }

    public void RunFinished(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        _out.WriteLine();
        _out.Write(ConsoleSummary.Render(result));
        _out.WriteLine(ConsoleSummary.Tally(result));
    }

    private void Clear()
    {
        if (_interactive)
        {
            _out.Write("\r" + new string(' ', 70) + "\r");
        }
    }

    private static string Format(TimeSpan span) =>
        span.TotalHours >= 1 ? $"{(int)span.TotalHours}h{span.Minutes:00}m" : span.TotalMinutes >= 1 ? $"{(int)span.TotalMinutes}m{span.Seconds:00}s" : $"{span.Seconds}s";
}
