namespace VmBench.Core.Results;

/// <summary>
/// When a server's warm-up ends: once the per-second requests/s of the last <see cref="WindowSeconds"/> seconds
/// vary by at most <see cref="MaxCvPercent"/> (coefficient of variation) and drift by at most as much from the
/// first to the last second of the window (least-squares fit), after at least <see cref="MinSeconds"/> and at
/// most <see cref="MaxSeconds"/>. <see cref="MaxSeconds"/> of 0 turns warm-up off.
/// </summary>
public sealed record WarmupPolicy(double MinSeconds, double MaxSeconds, int WindowSeconds, double MaxCvPercent)
{
    /// <summary>
    /// The defaults: a 4-s window within 5 %. A steady server on this kind of machine varies by 1-3 % from
    /// second to second, while the JIT tier-up a .NET server goes through is a step of 20-25 % (Kestrel: about
    /// 100k then 125k requests/s), which a 4-s window straddling it sees as a CV of about 10 %.
    /// </summary>
    public static WarmupPolicy Default { get; } = new(4, 30, 4, 5);

    public bool Enabled => MaxSeconds > 0;
}
