using VmBench.Core.Results;
using VmBench.Reporting.Compare;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Compare;

/// <summary>A run.json left by a run that never finished (status running) is reported as interrupted, its unfinished benchmarks marked.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class InterruptedRunTests
{
    [Fact]
    public async Task The_report_says_the_run_did_not_finish_and_marks_the_unfinished_benchmark()
    {
        using var temp = new TempDirectory();

        var outcome = await Reports.GenerateAsync(Interrupted(), temp.Path);

        var markdown = await File.ReadAllTextAsync(Path.Combine(temp.Path, MarkdownExporter.FileName));
        var html = await File.ReadAllTextAsync(outcome.ReportHtml!);
        foreach (var text in new[] { markdown, html })
        {
            Assert.Contains("This run did not finish", text, StringComparison.Ordinal);
            Assert.Contains("not finished, with fewer trials than planned: tcpecho-libuv", text, StringComparison.Ordinal);
        }

        var row = Assert.Single(markdown.Split('\n'), l => l.StartsWith("| tcpecho-libuv | libuv | 64 B c=10 |", StringComparison.Ordinal));
        Assert.Contains("| unfinished |", row, StringComparison.Ordinal);
        Assert.DoesNotContain("| ok |", row, StringComparison.Ordinal);
        Assert.Contains("unfinished", File.ReadAllText(Path.Combine(temp.Path, CsvExporter.FileName)), StringComparison.Ordinal);
    }

    [Fact]
    public void Compare_warns_about_an_interrupted_run_and_marks_its_unfinished_cells()
    {
        var comparison = RunComparer.Compare(SampleRuns.Typical(), Interrupted());

        var table = ComparisonTable.Render(comparison);
        var html = CompareHtmlBuilder.Build(comparison, "base", "new");

        Assert.Contains("warning: new run: This run did not finish", table, StringComparison.Ordinal);
        Assert.Contains("new run: This run did not finish", html, StringComparison.Ordinal);
        Assert.Single(table.Split('\n'), l => l.StartsWith("tcpecho-libuv ", StringComparison.Ordinal) && l.Contains("64 B c=10 (unfinished)", StringComparison.Ordinal));
        Assert.DoesNotContain(table.Split('\n'), l => l.StartsWith("tcpecho-sockets ", StringComparison.Ordinal) && l.Contains("unfinished", StringComparison.Ordinal));
    }

    /// <summary>The typical run as a kill -9 leaves it: still running, libuv's cells not measured in every trial.</summary>
    private static RunResult Interrupted()
    {
        var run = SampleRuns.Typical();
        return run with
        {
            Status = RunStatus.Running,
            Benchmarks = run.Benchmarks.Select(b => b.Server != "libuv" ? b : b with
            {
                Status = Status.Running,
                Reason = "not finished: the run was still measuring it",
                Variations = b.Variations.Select(v => v with { Status = Status.Running }).ToArray(),
            }).ToArray(),
        };
    }
}
