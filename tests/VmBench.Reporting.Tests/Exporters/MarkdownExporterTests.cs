using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

public sealed class MarkdownExporterTests
{
    [Fact]
    public void Matches_the_snapshot()
    {
        var markdown = MarkdownExporter.Render(SampleRuns.Typical());

        Snapshot.AssertMatches("results.md", markdown);
    }

    [Fact]
    public void Every_table_line_has_the_same_number_of_cells()
    {
        var results = MarkdownExporter.Render(SampleRuns.Typical()).Split("## Servers")[0];
        var lines = results.Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.Equal(2 + 13, lines.Count);
        Assert.Single(lines.Select(l => l.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')).Distinct());
    }

    [Fact]
    public void Hostile_text_is_escaped()
    {
        var run = new RunBuilder().Failed("<script>alert(1)</script>", "a | b <b>c</b>").Build();

        var markdown = MarkdownExporter.Render(run);

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains("a \\| b &lt;b&gt;c&lt;/b&gt;", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_manifest_title_is_escaped_in_the_servers_table()
    {
        var markdown = MarkdownExporter.Render(SampleRuns.Typical());

        Assert.Contains("| libuv | &lt;script&gt;alert(1)&lt;/script&gt; \"quoted\", \\| piped | loop-libuv |", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", markdown, StringComparison.OrdinalIgnoreCase);
    }
}
