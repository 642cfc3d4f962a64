using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Support;

/// <summary>Runs with a reference measured in the same trials as the servers, on a machine that drifts between trials.</summary>
internal static class ReferenceRuns
{
    /// <summary>A run of one cell (tcpecho 1 KiB c=10) per server, the first the reference: in trial t every server measures machine[t] x its factor x (1 + noise x a fixed pattern).</summary>
    public static RunResult Run(IReadOnlyList<double> machine, params (string Server, BenchmarkRole Role, double Factor, double Noise)[] servers)
    {
        var summarizer = new CellSummarizer(PerfolizerSummarizer.Instance);
        var warm = new WarmupResult(4, true, [1, 1, 1, 1], 0, 0);
        IReadOnlyList<TrialResult>? referenceTrials = null;
        var benchmarks = new List<BenchmarkResult>();
        var pattern = new[] { 0.6, -0.9, 0.2, 1.0, -0.4 };
        foreach (var (server, role, factor, noise) in servers)
        {
            var trials = machine.Select((m, i) => new TrialResult(i + 1, 1, DateTimeOffset.UnixEpoch, Load(m * factor * (1 + (noise * pattern[(i + server.Length + (int)role) % pattern.Length]))), null, null, null, null)).ToArray();
            referenceTrials ??= trials;
            var summary = summarizer.Summarize(trials, warm, role == BenchmarkRole.Reference ? null : ("tcpecho-c-epoll", referenceTrials));
            var name = "tcpecho-" + server + (role == BenchmarkRole.AaArm ? Benchmark.AaSuffix : string.Empty);
            benchmarks.Add(new BenchmarkResult(name, server, server, "loop", "c", "tcpecho", role, Status.Ok, null, warm, [new VariationResult(10, 1024, Status.Ok, null, trials, summary)], []));
        }

        var typical = SampleRuns.Typical();
        return typical with { Config = typical.Config with { Trials = machine.Count, Reference = "c-epoll", Aa = servers.Any(s => s.Role == BenchmarkRole.AaArm) }, Benchmarks = benchmarks };
    }

    private static LoadResult Load(double rps)
    {
        var latency = new LatencySummary(1000, 0.1, 0.2, 1, 0.05, 0.25, 0.15, 0.2, 0.25, 0.3, 0.5, 0.9, 1, [new PercentilePoint(50, 0.2)]);
        return new LoadResult((long)rps, (long)rps, (long)rps * 1024, 1, rps, rps / 1024, latency, null, null, 0, null, [], null, null);
    }
}
