using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Exporters;

/// <summary>results.md: a GitHub-flavoured table, one row per benchmark x variation; every text cell escaped.</summary>
public sealed class MarkdownExporter() : TextFileExporter("markdown", FileName, Render)
{
    public const string FileName = "results.md";

    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = ResultRows.From(run);
        var analysis = RunAnalysis.Of(run, rows);
        var corrected = rows.Any(r => r.Summary?.CorrectedP99Ms is not null);
        var builder = new StringBuilder();
        builder.Append("# VmBench results\n\n");
        builder.Append(Text($"{Format.Date(run.Date)}, runtime {run.Runtime}, status {run.Status.ToString().ToLowerInvariant()}, {RunText.Method(run.Config)}")).Append("\n\n");
        if (InterruptedRun.Note(run) is { } interrupted)
        {
            builder.Append("**").Append(Text(interrupted)).Append("**\n\n");
        }

        builder.Append(Text(RunText.Statistic)).Append("\n\n");
        builder.Append(Text(analysis.NoiseFloorText)).Append(".\n\n");
        if (analysis.Rankings.Count > 0)
        {
            builder.Append("## Ranking\n\n").Append(Text(RunText.RankingNote)).Append(' ').Append(Text(analysis.VerdictMethod)).Append(".\n\n");
            foreach (var ranking in analysis.Rankings)
            {
                builder.Append("### ").Append(Text(ranking.Title)).Append("\n\n| Rank | Benchmark | Requests/s | 95 % CI | x reference | 95 % CI | vs reference | p99 ms | Flags |\n| --- | --- | ---: | ---: | ---: | ---: | --- | ---: | --- |\n");
                foreach (var entry in ranking.Entries)
                {
                    var summary = entry.Row.Summary!;
                    builder.Append("| ").AppendJoin(" | ", [
                        Text(entry.RankText), Text(entry.Row.Benchmark.Name),
                        Format.Rate(summary.RequestsPerSecond.Median), Text(Format.Interval(summary.RequestsPerSecond, Format.Rate)),
                        summary.ReferenceRatio is { } ratio ? Format.Fixed(ratio.Median, 3) : string.Empty, Text(Format.Interval(summary.ReferenceRatio, v => Format.Fixed(v, 3))),
                        Text(entry.VersusText), Format.Ms(summary.P99Ms.Median), Text(string.Join(", ", FlagText.Badges(summary.Flags))),
                    ]).Append(" |\n");
                }

                builder.Append('\n');
            }
        }

        builder.Append("## Results\n\n");
        var header = new List<string> { "Benchmark", "Server", "Variation", "Status", "Trials", "Requests/s", "95 % CI", "x reference", "MiB/s", "p50 ms", "p99 ms" };
        if (corrected)
        {
            header.Add("p99 corrected ms");
        }

        header.AddRange(["Errors", "Notes"]);
        builder.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        builder.Append('|').Append(string.Concat(header.Select((_, i) => i < 4 || i == header.Count - 1 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var row in rows)
        {
            var summary = row.Summary;
            var cells = new List<string>
            {
                Text(row.Benchmark.Name),
                Text(row.Benchmark.Server),
                Text(row.VariationLabel),
                Text(StatusText.Of(row.Status)),
                row.Variation is null ? string.Empty : Format.Raw(row.Trials),
                summary is null ? string.Empty : Format.Rate(summary.RequestsPerSecond.Median),
                Text(Format.Interval(summary?.RequestsPerSecond, Format.Rate)),
                summary?.ReferenceRatio is { } ratio ? Format.Fixed(ratio.Median, 3) : string.Empty,
                summary is null ? string.Empty : Format.Fixed(summary.MiBPerSecond.Median, 1),
                summary is null ? string.Empty : Format.Ms(summary.P50Ms.Median),
                summary is null ? string.Empty : Format.Ms(summary.P99Ms.Median),
            };
            if (corrected)
            {
                cells.Add(summary?.CorrectedP99Ms is { } c ? Format.Ms(c.Median) : string.Empty);
            }

            cells.Add(row.Variation is null ? string.Empty : Format.Raw(row.Errors));
            cells.Add(Text(Notes(row)));
            builder.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        if (MemoryRow.From(run) is { Count: > 0 } memory)
        {
            builder.Append("\n## Memory per connection\n\n").Append(Text(MemoryRow.Note)).Append("\n\n| Benchmark | Connections | Memory at start (MiB) | Idle (KiB per connection) | Active (KiB per connection) |\n| --- | ---: | ---: | ---: | ---: |\n");
            foreach (var row in memory)
            {
                builder.Append("| ").Append(Text(row.Benchmark)).Append(" | ").Append(Format.Raw(row.Connections)).Append(" | ").Append(row.BaselineMiB)
                    .Append(" | ").Append(row.IdleKiBPerConnection).Append(" | ").Append(row.ActiveKiBPerConnection).Append(" |\n");
            }
        }

        if (TlsRow.From(run) is { Count: > 0 } tls)
        {
            builder.Append("\n## TLS beside plaintext\n\n").Append(Text(TlsRow.Note)).Append("\n\n| Benchmark | Plaintext twin | Variation | TLS req/s | Plaintext req/s | TLS / plaintext | 95 % CI | Paired trials | Negotiated | Flags |\n| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
            foreach (var row in tls)
            {
                builder.Append("| ").Append(Text(row.Benchmark)).Append(" | ").Append(Text(row.Plaintext)).Append(" | ").Append(row.Variation).Append(" | ").Append(row.TlsRate)
                    .Append(" | ").Append(row.PlaintextRate).Append(" | ").Append(row.Ratio).Append(" | ").Append(row.RatioInterval).Append(" | ").Append(Format.Raw(row.Pairs))
                    .Append(" | ").Append(Text(row.Negotiated)).Append(" | ").Append(Text(row.Flags)).Append(" |\n");
            }
        }

        builder.Append("\n## Servers\n\n| Server | Title | Loop | Language | Versions | Environment | Benchmarks |\n| --- | --- | --- | --- | --- | --- | --- |\n");
        foreach (var server in run.Benchmarks.GroupBy(b => b.Server, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = server.First();
            builder.Append("| ").Append(Text(server.Key)).Append(" | ").Append(Text(first.Title)).Append(" | ").Append(Text(first.Loop))
                .Append(" | ").Append(Text(first.Language)).Append(" | ").Append(string.Join("<br>", ServerEnvironmentText.Versions(server).Select(Text)))
                .Append(" | ").Append(string.Join("<br>", ServerEnvironmentText.Of(first).Select(Text)))
                .Append(" | ").Append(Text(string.Join(", ", server.Select(b => b.Name)))).Append(" |\n");
        }

        return builder.ToString();
    }

    /// <summary>Text safe in a GFM table cell: HTML special characters as entities, pipes and backslashes escaped, one line.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("|", "\\|", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal)
            .Replace("\r\n", " ", StringComparison.Ordinal)
            .Replace('\n', ' ')
            .Replace('\r', ' ');
    }

    private static string Notes(ResultRow row)
    {
        var notes = new List<string>();
        var flags = FlagText.Notes(row.Flags);
        if (flags.Length > 0)
        {
            notes.Add(flags);
        }

        if (row.Reason is not null)
        {
            notes.Add(row.Reason);
        }

        if (row.Remeasured is { } remeasured)
        {
            notes.Add(remeasured);
        }

        return string.Join("; ", notes);
    }
}
