using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Exporters;

/// <summary>
/// results.csv: per benchmark x cell, one <c>trial</c> row per trial (that trial's own figures), one
/// <c>superseded</c> row per measurement replaced when its block was measured again (a slow spell), and one
/// <c>summary</c> row (medians over the successful trials, 95 % confidence intervals, the reference ratio and the
/// flags); then one <c>sweep</c> row per sweep step (offered rate in intended_rate_per_s, its outcome in the flags:
/// "server saturated", "rate not met (client-bound)" ...); http cells leave payload_bytes empty (no payload axis); units in the column names, invariant numbers, RFC 4180 quoting; text cells that a spreadsheet would take
/// for a formula (= + - @) are prefixed with an apostrophe.
/// </summary>
public sealed class CsvExporter() : TextFileExporter("csv", FileName, Render)
{
    public const string FileName = "results.csv";

    private static readonly string[] s_header =
    [
        "row", "benchmark", "server", "title", "loop", "language", "protocol", "role", "status", "reason",
        "payload_bytes", "concurrency", "trial", "trials", "position_in_trial", "started_utc",
        "requests_per_s", "requests_per_s_ci_lower", "requests_per_s_ci_upper", "requests_per_s_min", "requests_per_s_max",
        "reference", "ratio_to_reference", "ratio_ci_lower", "ratio_ci_upper",
        "mib_per_s", "p50_ms", "p90_ms", "p99_ms", "p999_ms", "p99_corrected_ms", "intended_rate_per_s",
        "errors", "client_cpu_utilization", "server_cpu_utilization", "server_cpu_us_per_request", "server_peak_memory_bytes",
        "unsteady", "client_bound", "saturated", "notes",
    ];

    public static string Render(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var builder = new StringBuilder();
        builder.Append(string.Join(',', s_header)).Append('\n');
        foreach (var row in ResultRows.From(run))
        {
            foreach (var trial in row.Variation?.Trials ?? [])
            {
                Append(builder, Trial(row, trial, "trial", null));
            }

            foreach (var superseded in row.Variation?.Superseded ?? [])
            {
                Append(builder, Trial(row, superseded.Trial, "superseded", "superseded, left out of every statistic: " + superseded.Reason));
            }

            Append(builder, Summary(row));
        }

        foreach (var benchmark in run.Benchmarks)
        {
            foreach (var step in benchmark.Sweep)
            {
                Append(builder, Sweep(benchmark, step));
            }
        }

        return builder.ToString();
    }

    private static void Append(StringBuilder builder, IEnumerable<string> cells) => builder.AppendJoin(',', cells).Append('\n');

    private static IEnumerable<string> Identity(ResultRow row, string kind, Status status, string? reason)
    {
        var v = row.Variation;
        return Identity(row.Benchmark, kind, status, reason, v is null || v.MessageSize == VariationResult.NoPayload ? null : v.MessageSize, v?.Concurrency);
    }

    private static IEnumerable<string> Identity(BenchmarkResult b, string kind, Status status, string? reason, int? payload, int? concurrency)
    {
        return
        [
            kind, Text(b.Name), Text(b.Server), Text(b.Title), Text(b.Loop), Text(b.Language), Text(b.Protocol), Text(RoleText.Of(b.Role)),
            Text(StatusText.Of(status)), Text(reason ?? string.Empty),
            payload is { } p ? Format.Raw(p) : string.Empty,
            concurrency is { } c ? Format.Raw(c) : string.Empty,
        ];
    }

    /// <param name="kind">"trial", or "superseded" for a measurement whose block was measured again (left out of the summary).</param>
    private static IEnumerable<string> Trial(ResultRow row, TrialResult trial, string kind, string? note)
    {
        var r = trial.Result;
        var latency = r.Latency;
        return
        [
            .. Identity(row, kind, r.Succeeded ? Status.Ok : Status.Failed, r.Failure),
            Format.Raw(trial.Trial), string.Empty, Format.Raw(trial.Position), Text(trial.Started.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)),
            Format.Raw(r.RequestsPerSecond), string.Empty, string.Empty, string.Empty, string.Empty,
            string.Empty, string.Empty, string.Empty, string.Empty,
            Format.Raw(r.MiBPerSecond), Format.Raw(latency.P50), Format.Raw(latency.P90), Format.Raw(latency.P99), Format.Raw(latency.P999),
            Format.Raw(r.CorrectedLatency?.P99), Format.Raw(r.IntendedRate),
            Format.Raw(r.Errors), Format.Raw(r.Client?.CpuUtilization), Format.Raw(trial.ServerCpuUtilization), Format.Raw(trial.ServerCpuMicrosPerRequest),
            trial.ServerPeakMemoryBytes is { } peak ? Format.Raw(peak) : string.Empty,
            trial.TrendPercent is null ? "false" : "true", r.Client?.ClientBound == true ? "true" : "false", string.Empty,
            Text(Notes(trial, note)),
        ];
    }

    private static IEnumerable<string> Summary(ResultRow row)
    {
        var s = row.Summary;
        var rps = s?.RequestsPerSecond;
        var ratio = s?.ReferenceRatio;
        var v = row.Variation;
        return
        [
            .. Identity(row, "summary", row.Status, row.Reason),
            string.Empty, v is null ? string.Empty : Format.Raw(row.Trials), string.Empty, string.Empty,
            Format.Raw(rps?.Median), Format.Raw(rps?.Lower), Format.Raw(rps?.Upper), Format.Raw(rps?.Min), Format.Raw(rps?.Max),
            Text(s?.Reference ?? string.Empty), Format.Raw(ratio?.Median), Format.Raw(ratio?.Lower), Format.Raw(ratio?.Upper),
            Format.Raw(s?.MiBPerSecond.Median), Format.Raw(s?.P50Ms.Median), string.Empty, Format.Raw(s?.P99Ms.Median), string.Empty,
            Format.Raw(s?.CorrectedP99Ms?.Median), Format.Raw(row.IntendedRate),
            v is null ? string.Empty : Format.Raw(row.Errors), string.Empty, string.Empty, Format.Raw(row.ServerCpuMicrosPerRequest),
            row.ServerPeakMemoryBytes is { } peak ? Format.Raw(peak) : string.Empty,
            v is null ? string.Empty : (row.Flags.Unsteady ? "true" : "false"),
            v is null ? string.Empty : (row.ClientBound ? "true" : "false"),
            Text(row.Flags.Saturated ?? string.Empty),
            Text(string.Join("; ", new[] { FlagText.Notes(row.Flags), row.Remeasured ?? string.Empty }.Where(n => n.Length > 0))),
        ];
    }

    /// <summary>A sweep step: the offered rate in intended_rate_per_s, what it achieved, and its outcome in the flags and notes.</summary>
    private static IEnumerable<string> Sweep(BenchmarkResult benchmark, SweepStep step)
    {
        var r = step.Result;
        var latency = r.Latency;
        var outcome = step.Outcome;
        var notes = $"sweep {step.Fraction.ToString("P0", System.Globalization.CultureInfo.InvariantCulture)} of the closed-loop peak: {step.OutcomeText}" + (r.Client?.Reason is { } why ? $" ({why})" : string.Empty);
        return
        [
            .. Identity(benchmark, "sweep", r.Succeeded ? Status.Ok : Status.Failed, r.Failure, null, null),
            string.Empty, string.Empty, string.Empty, string.Empty,
            Format.Raw(r.RequestsPerSecond), string.Empty, string.Empty, string.Empty, string.Empty,
            string.Empty, string.Empty, string.Empty, string.Empty,
            Format.Raw(r.MiBPerSecond), Format.Raw(latency.P50), Format.Raw(latency.P90), Format.Raw(latency.P99), Format.Raw(latency.P999),
            Format.Raw(r.CorrectedLatency?.P99), Format.Raw(step.OfferedRate),
            Format.Raw(r.Errors), Format.Raw(r.Client?.CpuUtilization), string.Empty, string.Empty, string.Empty,
            "false", outcome is SweepOutcome.ClientBound or SweepOutcome.RateNotMet ? "true" : "false",
            outcome switch { SweepOutcome.ServerSaturated => "server", SweepOutcome.ClientBound or SweepOutcome.RateNotMet when r.Client is not null => "client", _ => string.Empty },
            Text(notes),
        ];
    }

    private static string Notes(TrialResult trial, string? note) =>
        string.Join("; ", new[]
        {
            note,
            trial.TrendPercent is { } t ? FormattableString.Invariant($"trended {t:+0;-0} %") : null,
            trial.Result.Client is { ClientBound: true } c ? "client-bound: " + c.Reason : null,
        }.Where(n => n is not null));

    /// <summary>A text cell: neutralised against formula injection, quoted when it holds a comma, quote or line break.</summary>
    public static string Text(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
        {
            value = "'" + value;
        }

        return value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
