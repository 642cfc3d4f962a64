using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Html;
using VmBench.Reporting.Micro;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Tables;

/// <summary>
/// One synthetic run rendered by every output (console table, results.csv, results.md, report.html, compare):
/// each prints, for each cell, the median over its trials of every figure, to the same digit. The trials are
/// chosen so the median, the mean and the "representative" trial (nearest the median requests/s) all differ for
/// MiB/s, p50 and p99: an output that used another statistic for one column fails here.
/// </summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed partial class OutputAgreementTests
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>(requests/s, MiB/s, p50 ms, p99 ms) per trial; the reference's are the same scaled, so the ratio varies too.</summary>
    private static readonly (double Rps, double MiB, double P50, double P99)[] s_kestrel =
    [
        (43_967.4, 9.31, 1.234, 90.05),
        (41_002.8, 8.12, 0.987, 45.94),
        (44_512.1, 8.77, 1.5006, 60.27),
    ];

    private static readonly (double Rps, double MiB, double P50, double P99)[] s_reference =
    [
        (61_000.2, 12.4, 0.8123, 20.5),
        (58_990.7, 11.9, 0.7654, 31.25),
        (64_100.9, 13.05, 0.9011, 24.75),
    ];

    private static readonly (double Rps, double MiB, double P50, double P99)[] s_http =
    [
        (120_345.6, 12.9, 0.45678, 3.4567),
        (118_001.2, 13.7, 0.50123, 2.9876),
        (125_999.9, 12.1, 0.39999, 4.0123),
    ];

    [Fact]
    public void Console_csv_markdown_html_and_compare_print_the_same_median_for_every_figure_of_every_cell()
    {
        var run = Run();
        var console = ConsoleCells(ConsoleSummary.Render(run));
        var csv = CsvCells(CsvExporter.Render(run));
        var markdown = MarkdownCells(MarkdownExporter.Render(run));
        var html = HtmlCells(HtmlReportBuilder.Build(run, [], [], new MicroReadResult([], [])));
        var compare = CompareCells(ComparisonTable.Render(RunComparer.Compare(run, run)));

        foreach (var (benchmark, label, trials, reference) in Cells())
        {
            var key = (benchmark, label);
            var rps = Median(trials.Select(t => t.Rps));
            var mib = Median(trials.Select(t => t.MiB));
            var p50 = Median(trials.Select(t => t.P50));
            var p99 = Median(trials.Select(t => t.P99));
            var expected = new Dictionary<string, string>
            {
                ["rps"] = rps.ToString("#,0", s_invariant),
                ["mib"] = mib.ToString("0.0", s_invariant),
                ["p50"] = Ms(p50),
                ["p99"] = Ms(p99),
                ["ratio"] = reference is null ? "-" : Median(trials.Zip(reference, (t, r) => t.Rps / r.Rps)).ToString("0.000", s_invariant),
            };

            foreach (var (output, cells) in new[] { ("console", console), ("results.md", markdown), ("report.html", html) })
            {
                Assert.True(cells.ContainsKey(key), $"{output} has no row {benchmark} {label}");
                foreach (var (figure, text) in expected)
                {
                    Assert.True(text == cells[key][figure], $"{output}, {benchmark} {label}, {figure}: {cells[key][figure]}, expected {text} (the median over the trials)");
                }
            }

            // results.csv keeps full precision: the same median, printed in the reports' format, is the same text.
            Assert.Equal(expected["rps"], Raw(csv[key]["requests_per_s"]).ToString("#,0", s_invariant));
            Assert.Equal(expected["mib"], Raw(csv[key]["mib_per_s"]).ToString("0.0", s_invariant));
            Assert.Equal(expected["p50"], Ms(Raw(csv[key]["p50_ms"])));
            Assert.Equal(expected["p99"], Ms(Raw(csv[key]["p99_ms"])));
            Assert.Equal(expected["ratio"], csv[key]["ratio_to_reference"] is { Length: > 0 } ratio ? Raw(ratio).ToString("0.000", s_invariant) : "-");
            Assert.Equal(rps, Raw(csv[key]["requests_per_s"]), 6);

            // compare, a run against itself: both sides are the medians.
            Assert.Equal([expected["rps"], expected["rps"], expected["p99"], expected["p99"], expected["ratio"], expected["ratio"]], compare[key]);
        }
    }

    [Fact]
    public void Flags_reach_every_output_and_the_console_never_says_only_ok_for_a_flagged_cell()
    {
        var run = Run();
        var flagged = run.Benchmarks.Single(b => b.Name == "tcpecho-kestrel").Variations.Single();
        Assert.True(flagged.Summary!.Flags.ClientBound);

        var console = ConsoleCells(ConsoleSummary.Render(run));
        var csv = CsvCells(CsvExporter.Render(run));
        var markdown = MarkdownCells(MarkdownExporter.Render(run));
        var html = HtmlCells(HtmlReportBuilder.Build(run, [], [], new MicroReadResult([], [])));
        var key = ("tcpecho-kestrel", "1 KiB c=50");

        Assert.Equal("ok, client-bound (client saturated)", console[key]["status"]);
        Assert.Equal("ok", console[("tcpecho-c-epoll", "1 KiB c=50")]["status"]);
        Assert.Equal("true", csv[key]["client_bound"]);
        Assert.Equal("client", csv[key]["saturated"]);
        Assert.Contains("client-bound (client saturated)", csv[key]["notes"], StringComparison.Ordinal);
        Assert.Contains("client-bound (client saturated)", markdown[key]["notes"], StringComparison.Ordinal);
        Assert.Contains("client-bound (client saturated)", html[key]["notes"], StringComparison.Ordinal);
        var chart = ReportCharts.Build(run, []).Single(c => c.Id == "rps-tcpecho");
        Assert.Equal("client-bound (client saturated)", chart.Series.Single(s => s.Label == "kestrel").Points.Single().Flag);
        Assert.Null(chart.Series.Single(s => s.Label == "c-epoll").Points.Single().Flag);
        Assert.Contains("x marks flagged points: client-bound (client saturated)", chart.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void Http_cells_have_no_payload_label_in_any_output()
    {
        var run = Run();
        var outputs = new Dictionary<string, string>
        {
            ["console"] = ConsoleSummary.Render(run),
            ["results.csv"] = CsvExporter.Render(run),
            ["results.md"] = MarkdownExporter.Render(run),
            ["compare"] = ComparisonTable.Render(RunComparer.Compare(run, run)),
        };

        Assert.Contains(("http-kestrel", "c=50"), ConsoleCells(outputs["console"]).Keys);
        Assert.Equal(string.Empty, CsvCells(outputs["results.csv"])[("http-kestrel", "c=50")]["payload_bytes"]);
        Assert.Equal("1024", CsvCells(outputs["results.csv"])[("tcpecho-kestrel", "1 KiB c=50")]["payload_bytes"]);
        foreach (var (name, text) in outputs)
        {
            Assert.All(text.Split('\n').Where(l => l.Contains("http-kestrel", StringComparison.Ordinal)), l => Assert.DoesNotContain("KiB", l, StringComparison.Ordinal));
        }

        var html = HtmlReportBuilder.Build(run, [], [], new MicroReadResult([], []));
        Assert.All(HtmlRows(html).Where(r => r[0] == "http-kestrel"), r => Assert.Equal("c=50", r[1]));
        foreach (var chart in ReportCharts.Build(run, []).Where(c => c.Id.Contains("http", StringComparison.Ordinal)))
        {
            Assert.DoesNotContain("KiB", chart.Title + string.Join(' ', chart.Categories) + chart.XLabel, StringComparison.Ordinal);
            Assert.DoesNotContain("-0b", chart.Id, StringComparison.Ordinal);
        }
    }

    private static IEnumerable<(string Benchmark, string Label, (double Rps, double MiB, double P50, double P99)[] Trials, (double Rps, double MiB, double P50, double P99)[]? Reference)> Cells() =>
    [
        ("tcpecho-c-epoll", "1 KiB c=50", s_reference, null),
        ("tcpecho-kestrel", "1 KiB c=50", s_kestrel, s_reference),
        ("http-kestrel", "c=50", s_http, null),
    ];

    private static RunResult Run()
    {
        var summarizer = new CellSummarizer(PerfolizerSummarizer.Instance);
        var warmup = new WarmupResult(4, true, [1, 1, 1, 1], 0, 0);
        var referenceTrials = Trials(s_reference, clientBound: false);
        BenchmarkResult Benchmark(string server, string protocol, BenchmarkRole role, int size, IReadOnlyList<TrialResult> trials, (string, IReadOnlyList<TrialResult>)? reference) =>
            new($"{protocol}-{server}", server, server, server, "C#", protocol, role, Status.Ok, null, warmup,
                [new VariationResult(50, size, Status.Ok, null, trials, summarizer.Summarize(trials, warmup, reference))], []);
        var run = new RunBuilder().Repeat(3).Build();
        return run with
        {
            Config = run.Config with { Reference = "c-epoll", Sizes = [1024], Concurrency = [50] },
            Benchmarks =
            [
                Benchmark("c-epoll", "tcpecho", BenchmarkRole.Reference, 1024, referenceTrials, null),
                Benchmark("kestrel", "tcpecho", BenchmarkRole.Measured, 1024, Trials(s_kestrel, clientBound: true), ("tcpecho-c-epoll", referenceTrials)),
                Benchmark("kestrel", "http", BenchmarkRole.Measured, VariationResult.NoPayload, Trials(s_http, clientBound: false), null),
            ],
        };
    }

    /// <summary>Trials with exactly the given figures; with <paramref name="clientBound"/> the second trial's client ran out of CPU.</summary>
    private static TrialResult[] Trials((double Rps, double MiB, double P50, double P99)[] figures, bool clientBound) =>
        figures.Select((f, i) =>
        {
            var latency = new LatencySummary(1000, f.P50 / 2, f.P50, f.P99 * 2, f.P50 / 3, 0.1, f.P50 / 1.5, f.P50, f.P50 * 1.5, f.P99 * 0.7, f.P99, f.P99 * 1.2, f.P99 * 1.4, []);
            var bound = clientBound && i == 1;
            var client = new ClientUsage(2.5, bound ? 0.97 : 0.4, 10, bound, bound ? "client CPU at 97 % of 1 core" : null);
            var result = new LoadResult((long)(f.Rps * 5), (long)(f.Rps * 5), (long)(f.MiB * 5 * 1024 * 1024), 5, f.Rps, f.MiB, latency, null, null, 0, null, [], client, null);
            return new TrialResult(i + 1, 1, new DateTimeOffset(2026, 1, 2, 3, 4, 5 + i, TimeSpan.Zero), result, 0.5, 12.5, 50_000_000, null);
        }).ToArray();

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2;
    }

    /// <summary>The reports' latency format, restated: 3 decimals below 10 ms, 2 below 100, 1 above.</summary>
    private static string Ms(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("0.0", s_invariant),
        >= 10 => value.ToString("0.00", s_invariant),
        _ => value.ToString("0.000", s_invariant),
    };

    private static double Raw(string text) => double.Parse(text, s_invariant);

    private static Dictionary<(string, string), Dictionary<string, string>> ConsoleCells(string text)
    {
        var cells = new Dictionary<(string, string), Dictionary<string, string>>();
        foreach (var line in text.Split('\n').Skip(2).Where(l => l.Length > 103))
        {
            // Fixed columns: benchmark (28), variation (16), trials (6), req/s (12), x ref (7), MiB/s (9), p50 (8), p99 (8), two spaces, status.
            string At(int start, int width) => line.Substring(start, width).Trim();
            cells[(At(0, 28), At(29, 16))] = new Dictionary<string, string>
            {
                ["rps"] = At(53, 12), ["ratio"] = At(66, 7), ["mib"] = At(74, 9), ["p50"] = At(84, 8), ["p99"] = At(93, 8), ["status"] = line[103..],
            };
        }

        return cells;
    }

    private static Dictionary<(string, string), Dictionary<string, string>> CsvCells(string text)
    {
        var lines = text.TrimEnd('\n').Split('\n').Select(Csv.ParseLine).ToList();
        var header = lines[0];
        var cells = new Dictionary<(string, string), Dictionary<string, string>>();
        foreach (var line in lines.Skip(1).Where(l => l[0] == "summary"))
        {
            var row = header.Select((h, i) => (h, line[i])).ToDictionary(p => p.h, p => p.Item2);
            var size = row["payload_bytes"] is { Length: > 0 } bytes ? VariationResult.SizeLabel(int.Parse(bytes, s_invariant)) + " " : string.Empty;
            cells[(row["benchmark"], $"{size}c={row["concurrency"]}")] = row;
        }

        return cells;
    }

    private static Dictionary<(string, string), Dictionary<string, string>> MarkdownCells(string text)
    {
        var table = text[text.IndexOf("## Results", StringComparison.Ordinal)..text.IndexOf("## Servers", StringComparison.Ordinal)];
        var lines = table.Split('\n').Where(l => l.StartsWith('|')).ToList();
        var header = Cells(lines[0]);
        var cells = new Dictionary<(string, string), Dictionary<string, string>>();
        foreach (var line in lines.Skip(2))
        {
            var row = header.Zip(Cells(line)).ToDictionary(p => p.First, p => p.Second);
            cells[(row["Benchmark"], row["Variation"])] = new Dictionary<string, string>
            {
                ["rps"] = row["Requests/s"], ["ratio"] = row["x reference"] is { Length: > 0 } r ? r : "-", ["mib"] = row["MiB/s"], ["p50"] = row["p50 ms"], ["p99"] = row["p99 ms"], ["notes"] = row["Notes"],
            };
        }

        return cells;

        static string[] Cells(string line) => line.Trim().Trim('|').Split(" | ").Select(c => c.Trim()).ToArray();
    }

    private static Dictionary<(string, string), Dictionary<string, string>> HtmlCells(string html)
    {
        var cells = new Dictionary<(string, string), Dictionary<string, string>>();
        foreach (var row in HtmlRows(html))
        {
            // Benchmark, Variation, Status, Trials, Requests/s, x reference, MiB/s, p50, p99, Errors, Notes (each figure's interval under it, left out here).
            cells[(row[0], row[1])] = new Dictionary<string, string>
            {
                ["rps"] = row[4], ["ratio"] = row[5], ["mib"] = row[6], ["p50"] = row[7], ["p99"] = row[8], ["notes"] = string.Join(' ', row.Skip(2)),
            };
        }

        return cells;
    }

    /// <summary>The text of each cell of the details table's result rows.</summary>
    private static IEnumerable<string[]> HtmlRows(string html) =>
        ResultRow().Matches(html).Select(m => Cell().Matches(m.Value).Select(c => WebUtility.HtmlDecode(Tag().Replace(Interval().Replace(c.Groups[1].Value, string.Empty), string.Empty)).Trim()).ToArray());

    private static Dictionary<(string, string), string[]> CompareCells(string text)
    {
        var cells = new Dictionary<(string, string), string[]>();
        foreach (var line in text.Split('\n').Where(l => l.StartsWith("tcpecho-", StringComparison.Ordinal) || l.StartsWith("http-", StringComparison.Ordinal)))
        {
            // Benchmark, Variation, Base req/s, New req/s, Change, Verdict, Base x ref, New x ref, Verdict, Base p99 ms, New p99 ms, Change, Verdict.
            var columns = Columns().Split(line);
            cells[(columns[0], columns[1])] = [columns[2], columns[3], columns[9], columns[10], columns[6], columns[7]];
        }

        return cells;
    }

    [GeneratedRegex("<tr class=\"result [^\"]*\"[^>]*>.*?</tr>", RegexOptions.Singleline)]
    private static partial Regex ResultRow();

    [GeneratedRegex("<td[^>]*>(.*?)</td>", RegexOptions.Singleline)]
    private static partial Regex Cell();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex("<span class=\"ci\">.*?</span>")]
    private static partial Regex Interval();

    [GeneratedRegex(" {2,}")]
    private static partial Regex Columns();
}
