using System.Globalization;
using VmBench.Core.Load;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>
/// Summarizes a cell over its successful trials: every figure the median over the same trials, the paired
/// ratio to the reference (same trial), and the flags (unsteady, client-bound and which side saturated).
/// </summary>
public sealed class CellSummarizer
{
    /// <summary>CPU utilization at or above which a side counts as saturated (as the load client's own client-bound test).</summary>
    public const double SaturatedUtilization = 0.9;

    private readonly IEstimator _estimator;

    public CellSummarizer(IEstimator estimator)
    {
        _estimator = estimator;
    }

    /// <param name="warmup">The benchmark's warm-up; null when it had none.</param>
    /// <param name="reference">The reference cell's name and trials (same protocol, size, concurrency); null when there is none.</param>
    public VariationSummary? Summarize(IReadOnlyList<TrialResult> trials, WarmupResult? warmup, (string Name, IReadOnlyList<TrialResult> Trials)? reference)
    {
        ArgumentNullException.ThrowIfNull(trials);
        var ok = trials.Where(t => t.Result.Succeeded).ToArray();
        if (ok.Length == 0)
        {
            return null;
        }

        var corrected = ok.All(t => t.Result.CorrectedLatency is not null) ? Of(ok, t => t.Result.CorrectedLatency!.P99) : null;
        Estimate? ratio = null;
        double[] ratios = [];
        if (reference is { } r)
        {
            var byTrial = r.Trials.Where(t => t.Result.Succeeded && t.Result.RequestsPerSecond > 0).ToDictionary(t => t.Trial);
            ratios = ok.Where(t => byTrial.ContainsKey(t.Trial)).Select(t => t.Result.RequestsPerSecond / byTrial[t.Trial].Result.RequestsPerSecond).ToArray();
            ratio = ratios.Length == 0 ? null : _estimator.Estimate(ratios);
        }

        return new VariationSummary(
            Of(ok, t => t.Result.RequestsPerSecond),
            Of(ok, t => t.Result.MiBPerSecond),
            Of(ok, t => t.Result.Latency.P50),
            Of(ok, t => t.Result.Latency.P99),
            corrected,
            reference?.Name,
            ratio,
            ratios,
            Flags(ok, warmup),
            OfAll(ok, t => t.Result.ConnectSeconds));
    }

    /// <summary>The estimate of a figure only some runtimes give: null unless every trial has it, so it is over the same trials as the rest of the row.</summary>
    private Estimate? OfAll(IReadOnlyList<TrialResult> trials, Func<TrialResult, double?> figure)
    {
        var values = trials.Select(figure).ToArray();
        return values.All(v => v is not null) ? _estimator.Estimate(values.Select(v => v!.Value).ToArray()) : null;
    }

    private Estimate Of(IReadOnlyList<TrialResult> trials, Func<TrialResult, double> figure) => _estimator.Estimate(trials.Select(figure).ToArray());

    private static CellFlags Flags(IReadOnlyList<TrialResult> ok, WarmupResult? warmup)
    {
        var unsteady = new List<string>();
        if (warmup is null)
        {
            unsteady.Add("measured without a warm-up (--warmup 0)");
        }
        else if (!warmup.Steady)
        {
            unsteady.Add("warm-up " + warmup.Describe());
        }

        unsteady.AddRange(ok.Where(t => t.TrendPercent is not null).Select(t => Text($"trial {t.Trial} trended {t.TrendPercent:+0;-0} % during its measurement")));
        unsteady.AddRange(SlowTrials.Find(ok).Select(s => Text($"trial {s.Trial.Trial} cost the client {s.Factor:0.0}x the median CPU per request (the machine slowed down)")));

        var bound = ok.Where(t => t.Result.Client?.ClientBound == true).ToArray();
        string? saturated = null;
        string? boundReason = null;
        if (bound.Length > 0)
        {
            var client = bound.Any(t => LoadLimits.ClientSaturated(t.Result));
            var server = bound.Any(t => t.ServerCpuUtilization >= SaturatedUtilization);
            // A constant-rate plan missed while the client had CPU to spare: the server, not the client, was the limit.
            saturated = (client, server) switch
            {
                (true, true) => "client and server",
                (true, false) => "client",
                (false, true) => "server",
                _ => null,
            };
            boundReason = string.Join("; ", bound.Select(t => Text($"trial {t.Trial}: {t.Result.Client!.Reason}{(t.ServerCpuUtilization is { } s ? $", server CPU at {s * 100:0} %" : string.Empty)}")));
        }

        return new CellFlags(unsteady.Count > 0, unsteady.Count > 0 ? string.Join("; ", unsteady) : null, bound.Length > 0, boundReason, saturated);
    }

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
