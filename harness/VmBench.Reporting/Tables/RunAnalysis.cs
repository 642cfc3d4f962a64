using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Reporting.Statistics;

namespace VmBench.Reporting.Tables;

/// <summary>
/// What the reports say about a run as a whole: its noise floor (from the A/A arm, when the run had one) and,
/// per protocol and cell, the ranking of the servers with ties and the machine's ceiling.
/// </summary>
internal sealed class RunAnalysis
{
    private RunAnalysis(NoiseFloor? noiseFloor, double minimumEffect, IReadOnlyList<CellRanking> rankings)
    {
        NoiseFloor = noiseFloor;
        MinimumEffect = minimumEffect;
        Rankings = rankings;
    }

    /// <summary>The smallest ratio to the reference, away from 1, that a verdict calls: 5 %, or the noise floor when it is larger.</summary>
    public double MinimumEffect { get; }

    /// <summary>How the verdicts against the reference were reached.</summary>
    public string VerdictMethod => string.Create(
        System.Globalization.CultureInfo.InvariantCulture,
        $"vs reference: paired Student t-test of the per-trial log ratios (Perfolizer), alpha 0.05, called only when the ratio is more than {MinimumEffect * 100:0.#} % from 1 (5 % or the noise floor, whichever is larger)");

    /// <summary>From the reference against its A/A arm; null when the run had no A/A arm.</summary>
    public NoiseFloor? NoiseFloor { get; }

    public IReadOnlyList<CellRanking> Rankings { get; }

    /// <summary>How the noise floor reads beside a comparison.</summary>
    public string NoiseFloorText => NoiseFloor is null
        ? "noise floor not measured (run with --aa to measure it)"
        : $"noise floor {NoiseFloor} (the reference against its own A/A arm, {NoiseFloor.Cells} cell(s), {NoiseFloor.Trials} trial(s)): smaller differences are not resolved on this machine";

    public static RunAnalysis Of(RunResult run, IReadOnlyList<ResultRow> rows)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(rows);
        var measured = rows.Where(r => r.Variation is not null && r.Summary is not null && r.Status == Status.Ok).ToList();
        var references = measured.Where(r => r.Benchmark.Role == BenchmarkRole.Reference)
            .ToDictionary(r => (r.Benchmark.Protocol, r.Variation!.MessageSize, r.Variation.Concurrency));
        var noise = Noise(run, measured, references);
        var comparison = new PairedComparison(Math.Max(PairedComparison.DefaultMinimumEffect, noise?.Fraction ?? 0));
        var rankings = measured
            .Where(r => r.Benchmark.Role != BenchmarkRole.AaArm)
            .GroupBy(r => (r.Benchmark.Protocol, r.Variation!.MessageSize, r.Variation.Concurrency))
            .OrderBy(g => g.Key.Protocol, StringComparer.Ordinal).ThenBy(g => g.Key.MessageSize).ThenBy(g => g.Key.Concurrency)
            .Select(g => Rank(g.Key.Protocol, g.Key.MessageSize, g.Key.Concurrency, g.ToList(), noise?.Fraction, references.GetValueOrDefault(g.Key), comparison, run.Config.Trials))
            .ToList();
        return new RunAnalysis(noise, comparison.MinimumEffect, rankings);
    }

    private static NoiseFloor? Noise(RunResult run, IReadOnlyList<ResultRow> rows, Dictionary<(string Protocol, int MessageSize, int Concurrency), ResultRow> references)
    {
        var arms = rows.Where(r => r.Benchmark.Role == BenchmarkRole.AaArm).ToList();
        if (arms.Count == 0)
        {
            return null;
        }

        var cells = new List<(IReadOnlyList<double?> A, IReadOnlyList<double?> B)>();
        foreach (var arm in arms)
        {
            if (references.TryGetValue((arm.Benchmark.Protocol, arm.Variation!.MessageSize, arm.Variation.Concurrency), out var reference))
            {
                cells.Add((ByTrial(reference.Variation!, run.Config.Trials), ByTrial(arm.Variation, run.Config.Trials)));
            }
        }

        return NoiseFloor.FromAa(cells);
    }

    /// <summary>Requests/s indexed by trial (null where the trial failed or is missing), so two arms pair by trial.</summary>
    private static double?[] ByTrial(VariationResult cell, int trials)
    {
        var values = new double?[Math.Max(trials, cell.Trials.Count == 0 ? 0 : cell.Trials.Max(t => t.Trial))];
        foreach (var trial in cell.Trials.Where(t => t.Result.Succeeded))
        {
            values[trial.Trial - 1] = trial.Result.RequestsPerSecond;
        }

        return values;
    }

    private static CellRanking Rank(string protocol, int size, int concurrency, IReadOnlyList<ResultRow> rows, double? noiseFloor, ResultRow? reference, PairedComparison comparison, int trials)
    {
        // With a reference, servers are ranked by their paired ratio to it (the same-trial ratio cancels most of the
        // machine's drift); the reference itself is exactly 1. Without one, by requests/s.
        var paired = rows.Any(r => r.Summary!.ReferenceRatio is not null);
        var items = rows.Select(r =>
        {
            var name = r.Benchmark.Name;
            if (paired && r.Benchmark.Role == BenchmarkRole.Reference)
            {
                return new RankItem(name, 1, 1, 1, 1);
            }

            var e = paired ? r.Summary!.ReferenceRatio : r.Summary!.RequestsPerSecond;
            return e is null ? null : new RankItem(name, e.Median, e.Lower, e.Upper, paired ? e.Median : null);
        }).Where(i => i is not null).Select(i => i!).ToList();
        var ranking = Ranking.Of(items, paired ? noiseFloor : null);
        var byName = rows.ToDictionary(r => r.Benchmark.Name, StringComparer.Ordinal);
        var entries = ranking.Items.Select(i =>
        {
            var row = byName[i.Item.Name];
            var versus = reference is null || row == reference ? null : comparison.Compare(ByTrial(reference.Variation!, trials), ByTrial(row.Variation!, trials));
            return new RankingEntry(row, i, versus);
        }).ToList();
        return new CellRanking(protocol, size, concurrency, paired, entries);
    }
}

/// <summary>One ranking table: a protocol at one payload size and concurrency.</summary>
/// <param name="ByReferenceRatio">True when servers are ranked by their ratio to the reference; false for requests/s.</param>
internal sealed record CellRanking(string Protocol, int Size, int Concurrency, bool ByReferenceRatio, IReadOnlyList<RankingEntry> Entries)
{
    public string Title => VariationResult.TitleOf(Protocol, Size, Concurrency);
}

/// <summary>A row of a ranking: the result row and where the ranking put it.</summary>
/// <param name="VersusReference">The paired comparison with the reference in the same trials; null for the reference itself or without one.</param>
internal sealed record RankingEntry(ResultRow Row, RankedItem Ranked, PairedRatio? VersusReference)
{
    /// <summary>"higher", "lower", "no resolvable difference", "too few trials (need N)", or empty.</summary>
    public string VersusText => VersusReference?.VerdictText ?? string.Empty;

    /// <summary>"1", "=2" (tied), "ceiling", or "-" (too few trials to rank).</summary>
    public string RankText => Ranked.AtCeiling ? "ceiling" : Ranked.Rank is { } rank ? (Ranked.Tied ? "=" : string.Empty) + rank.ToString(System.Globalization.CultureInfo.InvariantCulture) : "-";
}
