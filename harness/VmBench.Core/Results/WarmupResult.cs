namespace VmBench.Core.Results;

/// <summary>How a benchmark's server warmed up: every second's requests/s, how long it took and whether it became steady.</summary>
/// <param name="Seconds">Warm-up time in seconds (the number of one-second steps).</param>
/// <param name="Steady">True when the last window met the policy; false when warm-up stopped at its maximum (every cell of the benchmark is then flagged unsteady).</param>
/// <param name="CvPercent">Coefficient of variation of the last window, in percent; null before a full window.</param>
/// <param name="DriftPercent">Change from the window's first to its last second along a least-squares fit, in percent of its mean; null before a full window.</param>
public sealed record WarmupResult(double Seconds, bool Steady, IReadOnlyList<double> RequestsPerSecond, double? CvPercent, double? DriftPercent)
{
    public string Describe() => Steady
        ? $"steady after {Seconds:0} s (last window CV {CvPercent:0.0} %, drift {DriftPercent:+0.0;-0.0;0.0} %)"
        : $"not steady after {Seconds:0} s (last window CV {CvPercent:0.0} %, drift {DriftPercent:+0.0;-0.0;0.0} %)";
}
