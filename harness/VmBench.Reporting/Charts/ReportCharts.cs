using System.Globalization;
using System.Text;
using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Reporting.Micro;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Charts;

/// <summary>
/// Decides the charts of a report from a run: what to plot, with which unit and colours. Servers are compared
/// within a protocol (tcpecho, readline ...), each server always in its <see cref="ServerPalette"/> colour.
/// </summary>
public static class ReportCharts
{
    /// <summary>Bars and lines that stand for no server (micro-benchmarks).</summary>
    public const string NeutralColor = "#4c72b0";

    public static IReadOnlyList<ChartSpec> Build(RunResult run, IReadOnlyList<MicroBenchmark> micro)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(micro);
        var palette = PaletteOf(run);
        var rows = ResultRows.From(run).Where(r => r.Variation is not null && r.Representative is not null).ToList();
        var protocols = rows.Select(r => r.Benchmark.Protocol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var charts = new List<ChartSpec>();
        foreach (var protocol in protocols)
        {
            charts.Add(Throughput(protocol, rows.Where(r => r.Benchmark.Protocol == protocol).ToList(), palette));
            var paired = rows.Where(r => r.Benchmark.Protocol == protocol && r.Summary?.ReferenceRatio is not null).ToList();
            if (paired.Count > 0)
            {
                charts.Add(FractionOfLimit(protocol, paired, palette));
            }
        }

        foreach (var protocol in protocols)
        {
            var ofProtocol = rows.Where(r => r.Benchmark.Protocol == protocol).ToList();
            foreach (var (size, concurrency) in Cells(ofProtocol))
            {
                var spectrum = Spectrum(protocol, size, concurrency, ofProtocol, palette);
                charts.Add(spectrum);
                charts.Add(OnLogScale(spectrum));
            }
        }

        foreach (var protocol in protocols)
        {
            var ofProtocol = rows.Where(r => r.Benchmark.Protocol == protocol).ToList();
            foreach (var size in ofProtocol.Select(r => r.Variation!.MessageSize).Distinct().Order())
            {
                charts.Add(AgainstConcurrency(protocol, size, ofProtocol, palette));
                if (ofProtocol.Select(r => r.Variation!.Concurrency).Distinct().Count() > 1)
                {
                    charts.Add(ThroughputAgainstConcurrency(protocol, size, ofProtocol, palette));
                }
            }

            var measured = run.Benchmarks.Where(b => b.Protocol == protocol && b.Memory is { Count: > 0 }).ToList();
            if (measured.Count > 0)
            {
                charts.Add(MemoryPerConnection(protocol, measured, palette));
            }
        }

        foreach (var benchmark in run.Benchmarks)
        {
            var timeline = Timeline(benchmark, palette);
            if (timeline is not null)
            {
                charts.Add(timeline);
            }
        }

        foreach (var protocol in protocols)
        {
            var measured = rows.Where(r => r.Benchmark.Protocol == protocol && r.ServerCpuMicrosPerRequest is not null && r.ServerPeakMemoryBytes is not null).ToList();
            if (measured.Count > 0)
            {
                charts.Add(ServerCpu(protocol, measured, palette));
                charts.Add(ServerMemory(protocol, measured, palette));
            }
        }

        foreach (var protocol in run.Benchmarks.Where(b => b.Sweep.Count > 0).Select(b => b.Protocol).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            charts.Add(Sweep(protocol, run.Benchmarks.Where(b => b.Protocol == protocol && b.Sweep.Count > 0).ToList(), palette));
        }

        if (micro.Count > 0)
        {
            charts.AddRange(Micro(micro));
        }

        return charts.Select(WithFlagNote).ToList();
    }

    /// <summary>A cell's flag badges ("client-bound (client saturated), unsteady"), or null when it has none.</summary>
    private static string? FlagOf(ResultRow row) => FlagText.Badges(row.Flags) is { Count: > 0 } badges ? string.Join(", ", badges) : null;

    /// <summary>Says in the title what the marks on flagged points mean, and which flags the chart has.</summary>
    private static ChartSpec WithFlagNote(ChartSpec chart)
    {
        var flags = chart.Series.SelectMany(s => s.Points).Select(p => p.Flag).OfType<string>().SelectMany(f => f.Split(", ")).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        return flags.Count == 0 ? chart : chart with { Title = $"{chart.Title}; x marks flagged points: {string.Join(", ", flags)}" };
    }

    public static ServerPalette PaletteOf(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return new ServerPalette(run.Benchmarks.Select(b => b.Server));
    }

    /// <summary>A file stem: lower-case letters, digits and dashes.</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.ToLowerInvariant())
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) ? c : '-');
        }

        var slug = builder.ToString();
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return slug.Trim('-');
    }

    /// <summary>"payload, concurrency", or "concurrency" when no cell has a payload axis (http).</summary>
    private static string AxisLabel(IEnumerable<(int Size, int Concurrency)> cells) =>
        cells.All(c => c.Size == VariationResult.NoPayload) ? "concurrency" : "payload, concurrency";

    /// <summary>"-1024b" in a chart id; nothing for a cell without a payload axis (http).</summary>
    private static string SizeSlug(int size) => size == VariationResult.NoPayload ? string.Empty : "-" + size.ToString(CultureInfo.InvariantCulture) + "b";

    /// <summary>The same chart on a log y axis, for latencies whose tail is orders of magnitude above their body.</summary>
    private static ChartSpec OnLogScale(ChartSpec chart) => chart with
    {
        Id = chart.Id + "-log",
        Title = chart.Title + ", log latency axis",
        YScale = AxisScale.Log,
        AlternativeOf = chart.Id,
    };


    private static IEnumerable<(int Size, int Concurrency)> Cells(IEnumerable<ResultRow> rows) =>
        rows.Select(r => (r.Variation!.MessageSize, r.Variation.Concurrency)).Distinct().Order();

    /// <summary>Rows by benchmark within a protocol: a server, or the reference's A/A arm beside the reference.</summary>
    private static IEnumerable<IGrouping<(string Server, string Name), ResultRow>> ByServer(IEnumerable<ResultRow> rows) =>
        rows.GroupBy(r => (r.Benchmark.Server, r.Benchmark.Name)).OrderBy(g => g.Key.Name, StringComparer.Ordinal);

    /// <summary>A server's colour; its A/A arm in a lighter shade of it.</summary>
    private static string ColorOf(ServerPalette palette, IGrouping<(string Server, string Name), ResultRow> group) =>
        group.First().Benchmark.Role == Core.Model.BenchmarkRole.AaArm ? palette.ShadeOf(group.Key.Server, 0.45) : palette.ColorOf(group.Key.Server);

    private static string SeriesName(IGrouping<(string Server, string Name), ResultRow> group) =>
        group.First().Benchmark.Role == Core.Model.BenchmarkRole.AaArm ? group.Key.Server + Core.Model.Benchmark.AaSuffix : group.Key.Server;

    private static ChartSpec Throughput(string protocol, IReadOnlyList<ResultRow> rows, ServerPalette palette) => CellBars(
        $"rps-{Slug(protocol)}",
        ChartSections.Throughput,
        $"{protocol}: requests/s by {AxisLabel(Cells(rows)).Replace(", ", " and ", StringComparison.Ordinal)} (median over trials; error bars: 95 % CI; dots: each trial)",
        "requests/s",
        protocol,
        rows,
        palette,
        r => r.RequestsPerSecond is { } rps ? Of(0, rps) with { Samples = r.Variation!.Runs.Select(x => x.RequestsPerSecond).ToArray() } : null,
        wide: true);

    private static ChartSpec FractionOfLimit(string protocol, IReadOnlyList<ResultRow> rows, ServerPalette palette) => CellBars(
        $"limit-{Slug(protocol)}",
        ChartSections.Throughput,
        $"{protocol}: fraction of the machine's limit (requests/s / {rows[0].Summary!.Reference} in the same trial; median; error bars: 95 % CI; dots: each trial)",
        "ratio to the reference",
        protocol,
        rows,
        palette,
        r => Of(0, r.Summary!.ReferenceRatio!) with { Samples = r.Summary!.ReferenceRatios },
        wide: true);

    /// <summary>
    /// Grouped bars of one figure per cell (x: payload and concurrency) and server; <paramref name="point"/> gives a row's
    /// point (its X is set here), or null to leave the row out. Wide charts grow with their bars.
    /// </summary>
    private static ChartSpec CellBars(string id, string section, string title, string yLabel, string protocol, IReadOnlyList<ResultRow> rows, ServerPalette palette, Func<ResultRow, ChartPoint?> point, bool wide = false)
    {
        var cells = Cells(rows).ToList();
        var series = ByServer(rows)
            .Select(server => new ChartSeries(
                SeriesName(server),
                ColorOf(palette, server),
                server
                    .Select(r => point(r) is { } p ? p with { X = cells.IndexOf((r.Variation!.MessageSize, r.Variation.Concurrency)), Flag = FlagOf(r) } : null)
                    .OfType<ChartPoint>()
                    .OrderBy(p => p.X)
                    .ToList()))
            .Where(s => s.Points.Count > 0)
            .ToList();
        return new ChartSpec(id, section, title, AxisLabel(cells), yLabel, ChartKind.GroupedBars, XAxisKind.Categories, cells.Select(c => VariationResult.LabelOf(c.Size, c.Concurrency)).ToList(), series)
        {
            Width = wide ? Math.Max(960, 140 + (cells.Count * Math.Max(1, series.Count) * 28)) : 960,
            Protocol = protocol,
        };
    }

    private static ChartSpec Spectrum(string protocol, int size, int concurrency, IReadOnlyList<ResultRow> rows, ServerPalette palette)
    {
        var series = new List<ChartSeries>();
        foreach (var server in ByServer(rows.Where(r => r.Variation!.MessageSize == size && r.Variation.Concurrency == concurrency)))
        {
            var latency = server.First().Representative!.Latency;
            var points = latency.Spectrum
                .Where(p => p.Percentile >= 0 && p.Percentile < 100 && double.IsFinite(p.LatencyMs))
                .OrderBy(p => p.Percentile)
                .Select(p => new ChartPoint(p.Percentile, p.LatencyMs))
                .ToList();
            series.Add(new ChartSeries(SeriesName(server), ColorOf(palette, server), points));
        }

        return new ChartSpec(
            $"latency-spectrum-{Slug(protocol)}{SizeSlug(size)}-c{concurrency.ToString(CultureInfo.InvariantCulture)}",
            ChartSections.Latency,
            $"{VariationResult.TitleOf(protocol, size, concurrency)}: latency by percentile (the trial nearest the median)",
            "percentile",
            "latency (ms)",
            ChartKind.Lines,
            XAxisKind.Nines,
            [],
            series)
        { Protocol = protocol };
    }

    private static ChartSpec AgainstConcurrency(string protocol, int size, IReadOnlyList<ResultRow> rows, ServerPalette palette) =>
        ConcurrencyLines("latency-concurrency", "p50 (circles) and p99 (triangles)", "latency (ms)", protocol, size, rows, palette, [(" p50", r => r.Summary!.P50Ms, SeriesMarker.Circle), (" p99", r => r.Summary!.P99Ms, SeriesMarker.Triangle)]);

    private static ChartSpec ThroughputAgainstConcurrency(string protocol, int size, IReadOnlyList<ResultRow> rows, ServerPalette palette) =>
        ConcurrencyLines("throughput-concurrency", "requests/s", "requests/s", protocol, size, rows, palette, [(string.Empty, r => r.Summary!.RequestsPerSecond, SeriesMarker.Circle)]);

    /// <summary>One protocol and size against the concurrency levels: per server, a line for each of <paramref name="figures"/> (its median over trials, error bars its 95 % CI).</summary>
    private static ChartSpec ConcurrencyLines(string id, string what, string yLabel, string protocol, int size, IReadOnlyList<ResultRow> rows, ServerPalette palette, IReadOnlyList<(string Suffix, Func<ResultRow, Estimate> Figure, SeriesMarker Marker)> figures)
    {
        var ofSize = rows.Where(r => r.Variation!.MessageSize == size).ToList();
        var levels = ofSize.Select(r => r.Variation!.Concurrency).Distinct().Order().ToList();
        var series = new List<ChartSeries>();
        foreach (var server in ByServer(ofSize))
        {
            var ordered = server.OrderBy(r => r.Variation!.Concurrency).ToList();
            series.AddRange(figures.Select(f => new ChartSeries(
                SeriesName(server) + f.Suffix,
                ColorOf(palette, server),
                ordered.Select(r => Of(levels.IndexOf(r.Variation!.Concurrency), f.Figure(r)) with { Flag = FlagOf(r) }).ToList())
            { Marker = f.Marker }));
        }

        return new ChartSpec(
            $"{id}-{Slug(protocol)}{SizeSlug(size)}",
            ChartSections.Concurrency,
            $"{(size == VariationResult.NoPayload ? protocol : $"{protocol}, {VariationResult.SizeLabel(size)}")}: {what} against concurrency (medians over trials; error bars: 95 % CI)",
            "concurrent connections",
            yLabel,
            ChartKind.Lines,
            XAxisKind.Categories,
            levels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList(),
            series)
        { Protocol = protocol };
    }

    /// <summary>What a connection cost each server in memory against the connection count (idle: circles, under load: triangles).</summary>
    private static ChartSpec MemoryPerConnection(string protocol, IReadOnlyList<BenchmarkResult> benchmarks, ServerPalette palette)
    {
        var levels = benchmarks.SelectMany(b => b.Memory!.Select(m => m.Connections)).Distinct().Order().ToList();
        var series = new List<ChartSeries>();
        foreach (var benchmark in benchmarks)
        {
            var arm = benchmark.Role == Core.Model.BenchmarkRole.AaArm;
            var color = arm ? palette.ShadeOf(benchmark.Server, 0.45) : palette.ColorOf(benchmark.Server);
            var name = arm ? benchmark.Server + Core.Model.Benchmark.AaSuffix : benchmark.Server;
            series.Add(new ChartSeries($"{name} idle", color, Points(benchmark, m => m.IdleBytesPerConnection)));
            series.Add(new ChartSeries($"{name} active", color, Points(benchmark, m => m.ActiveBytesPerConnection)) { Marker = SeriesMarker.Triangle });
        }

        return new ChartSpec(
            $"memory-connections-{Slug(protocol)}",
            ChartSections.Concurrency,
            $"{protocol}: server memory per connection, idle (circles) and under load (triangles), on the fresh server (one reading each)",
            "connections",
            "KiB per connection",
            ChartKind.Lines,
            XAxisKind.Categories,
            levels.Select(l => l.ToString(CultureInfo.InvariantCulture)).ToList(),
            series)
        { Protocol = protocol };

        List<ChartPoint> Points(BenchmarkResult benchmark, Func<ConnectionMemory, double?> figure) =>
            benchmark.Memory!.Where(m => figure(m) is not null).Select(m => new ChartPoint(levels.IndexOf(m.Connections), figure(m)!.Value / 1024)).ToList();
    }

    /// <summary>A cell's estimate as a point at <paramref name="x"/>: its median, its 95 % CI as the error range.</summary>
    private static ChartPoint Of(double x, Estimate estimate) => new(x, estimate.Median, estimate.Lower, estimate.Upper);

    private static ChartSpec? Timeline(BenchmarkResult benchmark, ServerPalette palette)
    {
        var withTimeline = benchmark.Variations
            .Select(v => (Variation: v, Run: ResultRows.Of(benchmark, v).Representative))
            .Where(p => p.Run is { Timeline.Count: > 0 })
            .ToList();
        if (withTimeline.Count == 0)
        {
            return null;
        }

        var series = withTimeline
            .Select((p, i) => new ChartSeries(
                p.Variation.Label,
                palette.ShadeOf(benchmark.Server, withTimeline.Count == 1 ? 0 : 0.7 * i / (withTimeline.Count - 1)),
                p.Run!.Timeline.OrderBy(s => s.Second).Select(s => new ChartPoint(s.Second, s.RequestsPerSecond)).ToList())
            { Marker = (SeriesMarker)(i % 3) })
            .ToList();
        return new ChartSpec(
            $"timeline-{Slug(benchmark.Name)}",
            ChartSections.Timeline,
            $"{benchmark.Name}: requests/s each second (the trial nearest the median)",
            "second",
            "requests/s",
            ChartKind.Lines,
            XAxisKind.Linear,
            [],
            series)
        { Protocol = benchmark.Protocol };
    }

    private static ChartSpec ServerCpu(string protocol, IReadOnlyList<ResultRow> rows, ServerPalette palette) => CellBars(
        $"server-cpu-{Slug(protocol)}", ChartSections.Server, $"{protocol}: server CPU time per request (median over trials)", "CPU µs per request", protocol, rows, palette, r => new ChartPoint(0, r.ServerCpuMicrosPerRequest!.Value));

    private static ChartSpec ServerMemory(string protocol, IReadOnlyList<ResultRow> rows, ServerPalette palette) => CellBars(
        $"server-memory-{Slug(protocol)}", ChartSections.Server, $"{protocol}: server peak resident memory", "peak memory (MiB)", protocol, rows, palette, r => new ChartPoint(0, r.ServerPeakMemoryBytes!.Value / (1024.0 * 1024.0)));

    private static ChartSpec Sweep(string protocol, IReadOnlyList<BenchmarkResult> benchmarks, ServerPalette palette)
    {
        var series = new List<ChartSeries>();
        var corrected = false;
        foreach (var benchmark in benchmarks.OrderBy(b => b.Server, StringComparer.Ordinal))
        {
            var steps = benchmark.Sweep.Where(s => s.Result.Succeeded).OrderBy(s => s.OfferedRate).ToList();
            LatencySummary Of(SweepStep step) => step.Result.CorrectedLatency ?? step.Result.Latency;
            corrected |= steps.Any(s => s.Result.CorrectedLatency is not null);
            var color = palette.ColorOf(benchmark.Server);
            series.Add(new ChartSeries($"{benchmark.Server} p50", color, steps.Select(s => new ChartPoint(s.OfferedRate, Of(s).P50) { Flag = s.Flagged ? s.OutcomeText : null }).ToList()));
            series.Add(new ChartSeries($"{benchmark.Server} p99", color, steps.Select(s => new ChartPoint(s.OfferedRate, Of(s).P99) { Flag = s.Flagged ? s.OutcomeText : null }).ToList()) { Marker = SeriesMarker.Triangle });
            series.Add(new ChartSeries($"{benchmark.Server} p99.9", color, steps.Select(s => new ChartPoint(s.OfferedRate, Of(s).P999) { Flag = s.Flagged ? s.OutcomeText : null }).ToList()) { Marker = SeriesMarker.Square });
        }

        return new ChartSpec(
            $"sweep-{Slug(protocol)}",
            ChartSections.Sweep,
            $"{protocol}: latency against offered load{(corrected ? " (corrected for coordinated omission)" : string.Empty)}; p50 circles, p99 triangles, p99.9 squares",
            "offered load (requests/s)",
            "latency (ms)",
            ChartKind.Lines,
            XAxisKind.Linear,
            [],
            series)
        { Protocol = protocol };
    }

    private static IEnumerable<ChartSpec> Micro(IReadOnlyList<MicroBenchmark> micro)
    {
        var labels = micro.Select(m => m.Label).ToList();
        yield return new ChartSpec(
            "micro-time",
            ChartSections.Micro,
            "Micro-benchmarks: mean time per operation",
            "benchmark",
            "time per operation (ns)",
            ChartKind.GroupedBars,
            XAxisKind.Categories,
            labels,
            [new ChartSeries("mean", NeutralColor, micro.Select((m, i) => new ChartPoint(i, m.MeanNs)).ToList())]);
        var allocated = micro.Select((m, i) => (m, i)).Where(p => p.m.AllocatedBytes is not null).ToList();
        if (allocated.Count > 0)
        {
            yield return new ChartSpec(
                "micro-allocations",
                ChartSections.Micro,
                "Micro-benchmarks: bytes allocated per operation",
                "benchmark",
                "allocated bytes per operation",
                ChartKind.GroupedBars,
                XAxisKind.Categories,
                labels,
                [new ChartSeries("allocated", NeutralColor, allocated.Select(p => new ChartPoint(p.i, p.m.AllocatedBytes!.Value)).ToList())]);
        }
    }
}
