using System.Globalization;
using System.Text;
using VmBench.Core.Results;

namespace VmBench.Reporting.Exporters;

/// <summary>
/// histograms/*.hlog: each measurement's latency histograms in HdrHistogram's log format (as the load
/// client wrote them: one interval per second), one file per benchmark, cell and trial, so any
/// standard HdrHistogram tool can re-plot them; beside each, its .hgrm percentile distribution
/// (one per tag at constant rate: <c>name.corrected.hgrm</c>, <c>name.uncorrected.hgrm</c>), as wrk2 prints it.
/// Sweep steps get their files too.
/// </summary>
public sealed class HistogramLogExporter : IResultExporter
{
    public const string Folder = "histograms";

    public string Name => "histogram logs";

    public async Task<IReadOnlyList<string>> ExportAsync(RunResult run, string runDirectory, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(run);
        var folder = Path.GetFullPath(Path.Combine(runDirectory, Folder));
        var written = new List<string>();
        foreach (var (name, log) in Logs(run))
        {
            Directory.CreateDirectory(folder);
            var path = Path.Combine(folder, name);
            await AtomicFile.WriteAllTextAsync(path, log, cancellationToken).ConfigureAwait(false);
            written.Add(path);
            foreach (var (tag, text) in PercentileDistribution.FromLog(log))
            {
                var hgrm = Path.ChangeExtension(path, tag is null ? ".hgrm" : $".{Safe(tag)}.hgrm");
                await AtomicFile.WriteAllTextAsync(hgrm, text, cancellationToken).ConfigureAwait(false);
                written.Add(hgrm);
            }
        }

        return written;
    }

    /// <summary>File name and log text of every measurement that has a histogram log, e.g. <c>tcpecho-sockets-1024b-c10-t1.hlog</c>.</summary>
    public static IEnumerable<(string Name, string Log)> Logs(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (var benchmark in run.Benchmarks)
        {
            foreach (var variation in benchmark.Variations)
            {
                foreach (var trial in variation.Trials)
                {
                    if (trial.Result.HistogramLog is { Length: > 0 } log)
                    {
                        yield return (string.Create(CultureInfo.InvariantCulture, $"{Safe(benchmark.Name)}{(variation.MessageSize == VariationResult.NoPayload ? string.Empty : $"-{variation.MessageSize}b")}-c{variation.Concurrency}-t{trial.Trial}.hlog"), log);
                    }
                }
            }

            foreach (var step in benchmark.Sweep)
            {
                if (step.Result.HistogramLog is { Length: > 0 } log)
                {
                    yield return (string.Create(CultureInfo.InvariantCulture, $"{Safe(benchmark.Name)}-sweep-{step.Fraction * 100:0}pct.hlog"), log);
                }
            }
        }
    }

    /// <summary>Benchmark names come from manifests: keep file names to letters, digits and '-'.</summary>
    private static string Safe(string name) =>
        string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c == '-' ? c : '_'));
}
