namespace VmBench.Reporting.Plots.Internal;

/// <summary>
/// Picks a font that exists on the machine (DejaVu Sans on Debian, from fonts-dejavu-core), so text renders
/// the same in the PNG and in the SVG wherever the report is opened.
/// </summary>
internal static class ChartFonts
{
    public const string Preferred = "DejaVu Sans";

    private static readonly object s_gate = new();

    private static bool s_configured;

    public static string Family { get; private set; } = Preferred;

    public static void EnsureConfigured()
    {
        lock (s_gate)
        {
            if (s_configured)
            {
                return;
            }

            foreach (var candidate in new[] { Preferred, "Liberation Sans", "Noto Sans", "Arial" })
            {
                var typeface = ScottPlot.Fonts.GetTypeface(candidate, bold: false, italic: false);
                if (typeface is not null && string.Equals(typeface.FamilyName, candidate, StringComparison.OrdinalIgnoreCase))
                {
                    Family = candidate;
                    ScottPlot.Fonts.Default = candidate;
                    break;
                }
            }

            s_configured = true;
        }
    }
}
