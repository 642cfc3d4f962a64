using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>Reads a per-second requests/s series: is its end steady (warm-up), and does it trend (a measurement)?</summary>
public static class SteadyState
{
    /// <summary>A measurement trends when every second moves the same way and the fit changes by more than this, in percent of the mean.</summary>
    public const double TrendPercent = 15;

    /// <summary>The window's statistics: coefficient of variation and drift (percent), over the last <paramref name="window"/> values; null before a full window.</summary>
    public static (double Cv, double Drift)? Window(IReadOnlyList<double> series, int window)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (window < 2 || series.Count < window)
        {
            return null;
        }

        var last = series.Skip(series.Count - window).ToArray();
        var mean = last.Average();
        if (mean <= 0)
        {
            return (double.PositiveInfinity, double.PositiveInfinity);
        }

        var sd = Math.Sqrt(last.Sum(v => (v - mean) * (v - mean)) / (window - 1));
        return (sd / mean * 100, FitChange(last) / mean * 100);
    }

    /// <summary>True when the last window of <paramref name="series"/> meets <paramref name="policy"/> and the minimum time has passed.</summary>
    public static bool IsSteady(IReadOnlyList<double> series, WarmupPolicy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (series.Count < policy.MinSeconds)
        {
            return false;
        }

        return Window(series, policy.WindowSeconds) is { } w && w.Cv <= policy.MaxCvPercent && Math.Abs(w.Drift) <= policy.MaxCvPercent;
    }

    /// <summary>
    /// The trend of a measurement's per-second series, in percent of its mean, when it moves the same way every
    /// second and by more than <see cref="TrendPercent"/> along a least-squares fit; null otherwise, and with fewer
    /// than 2 seconds. Two seconds are enough at this threshold: a steady server varies by 1-3 % from one second to
    /// the next, so a move of more than 15 % between them is the machine or the server changing, not noise.
    /// </summary>
    public static double? Trend(IReadOnlyList<double> series)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count < 2)
        {
            return null;
        }

        var rising = true;
        var falling = true;
        for (var i = 1; i < series.Count; i++)
        {
            rising &= series[i] > series[i - 1];
            falling &= series[i] < series[i - 1];
        }

        var mean = series.Average();
        if (!(rising || falling) || mean <= 0)
        {
            return null;
        }

        var change = FitChange(series) / mean * 100;
        return Math.Abs(change) > TrendPercent ? change : null;
    }

    /// <summary>The least-squares line's rise from the first to the last point.</summary>
    private static double FitChange(IReadOnlyList<double> values)
    {
        var n = values.Count;
        var xMean = (n - 1) / 2.0;
        var yMean = values.Average();
        double num = 0;
        double den = 0;
        for (var i = 0; i < n; i++)
        {
            num += (i - xMean) * (values[i] - yMean);
            den += (i - xMean) * (i - xMean);
        }

        return den == 0 ? 0 : num / den * (n - 1);
    }
}
