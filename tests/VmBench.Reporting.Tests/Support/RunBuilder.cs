using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tests.Support;

/// <summary>Builds synthetic, deterministic runs: figures derive from the requests/s asked for, with a fixed "noise" pattern across trials.</summary>
internal sealed class RunBuilder
{
    private static readonly double[] s_noisePattern = [0.0, 0.6, -0.5, 0.9, -0.8, 0.3, -0.2, 0.7, -0.6, 0.1];

    private static readonly double[] s_spectrumPercentiles = [0, 10, 25, 50, 75, 90, 95, 99, 99.5, 99.9, 99.95, 99.99, 99.999, 100];

    private readonly List<BenchmarkResult> _benchmarks = [];
    private DateTimeOffset _date = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);
    private double? _rate;
    private int _repeat = 1;

    private static readonly CellSummarizer s_summarizer = new(PerfolizerSummarizer.Instance);

    private static readonly WarmupResult s_steady = new(4, true, [1, 1, 1, 1], 0, 0);

    public RunBuilder At(DateTimeOffset date)
    {
        _date = date;
        return this;
    }

    public RunBuilder ConstantRate(double rate)
    {
        _rate = rate;
        return this;
    }

    public RunBuilder Repeat(int repeat)
    {
        _repeat = repeat;
        return this;
    }

    public RunBuilder Benchmark(string server, Action<BenchmarkBuilder> configure, string protocol = "tcpecho", string? title = null)
    {
        var builder = new BenchmarkBuilder(server, protocol, title ?? $"{server} echo server", _rate);
        configure(builder);
        _benchmarks.Add(builder.Build());
        return this;
    }

    public RunBuilder Failed(string server, string reason, string protocol = "tcpecho", string? title = null)
    {
        _benchmarks.Add(new BenchmarkResult($"{protocol}-{server}", server, title ?? server, "loop-" + server, "C#", protocol, BenchmarkRole.Measured, Status.Failed, reason, null, [], []));
        return this;
    }

    public RunBuilder Skipped(string server, string reason, string protocol = "tcpecho")
    {
        _benchmarks.Add(new BenchmarkResult($"{protocol}-{server}", server, server, "loop-" + server, "C#", protocol, BenchmarkRole.Measured, Status.Skipped, reason, null, [], []));
        return this;
    }

    public RunResult Build()
    {
        var sizes = _benchmarks.SelectMany(b => b.Variations).Select(v => v.MessageSize).Distinct().Order().ToList();
        var concurrency = _benchmarks.SelectMany(b => b.Variations).Select(v => v.Concurrency).Distinct().Order().ToList();
        return new RunResult(
            RunResult.CurrentSchemaVersion,
            RunResult.ToolName,
            _date,
            _benchmarks.Any(b => b.Status == Status.Failed) ? RunStatus.Failed : RunStatus.Completed,
            "vmbench run --benchmarks tcpecho-.* --trials " + _repeat,
            "local",
            new Dictionary<string, string> { ["engine"] = "processes" },
            new RunEnvironment("bench-host", "Debian GNU/Linux 13", "6.12.0", "Test CPU @ 3.0GHz", 2, ".NET 10.0.0", "0.1.0-test", new Dictionary<string, string> { ["libuv"] = "1.50.0" }),
            new RunConfig([".*"], "local", concurrency, sizes, 5, _repeat, 42, null, false, WarmupPolicy.Default, 0.5, _rate, false, [0], [1], 1, 10, "results/test"),
            _benchmarks);
    }

    internal sealed class BenchmarkBuilder
    {
        private readonly string _server;
        private readonly string _protocol;
        private readonly string _title;
        private readonly double? _rate;
        private readonly List<VariationResult> _variations = [];
        private readonly List<SweepStep> _sweep = [];
        private readonly SortedDictionary<string, string> _environment = new(StringComparer.Ordinal);
        private readonly List<RuntimeVersion> _versions = [];
        private Status _status = Status.Ok;
        private string? _reason;

        public BenchmarkBuilder(string server, string protocol, string title, double? rate)
        {
            _server = server;
            _protocol = protocol;
            _title = title;
            _rate = rate;
        }

        /// <param name="noise">Relative spread of requests/s across repeats (the pattern is fixed, so results are reproducible).</param>
        public BenchmarkBuilder Variation(int size, int concurrency, double rps, int repeats = 1, double noise = 0.01, bool clientBound = false, ResourceUsage? server = null)
        {
            var trials = Enumerable.Range(0, repeats)
                .Select(i => Load(size, concurrency, rps * (1 + (noise * s_noisePattern[i % s_noisePattern.Length])), clientBound))
                .Select((r, i) => new TrialResult(i + 1, 1, new DateTimeOffset(2026, 1, 2, 3, 4, 5 + i, TimeSpan.Zero), r, server is null ? null : 0.5, server is null ? null : server.CpuSeconds * 1e6 / r.Requests, server?.PeakMemoryBytes, null))
                .ToList();
            _variations.Add(new VariationResult(concurrency, size, Status.Ok, null, trials, s_summarizer.Summarize(trials, s_steady, null)));
            return this;
        }

        public BenchmarkBuilder FailedVariation(int size, int concurrency, string reason)
        {
            _variations.Add(new VariationResult(concurrency, size, Status.Failed, reason, [], null));
            _status = Status.Failed;
            _reason = reason;
            return this;
        }

        public BenchmarkBuilder Environment(string name, string value)
        {
            _environment[name] = value;
            return this;
        }

        public BenchmarkBuilder Version(string name, string? version, string? error)
        {
            _versions.Add(new RuntimeVersion(name, [name.ToLowerInvariant(), "--version"], version, error));
            return this;
        }

        public BenchmarkBuilder Sweep(params double[] offeredRates)
        {
            for (var i = 0; i < offeredRates.Length; i++)
            {
                _sweep.Add(new SweepStep((i + 1.0) / offeredRates.Length, offeredRates[i], Load(1024, 10, offeredRates[i], false, offeredRates[i])));
            }

            return this;
        }

        public BenchmarkResult Build() =>
            new($"{_protocol}-{_server}", _server, _title, "loop-" + _server, "C#", _protocol, BenchmarkRole.Measured, _status, _reason, s_steady, _variations, _sweep, _environment.Count == 0 ? null : _environment, _versions.Count == 0 ? null : _versions);

        private LoadResult Load(int size, int concurrency, double rps, bool clientBound, double? intended = null)
        {
            var seconds = 5.0;
            var requests = (long)Math.Round(rps * seconds);
            var meanMs = concurrency / rps * 1000;
            var latency = Latency(requests, meanMs);
            var rate = intended ?? _rate;
            return new LoadResult(
                requests,
                requests,
                requests * size * 2,
                seconds,
                rps,
                rps * size * 2 / (1024 * 1024),
                latency,
                rate is null ? null : Latency(requests, meanMs * 1.5),
                rate,
                0,
                null,
                Enumerable.Range(1, 5).Select(s => new TimelineSample(s, rps * (1 + (0.02 * s_noisePattern[s])), latency.P99)).ToList(),
                new ClientUsage(seconds * 0.5, clientBound ? 0.98 : 0.5, 10, clientBound, clientBound ? "client CPU at 98 %" : null),
                null);
        }

        private static LatencySummary Latency(long count, double meanMs)
        {
            double At(double p) => meanMs * (0.2 + (1.6 * p / 100) + (p >= 99 ? (p - 98) * 0.8 : 0));
            return new LatencySummary(
                count,
                At(0),
                meanMs,
                At(100),
                meanMs * 0.3,
                0.3,
                At(25),
                At(50),
                At(75),
                At(90),
                At(99),
                At(99.9),
                At(99.99),
                s_spectrumPercentiles.Select(p => new PercentilePoint(p, At(p))).ToList());
        }
    }
}
