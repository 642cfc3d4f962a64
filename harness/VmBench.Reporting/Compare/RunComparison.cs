using System.Globalization;
using VmBench.Core.Results;

namespace VmBench.Reporting.Compare;

/// <summary>The comparison of two runs: rows for what both measured, and what only one of them has.</summary>
/// <param name="Base">The run compared against.</param>
/// <param name="New">The run judged.</param>
/// <param name="ThresholdPercent">The minimum effect the verdicts used, in percent.</param>
/// <param name="Alpha">The significance level the verdicts used.</param>
/// <param name="MinimumTrials">The trials each run needs for a verdict at that level.</param>
/// <param name="Rows">What both runs measured.</param>
/// <param name="OnlyInBase">Benchmark and variation labels measured only in the base run.</param>
/// <param name="OnlyInNew">Benchmark and variation labels measured only in the new run.</param>
public sealed record RunComparison(
    RunResult Base,
    RunResult New,
    double ThresholdPercent,
    double Alpha,
    int MinimumTrials,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<string> OnlyInBase,
    IReadOnlyList<string> OnlyInNew)
{
    /// <summary>How the verdicts were reached, for the console and the page: test, significance level, minimum effect and trials needed.</summary>
    public string Method =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Mann-Whitney U equivalence test (Perfolizer), alpha {Alpha}, minimum effect {ThresholdPercent} % (smaller changes are never reported), at least {MinimumTrials} trials per run; medians over trials");

    /// <summary>A warning for each run whose run.json says it never finished (null when both did).</summary>
    public IReadOnlyList<string> Warnings =>
        new[] { ("base", Tables.InterruptedRun.Note(Base)), ("new", Tables.InterruptedRun.Note(New)) }
            .Where(w => w.Item2 is not null).Select(w => $"{w.Item1} run: {w.Item2}").ToList();

    /// <summary>Each run's own noise floor (from its A/A arm), printed beside the verdicts: a change smaller than it is within what the machine resolves.</summary>
    public string NoiseFloors => $"base: {Tables.RunAnalysis.Of(Base, Tables.ResultRows.From(Base)).NoiseFloorText}; new: {Tables.RunAnalysis.Of(New, Tables.ResultRows.From(New)).NoiseFloorText}";
}
