using System.Text;
using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>
/// The closing table of <c>vmbench run</c> on the console: the rows, figures, number formats and flags of
/// results.md and report.html (<see cref="ResultRows"/>, <see cref="Format"/>, <see cref="FlagText"/>), so the
/// console never prints a figure the files do not.
/// </summary>
public static class ConsoleSummary
{
    public const string Heading = "Medians over trials (95 % CI in run.json, results.md and the report):";

    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var text = new StringBuilder();
        text.Append(Heading).Append('\n');
        Line(text, "benchmark", "variation", "trials", "req/s", "x ref", "MiB/s", "p50 ms", "p99 ms", "status");
        foreach (var row in ResultRows.From(run))
        {
            var s = row.Summary;
            var status = new List<string> { StatusText.Of(row.Status) };
            status.AddRange(FlagText.Badges(row.Flags));
            Line(
                text,
                ConsoleText.Line(row.Benchmark.Name),
                row.Variation is null ? "-" : ConsoleText.Line(row.VariationLabel),
                row.Variation is null ? "-" : Format.Raw(row.Trials),
                s is null ? "-" : Format.Rate(s.RequestsPerSecond.Median),
                s?.ReferenceRatio is { } ratio ? Format.Fixed(ratio.Median, 3) : "-",
                s is null ? "-" : Format.Fixed(s.MiBPerSecond.Median, 1),
                s is null ? "-" : Format.Ms(s.P50Ms.Median),
                s is null ? "-" : Format.Ms(s.P99Ms.Median),
                string.Join(", ", status));
        }

        return text.ToString();
    }

    /// <summary>"5 benchmark(s): 3 ok, 1 failed, 1 cancelled; run cancelled": each status counted as itself.</summary>
    public static string Tally(RunResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var counts = Enum.GetValues<Status>()
            .Select(s => (Status: s, Count: result.Benchmarks.Count(b => b.Status == s)))
            .Where(c => c.Count > 0 || c.Status is Status.Ok or Status.Failed or Status.Skipped)
            .Select(c => $"{c.Count} {StatusText.Of(c.Status)}");
        return $"{result.Benchmarks.Count} benchmark(s): {string.Join(", ", counts)}; run {result.Status.ToString().ToLowerInvariant()}";
    }

    private static void Line(StringBuilder text, string benchmark, string variation, string trials, string rps, string ratio, string mib, string p50, string p99, string status) =>
        text.Append($"{benchmark,-28} {variation,-16} {trials,6} {rps,12} {ratio,7} {mib,9} {p50,8} {p99,8}  {status}").Append('\n');
}
