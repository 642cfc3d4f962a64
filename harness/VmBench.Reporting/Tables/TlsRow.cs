using System.Globalization;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tables;

/// <summary>
/// One row of the TLS table: a TLS cell beside its plaintext twin (tlsecho-x beside tcpecho-x, tlshandshake-x beside
/// connect-x, same size and concurrency), with the ratio of their requests/s paired trial by trial.
/// </summary>
public sealed record TlsRow(
    string Benchmark,
    string Plaintext,
    string Variation,
    string TlsRate,
    string PlaintextRate,
    string Ratio,
    string RatioInterval,
    int Pairs,
    string Negotiated,
    string Flags)
{
    /// <summary>What the table says about its figures, under its heading in every report.</summary>
    public const string Note = "TLS / plaintext is the median of the per-trial ratios of requests/s (handshakes/s for tlshandshake against connections/s for connect), over the trials where both cells succeeded: both cells of a trial ran in the same randomized pass, so the machine's drift between trials cancels. The requests/s columns are each cell's own median over its successful trials. Flags are both cells' (TLS first).";

    /// <summary>Every TLS cell whose plaintext twin was measured in the same run, benchmark by benchmark.</summary>
    public static IReadOnlyList<TlsRow> From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        var byName = run.Benchmarks.ToDictionary(b => b.Name, StringComparer.Ordinal);
        var rows = new List<TlsRow>();
        foreach (var tls in run.Benchmarks.Where(b => b.Role == BenchmarkRole.Measured))
        {
            if (Protocol.FromPrefix(tls.Protocol)?.PlaintextTwin is not { } twin || !byName.TryGetValue($"{twin.Prefix}-{tls.Server}", out var plain))
            {
                continue;
            }

            foreach (var cell in tls.Variations)
            {
                var other = plain.Variations.FirstOrDefault(v => v.MessageSize == cell.MessageSize && v.Concurrency == cell.Concurrency);
                if (other is null)
                {
                    continue;
                }

                rows.Add(Row(tls, plain, cell, other));
            }
        }

        return rows;
    }

    private static TlsRow Row(BenchmarkResult tls, BenchmarkResult plain, VariationResult cell, VariationResult other)
    {
        var plainByTrial = other.Trials.Where(t => t.Result.Succeeded && t.Result.RequestsPerSecond > 0).ToDictionary(t => t.Trial);
        var ratios = cell.Trials.Where(t => t.Result.Succeeded && plainByTrial.ContainsKey(t.Trial))
            .Select(t => t.Result.RequestsPerSecond / plainByTrial[t.Trial].Result.RequestsPerSecond).ToArray();
        var ratio = ratios.Length == 0 ? null : PerfolizerSummarizer.Of(ratios);
        var negotiated = cell.Trials.Select(t => t.Result.Tls).FirstOrDefault(s => s is not null);
        var flags = new[] { cell.Summary?.Flags, other.Summary?.Flags }.Where(f => f is not null).SelectMany(f => FlagText.Badges(f!)).Distinct(StringComparer.Ordinal);
        return new TlsRow(
            tls.Name,
            plain.Name,
            cell.Label,
            cell.Summary is { } s ? Format.Rate(s.RequestsPerSecond.Median) : "n/a",
            other.Summary is { } p ? Format.Rate(p.RequestsPerSecond.Median) : "n/a",
            ratio is null ? "n/a" : ratio.Median.ToString("0.00", CultureInfo.InvariantCulture) + "x",
            Format.Interval(ratio, v => v.ToString("0.00", CultureInfo.InvariantCulture)),
            ratios.Length,
            negotiated is null ? "n/a" : $"{negotiated.Protocol} {negotiated.Cipher}",
            string.Join(", ", flags));
    }
}
