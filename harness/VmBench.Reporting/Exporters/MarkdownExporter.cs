using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Exporters;

/// <summary>results.md: a GitHub-flavoured table, one row per benchmark x variation; every text cell escaped.</summary>
public sealed class MarkdownExporter : IResultExporter
{
    public const string FileName = "results.md";

    public string Name => "markdown";

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        var path = Path.GetFullPath(Path.Combine(runDirectory, FileName));
        Directory.CreateDirectory(runDirectory);
        await File.WriteAllTextAsync(path, Render(run), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return [path];
    }

    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var rows = ResultRows.From(run);
        var corrected = rows.Any(r => r.CorrectedP99Ms is not null);
        var builder = new StringBuilder();
        builder.Append("# VmBench results\n\n");
        builder.Append(Text($"{Format.Date(run.Date)}, runtime {run.Runtime}, status {run.Status.ToString().ToLowerInvariant()}, {run.Config.Repeat} repeat(s) of {run.Config.DurationSeconds} s")).Append("\n\n");
        builder.Append("Requests/s: median over repeats. Latency (ms): the representative repeat (nearest the median).\n\n");
        var header = new List<string> { "Benchmark", "Server", "Variation", "Status", "Requests/s", "MiB/s", "Mean ms", "p50 ms", "p90 ms", "p99 ms" };
        if (corrected)
        {
            header.Add("p99 corrected ms");
        }

        header.AddRange(["p99.9 ms", "Errors", "Notes"]);
        builder.Append("| ").Append(string.Join(" | ", header)).Append(" |\n");
        builder.Append('|').Append(string.Concat(header.Select((_, i) => i < 4 || i == header.Count - 1 ? " --- |" : " ---: |"))).Append('\n');
        foreach (var row in rows)
        {
            var latency = row.Representative?.Latency;
            var cells = new List<string>
            {
                Text(row.Benchmark.Name),
                Text(row.Benchmark.Server),
                Text(row.VariationLabel),
                Text(StatusText.Of(row.Status)),
                row.RequestsPerSecond is { } rps ? Format.Rate(rps.Median) : string.Empty,
                row.Representative is { } r ? Format.Fixed(r.MiBPerSecond, 1) : string.Empty,
                latency is null ? string.Empty : Format.Ms(latency.Mean),
                latency is null ? string.Empty : Format.Ms(latency.P50),
                latency is null ? string.Empty : Format.Ms(latency.P90),
                latency is null ? string.Empty : Format.Ms(latency.P99),
            };
            if (corrected)
            {
                cells.Add(row.CorrectedP99Ms is { } c ? Format.Ms(c) : string.Empty);
            }

            cells.Add(latency is null ? string.Empty : Format.Ms(latency.P999));
            cells.Add(row.Variation is null ? string.Empty : Format.Raw(row.Errors));
            cells.Add(Text(Notes(row)));
            builder.Append("| ").Append(string.Join(" | ", cells)).Append(" |\n");
        }

        builder.Append("\n## Servers\n\n| Server | Title | Loop | Language | Environment | Benchmarks |\n| --- | --- | --- | --- | --- | --- |\n");
        foreach (var server in run.Benchmarks.GroupBy(b => b.Server, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var first = server.First();
            builder.Append("| ").Append(Text(server.Key)).Append(" | ").Append(Text(first.Title)).Append(" | ").Append(Text(first.Loop))
                .Append(" | ").Append(Text(first.Language)).Append(" | ").Append(string.Join("<br>", ServerEnvironmentText.Of(first).Select(Text)))
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
        if (row.ClientBound)
        {
            notes.Add("client-bound" + (row.ClientBoundReason is null ? string.Empty : $" ({row.ClientBoundReason})"));
        }

        if (row.Reason is not null)
        {
            notes.Add(row.Reason);
        }

        return string.Join("; ", notes);
    }
}
