using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

[Trait(Tier.Key, Tier.Fast)]
public sealed class CsvExporterTests
{
    [Fact]
    public void Matches_the_snapshot()
    {
        var csv = CsvExporter.Render(SampleRuns.Typical());

        Snapshot.AssertMatches("results.csv", csv);
    }

    [Fact]
    public void Has_a_row_per_trial_and_a_summary_row_per_cell_and_a_header_with_units()
    {
        var run = SampleRuns.Typical();
        var lines = CsvExporter.Render(run).TrimEnd('\n').Split('\n');
        var trials = run.Benchmarks.Sum(b => b.Variations.Sum(v => v.Trials.Count));

        Assert.Equal(1 + trials + 13, lines.Length);
        Assert.Equal(trials, lines.Count(l => l.StartsWith("trial,", StringComparison.Ordinal)));
        Assert.Equal(13, lines.Count(l => l.StartsWith("summary,", StringComparison.Ordinal)));
        Assert.StartsWith("row,benchmark,server,title,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",requests_per_s,", lines[0], StringComparison.Ordinal);
        Assert.Contains(",p99_ms,", lines[0], StringComparison.Ordinal);
        Assert.All(lines, l => Assert.Equal(Csv.ParseLine(lines[0]).Count, Csv.ParseLine(l).Count));
    }

    [Fact]
    public void A_summary_row_is_the_median_of_its_trial_rows()
    {
        var lines = CsvExporter.Render(SampleRuns.Typical()).TrimEnd('\n').Split('\n').Select(Csv.ParseLine).ToList();
        var column = lines[0].IndexOf("requests_per_s");
        var cell = lines.Where(l => l[1] == "tcpecho-sockets" && l[10] == "64" && l[11] == "10").ToList();

        var trials = cell.Where(l => l[0] == "trial").Select(l => double.Parse(l[column], System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var summary = double.Parse(cell.Single(l => l[0] == "summary")[column], System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(3, trials.Count);
        Assert.Equal(trials[1], summary, 6);
    }

    [Fact]
    public void Hostile_title_is_one_quoted_cell_that_reads_back_unchanged()
    {
        var csv = CsvExporter.Render(SampleRuns.Typical());
        var libuv = csv.Split('\n').First(l => l.StartsWith("summary,tcpecho-libuv,", StringComparison.Ordinal));

        var cells = Csv.ParseLine(libuv);

        Assert.Equal(SampleRuns.HostileTitle, cells[3]);
        Assert.Equal(Csv.ParseLine(csv.Split('\n')[0]).Count, cells.Count);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1", "'+1")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("plain", "plain")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("line\nbreak", "\"line\nbreak\"")]
    public void Text_cells_are_quoted_and_defused(string value, string expected)
    {
        Assert.Equal(expected, CsvExporter.Text(value));
    }
}
