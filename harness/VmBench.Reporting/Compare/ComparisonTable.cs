using System.Text;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Compare;

/// <summary>The comparison as a plain-text table for the console.</summary>
public static class ComparisonTable
{
    public static string Render(RunComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var header = new[] { "Benchmark", "Variation", "Base req/s", "New req/s", "Change", "Verdict", "Base x ref", "New x ref", "Verdict", "Base p99 ms", "New p99 ms", "Change", "Verdict" };
        var rows = comparison.Rows.Select(r => new[]
        {
            r.Benchmark,
            r.VariationText,
            Format.Rate(r.BaseRequestsPerSecond),
            Format.Rate(r.NewRequestsPerSecond),
            Format.Percent(r.RequestsPerSecondChangePercent),
            VerdictText.Of(r.RequestsPerSecondVerdict),
            Ratio(r.BaseReferenceRatio),
            Ratio(r.NewReferenceRatio),
            r.ReferenceRatioVerdict is { } verdict ? VerdictText.Of(verdict) : "-",
            Format.Ms(r.BaseP99Ms),
            Format.Ms(r.NewP99Ms),
            Format.Percent(r.P99ChangePercent),
            VerdictText.Of(r.P99Verdict),
        }).ToList();
        var numeric = new[] { false, false, true, true, true, false, true, true, false, true, true, true, false };
        var widths = header.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        var text = new StringBuilder();
        text.Append(comparison.Base.Date.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append(" (base) -> ")
            .Append(comparison.New.Date.ToString("u", System.Globalization.CultureInfo.InvariantCulture)).Append(" (new)\nverdicts: ").Append(comparison.Method).Append("\nx ref: requests/s over the reference's in the same trial (the fraction of the machine's limit); its verdict sets aside what the machine did between the runs\nnoise floors: ").Append(comparison.NoiseFloors).Append("\n\n");
        foreach (var warning in comparison.Warnings)
        {
            text.Append("warning: ").Append(warning).Append('\n');
        }

        if (comparison.Warnings.Count > 0)
        {
            text.Append('\n');
        }

        if (rows.Count == 0)
        {
            text.Append("No benchmark and variation was measured in both runs.\n");
        }
        else
        {
            Line(text, header, widths, numeric);
            text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
            foreach (var row in rows)
            {
                Line(text, row, widths, numeric);
            }
        }

        foreach (var only in comparison.OnlyInBase)
        {
            text.Append("only in base: ").Append(only).Append('\n');
        }

        foreach (var only in comparison.OnlyInNew)
        {
            text.Append("only in new:  ").Append(only).Append('\n');
        }

        return text.ToString();
    }

    private static string Ratio(double? ratio) => ratio is { } r ? Format.Fixed(r, 3) : "-";

    private static void Line(StringBuilder text, string[] cells, int[] widths, bool[] numeric)
    {
        text.Append(string.Join("  ", cells.Select((c, i) => numeric[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd()).Append('\n');
    }
}
