using VmBench.Core.Results;
using VmBench.Reporting.Charts;
using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tables;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Tables;

/// <summary>Memory per connection, from run.json's readings to every report: the same figures in the table of each and the chart.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class MemoryRowTests
{
    private static RunResult WithMemory()
    {
        var run = SampleRuns.Typical();
        var sockets = run.Benchmarks.Single(b => b.Server == "sockets");
        // 30 MiB at start; 10 connections: +1 MiB idle, +2 MiB active; 100 connections: +5 MiB idle, active unknown.
        var memory = new[] { new ConnectionMemory(10, 30L << 20, 31L << 20, 32L << 20), new ConnectionMemory(100, 30L << 20, 35L << 20, null) };
        return run with { Benchmarks = run.Benchmarks.Select(b => b == sockets ? b with { Memory = memory } : b).ToArray() };
    }

    [Fact]
    public void Rows_give_the_rise_over_the_start_per_connection_in_KiB()
    {
        var rows = MemoryRow.From(WithMemory());

        Assert.Equal(2, rows.Count);
        Assert.Equal(new MemoryRow("tcpecho-sockets", "sockets", 10, "30.0", "102.4", "204.8"), rows[0]);
        Assert.Equal(new MemoryRow("tcpecho-sockets", "sockets", 100, "30.0", "51.2", "n/a"), rows[1]);
    }

    [Fact]
    public void The_markdown_has_the_table_and_a_run_without_readings_has_none()
    {
        var markdown = MarkdownExporter.Render(WithMemory());

        Assert.Contains("## Memory per connection", markdown, StringComparison.Ordinal);
        Assert.Contains("| tcpecho-sockets | 10 | 30.0 | 102.4 | 204.8 |", markdown, StringComparison.Ordinal);
        Assert.Contains("| tcpecho-sockets | 100 | 30.0 | 51.2 | n/a |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("Memory per connection", MarkdownExporter.Render(SampleRuns.Typical()), StringComparison.Ordinal);
    }

    [Fact]
    public void The_chart_draws_each_server_idle_and_active_against_the_connection_count()
    {
        var chart = Assert.Single(ReportCharts.Build(WithMemory(), []), c => c.Id == "memory-connections-tcpecho");

        Assert.Equal(["10", "100"], chart.Categories);
        var idle = Assert.Single(chart.Series, s => s.Label == "sockets idle");
        Assert.Equal([(0.0, 102.4), (1.0, 51.2)], idle.Points.Select(p => (p.X, Math.Round(p.Y, 1))));
        var active = Assert.Single(chart.Series, s => s.Label == "sockets active");
        Assert.Equal([(0.0, 204.8)], active.Points.Select(p => (p.X, Math.Round(p.Y, 1))));
    }
}
