using System.Globalization;

namespace VmBench.Reporting.Tables;

/// <summary>
/// Numbers as the reports print them: invariant culture, a sensible number of digits. Every figure printed is a
/// positive quantity (a rate, a latency, a throughput, a ratio): one that is NaN, infinite, zero or negative is
/// not a measurement and is printed as "n/a" with what it was, never as a number.
/// </summary>
internal static class Format
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    /// <summary>Null for a usable positive figure; else its "n/a (...)" text.</summary>
    public static string? Invalid(double value) =>
        double.IsNaN(value) ? "n/a (NaN)"
        : double.IsInfinity(value) ? "n/a (infinite)"
        : value < 0 ? "n/a (negative)"
        : value == 0 ? "n/a (zero)"
        : null;

    /// <summary>Requests/s and other large counts: 12,345.</summary>
    public static string Rate(double value) => Invalid(value) ?? value.ToString("#,0", s_invariant);

    /// <summary>Milliseconds and similar: 3 significant decimals for small values, fewer for large ones.</summary>
    public static string Ms(double value) => Invalid(value) ?? Math.Abs(value) switch
    {
        >= 100 => value.ToString("0.0", s_invariant),
        >= 10 => value.ToString("0.00", s_invariant),
        _ => value.ToString("0.000", s_invariant),
    };

    /// <summary>"lower – upper" of an estimate's 95 % confidence interval, or "-" with too few trials for one.</summary>
    public static string Interval(VmBench.Core.Results.Estimate? estimate, Func<double, string> format) =>
        estimate is { Lower: { } lo, Upper: { } hi } ? $"{format(lo)} – {format(hi)}" : "-";

    public static string Fixed(double value, int decimals) => Invalid(value) ?? value.ToString("F" + decimals.ToString(s_invariant), s_invariant);

    /// <summary>Machine-readable (CSV): invariant numbers to 10 significant digits (stable across platforms), empty for none.</summary>
    public static string Raw(double? value) => value is { } v && double.IsFinite(v) ? v.ToString("G10", s_invariant) : string.Empty;

    public static string Raw(long value) => value.ToString(s_invariant);

    public static string Raw(int value) => value.ToString(s_invariant);

    /// <summary>+20.0 % / -3.1 %: a change, which may be negative or zero; "n/a (no base)" when there is nothing to change from (a NaN).</summary>
    public static string Percent(double value) => double.IsFinite(value) ? value.ToString("+0.0;-0.0;0.0", s_invariant) + " %" : "n/a (no base)";

    public static string MiB(long bytes) => (bytes / (1024.0 * 1024.0)).ToString("0.0", s_invariant);

    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd HH:mm:ss 'UTC'zzz", s_invariant);
}
