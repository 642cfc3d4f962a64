using VmBench.Core.Results;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Html;
using VmBench.Reporting.Micro;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

/// <summary>A measurement replaced when its block was measured again is never lost: results.csv keeps it as its own row, results.md and report.html say so.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class SupersededOutputTests
{
    private const string Reason = "its block was measured again: in trial 2, tcpecho-sockets 64 B c=10 cost the load client 2.1x that cell's median CPU per request (the machine slowed down)";

    [Fact]
    public void Results_csv_has_a_superseded_row_with_its_own_figures_outside_the_summary()
    {
        var (run, old) = WithSuperseded();
        var lines = CsvExporter.Render(run).TrimEnd('\n').Split('\n').Select(Csv.ParseLine).ToList();
        var rps = lines[0].IndexOf("requests_per_s");
        var notes = lines[0].IndexOf("notes");

        var row = Assert.Single(lines, l => l[0] == "superseded");
        Assert.Equal("tcpecho-sockets", row[1]);
        Assert.Equal(old.Result.RequestsPerSecond, double.Parse(row[rps], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Contains(Reason, row[notes], StringComparison.Ordinal);
        var summary = lines.Single(l => l[0] == "summary" && l[1] == "tcpecho-sockets" && l[10] == "64" && l[11] == "10");
        Assert.Contains("trial 2 measured again", summary[notes], StringComparison.Ordinal);
        Assert.Equal(lines[0].Count, row.Count);
    }

    [Fact]
    public void Results_md_and_report_html_note_the_measurement_taken_again()
    {
        var (run, _) = WithSuperseded();

        Assert.Contains("trial 2 measured again, " + Reason, MarkdownExporter.Render(run), StringComparison.Ordinal);
        Assert.Contains(HtmlText.E("trial 2 measured again, " + Reason), HtmlReportBuilder.Build(run, [], [], new MicroReadResult([], [])), StringComparison.Ordinal);
    }

    private static (RunResult Run, TrialResult Old) WithSuperseded()
    {
        var run = SampleRuns.Typical();
        var benchmark = run.Benchmarks.First(b => b.Name == "tcpecho-sockets");
        var cell = benchmark.Variations.First(v => v.MessageSize == 64 && v.Concurrency == 10);
        var old = cell.Trials.First(t => t.Trial == 2) with { Result = cell.Trials.First(t => t.Trial == 2).Result with { RequestsPerSecond = 1234.5 } };
        var updated = cell with { Superseded = [new SupersededTrial(old, Reason)] };
        var variations = benchmark.Variations.Select(v => ReferenceEquals(v, cell) ? updated : v).ToArray();
        return (run with { Benchmarks = run.Benchmarks.Select(b => ReferenceEquals(b, benchmark) ? b with { Variations = variations } : b).ToArray() }, old);
    }
}
