using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Exporters;

/// <summary>
/// results.csv: one row per benchmark x variation, invariant numbers, RFC 4180 quoting; text cells that a
/// spreadsheet would take for a formula (= + - @) are prefixed with an apostrophe.
/// </summary>
public sealed class CsvExporter : IResultExporter
{
    public const string FileName = "results.csv";

    private static readonly string[] s_header =
    [
        "benchmark", "server", "title", "loop", "language", "protocol", "status", "reason",
        "payload_bytes", "concurrency", "repeats",
        "rps_median", "rps_ci_lower", "rps_ci_upper", "rps_min", "rps_max", "mib_per_s",
        "latency_min_ms", "latency_mean_ms", "latency_max_ms", "latency_stddev_ms", "latency_cv",
        "p50_ms", "p90_ms", "p99_ms", "p999_ms", "p99_corrected_ms", "intended_rate",
        "errors", "client_bound", "server_cpu_s", "server_peak_memory_bytes",
    ];

    public string Name => "csv";

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
        var builder = new StringBuilder();
        builder.Append(string.Join(',', s_header)).Append('\n');
        foreach (var row in ResultRows.From(run))
        {
            var b = row.Benchmark;
            var v = row.Variation;
            var latency = row.Representative?.Latency;
            string[] cells =
            [
                Text(b.Name), Text(b.Server), Text(b.Title), Text(b.Loop), Text(b.Language), Text(b.Protocol),
                Text(StatusText.Of(row.Status)), Text(row.Reason ?? string.Empty),
                v is null ? string.Empty : Format.Raw(v.MessageSize),
                v is null ? string.Empty : Format.Raw(v.Concurrency),
                v is null ? string.Empty : Format.Raw(row.Repeats),
                Format.Raw(row.RequestsPerSecond?.Median), Format.Raw(row.RequestsPerSecond?.Lower), Format.Raw(row.RequestsPerSecond?.Upper),
                Format.Raw(row.RequestsPerSecond?.Min), Format.Raw(row.RequestsPerSecond?.Max),
                Format.Raw(row.Representative?.MiBPerSecond),
                Format.Raw(latency?.Min), Format.Raw(latency?.Mean), Format.Raw(latency?.Max), Format.Raw(latency?.StdDev), Format.Raw(latency?.Cv),
                Format.Raw(latency?.P50), Format.Raw(latency?.P90), Format.Raw(latency?.P99), Format.Raw(latency?.P999),
                Format.Raw(row.CorrectedP99Ms), Format.Raw(row.IntendedRate),
                v is null ? string.Empty : Format.Raw(row.Errors),
                v is null ? string.Empty : (row.ClientBound ? "true" : "false"),
                Format.Raw(row.Server?.CpuSeconds),
                row.Server is null ? string.Empty : Format.Raw(row.Server.PeakMemoryBytes),
            ];
            builder.Append(string.Join(',', cells)).Append('\n');
        }

        return builder.ToString();
    }

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
