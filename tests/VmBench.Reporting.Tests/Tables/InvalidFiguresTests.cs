using VmBench.Core.Results;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Tables;

/// <summary>A figure that is not a measurement (NaN, zero, negative) is printed as n/a with what it was, never as a number.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class InvalidFiguresTests
{
    [Fact]
    public void NaN_zero_and_negative_figures_are_shown_as_not_available_in_every_table()
    {
        var run = Broken();

        var markdown = MarkdownExporter.Render(run);
        var console = ConsoleSummary.Render(run);
        var html = VmBench.Reporting.Html.HtmlReportBuilder.Build(run, [], [], new VmBench.Reporting.Micro.MicroReadResult([], []));

        foreach (var text in new[] { markdown, console, html })
        {
            Assert.Contains("n/a (NaN)", text, StringComparison.Ordinal);
            Assert.Contains("n/a (zero)", text, StringComparison.Ordinal);
            Assert.Contains("n/a (negative)", text, StringComparison.Ordinal);
        }

        var line = Assert.Single(console.Split('\n'), l => l.StartsWith("tcpecho-sockets ", StringComparison.Ordinal) && l.Contains("64 B", StringComparison.Ordinal) && l.Contains("c=10 ", StringComparison.Ordinal));
        Assert.DoesNotContain(" 0.000 ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN ", line.Replace("(NaN)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_with_a_zero_base_says_so_instead_of_a_number()
    {
        var comparison = RunComparer.Compare(Broken(), SampleRuns.Typical());

        var table = ComparisonTable.Render(comparison);

        var line = Assert.Single(table.Split('\n'), l => l.StartsWith("tcpecho-sockets ", StringComparison.Ordinal) && l.Contains("64 B", StringComparison.Ordinal) && l.Contains("c=10 ", StringComparison.Ordinal));
        Assert.Contains("n/a (negative)", line, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", line, StringComparison.Ordinal);
    }

    /// <summary>The typical run with its first cell's median requests/s negative, p50 NaN and p99 zero.</summary>
    private static RunResult Broken()
    {
        var run = SampleRuns.Typical();
        var sockets = run.Benchmarks[0];
        var cell = sockets.Variations[0];
        var s = cell.Summary!;
        var broken = cell with { Summary = s with { RequestsPerSecond = s.RequestsPerSecond with { Median = -5 }, P50Ms = s.P50Ms with { Median = double.NaN }, P99Ms = s.P99Ms with { Median = 0 } } };
        return run with { Benchmarks = [sockets with { Variations = [broken, .. sockets.Variations.Skip(1)] }, .. run.Benchmarks.Skip(1)] };
    }
}
