using System.Globalization;
using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>The sentences every report uses to say how a run measured (one place, so the outputs agree).</summary>
internal static class RunText
{
    public const string Statistic =
        "Every figure is the median over the cell's successful trials (independent samples: each trial measured every cell once, in a fresh random order), with the 95 % confidence interval of its center (Student t on the log scale) from 3 trials on. " +
        "x reference: requests/s divided by the reference server's in the same trial, the fraction of this machine's limit.";

    public const string RankingNote =
        "Ranked by the ratio to the reference (or by requests/s without one), higher first. Servers whose intervals overlap are tied (=N). " +
        "'ceiling': within the noise floor of the reference or above it, i.e. at this machine's limit, where one host cannot tell the servers apart (the load client shares the machine; two hosts remove that ceiling). " +
        "'-': too few trials for an interval, not ranked.";

    /// <summary>"3 trial(s) of 3 s per cell, seed 42, reference c-epoll, steady-state warm-up (4-30 s, CV 5 %)".</summary>
    public static string Method(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var warmup = config.Warmup.Enabled
            ? string.Create(CultureInfo.InvariantCulture, $"steady-state warm-up ({config.Warmup.MinSeconds}-{config.Warmup.MaxSeconds} s, {config.Warmup.WindowSeconds}-s window within {config.Warmup.MaxCvPercent} %)")
            : "no warm-up";
        return string.Create(CultureInfo.InvariantCulture, $"{config.Trials} trial(s) of {config.DurationSeconds} s per cell (+{config.CellWarmupSeconds} s on fresh connections), seed {config.Seed}, reference {config.Reference ?? "none"}{(config.Aa ? " with an A/A arm" : string.Empty)}, {warmup}");
    }
}
