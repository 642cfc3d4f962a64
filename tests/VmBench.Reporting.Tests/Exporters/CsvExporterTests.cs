using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

public sealed class CsvExporterTests
{
    [Fact]
    public void Matches_the_snapshot()
    {
        var csv = CsvExporter.Render(SampleRuns.Typical());

        Snapshot.AssertMatches("results.csv", csv);
    }

    [Fact]
    public void Has_one_row_per_benchmark_and_variation_and_a_header()
    {
        var lines = CsvExporter.Render(SampleRuns.Typical()).TrimEnd('\n').Split('\n');

        Assert.Equal(1 + 13, lines.Length);
        Assert.StartsWith("benchmark,server,title,", lines[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_title_is_one_quoted_cell_that_reads_back_unchanged()
    {
        var csv = CsvExporter.Render(SampleRuns.Typical());
        var libuv = csv.Split('\n').First(l => l.StartsWith("tcpecho-libuv,", StringComparison.Ordinal));

        var cells = Csv.ParseLine(libuv);

        Assert.Equal(SampleRuns.HostileTitle, cells[2]);
        Assert.Equal(32, cells.Count);
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
