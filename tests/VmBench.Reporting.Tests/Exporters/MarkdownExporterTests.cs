using VmBench.Reporting.Exporters;
using VmBench.Reporting.Tests.Support;

namespace VmBench.Reporting.Tests.Exporters;

[Trait(Tier.Key, Tier.Fast)]
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
        var results = MarkdownExporter.Render(SampleRuns.Typical()).Split("## Results")[1].Split("## Servers")[0];
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

    [Fact]
    public void The_servers_table_shows_each_servers_manifest_environment_escaped()
    {
        var markdown = MarkdownExporter.Render(SampleRuns.Typical());
        var servers = markdown.Split("## Servers")[1].Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.Contains("| Environment |", servers[0], StringComparison.Ordinal);
        Assert.Contains(servers, l => l.StartsWith("| sockets |", StringComparison.Ordinal)
            && l.Contains("| DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1<br>DOTNET_TC_CallCountingDelayMs=0 |", StringComparison.Ordinal));
        Assert.Contains(servers, l => l.StartsWith("| kestrel |", StringComparison.Ordinal) && l.Contains("| HOSTILE=&lt;b&gt;1&lt;/b&gt; \\| x |", StringComparison.Ordinal));
        Assert.Contains(servers, l => l.StartsWith("| threads |", StringComparison.Ordinal) && l.Contains("| C# |  |", StringComparison.Ordinal));
        Assert.Single(servers.Select(l => l.Replace("\\|", string.Empty, StringComparison.Ordinal).Count(c => c == '|')).Distinct());
    }

    [Fact]
    public void The_servers_table_shows_the_runtime_versions_and_why_one_is_unknown_escaped()
    {
        var markdown = MarkdownExporter.Render(SampleRuns.Typical());
        var servers = markdown.Split("## Servers")[1].Split('\n').Where(l => l.StartsWith('|')).ToList();

        Assert.Contains("| Versions |", servers[0], StringComparison.Ordinal);
        Assert.Contains(servers, l => l.StartsWith("| sockets |", StringComparison.Ordinal) && l.Contains("| C# | .NET: .NET 10.0.12 |", StringComparison.Ordinal));
        Assert.Contains(servers, l => l.StartsWith("| kestrel |", StringComparison.Ordinal)
            && l.Contains("| .NET: .NET 10.0.12<br>ASP.NET Core: unknown (exit 127: &lt;missing&gt; \\| not found) |", StringComparison.Ordinal));
        Assert.Contains(servers, l => l.StartsWith("| libuv |", StringComparison.Ordinal) && l.Contains("| C# |  |", StringComparison.Ordinal));
    }
}
