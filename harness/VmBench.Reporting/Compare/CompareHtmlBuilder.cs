using System.Text;
using VmBench.Core.Results;
using VmBench.Reporting.Html;
using VmBench.Reporting.Statistics;
using VmBench.Reporting.Tables;

namespace VmBench.Reporting.Compare;

/// <summary>
/// compare.html: the comparison as one self-contained, escaped page. Each median shows its run's 95 % CI under
/// it; the table sorts by any column, and on a narrow screen each row becomes a card so the verdicts stay in view.
/// </summary>
public static class CompareHtmlBuilder
{
    public const string FileName = "compare.html";

    private static readonly string[] s_columns =
    [
        "Benchmark", "Variation", "Trials", "Base req/s", "New req/s", "req/s change", "req/s verdict", "Base p99 ms", "New p99 ms", "p99 change", "p99 verdict",
    ];

    private const string Css = """
        td.faster { color: var(--good); font-weight: 600; } td.slower { color: var(--bad); font-weight: 600; }
        @media (max-width: 720px) {
          table.compare thead { display: none; }
          table.compare, table.compare tbody, table.compare tr, table.compare td { display: block; width: auto; }
          table.compare tr { border: 1px solid var(--line); margin: 0 0 .75rem; }
          table.compare td { border: 0; border-bottom: 1px solid var(--bg-alt); text-align: right; }
          table.compare td::before { content: attr(data-label); float: left; font-weight: 600; color: var(--muted); margin-right: 1rem; }
          table.compare td .ci { display: inline; margin-left: .5rem; }
        }
        """;

    public static string Build(RunComparison comparison, string baseLabel, string newLabel)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var html = new StringBuilder();
        HtmlPage.Open(html, "VmBench comparison", css: Css);
        html.Append("<h1>VmBench comparison</h1>\n<table class=\"kv\">\n");
        HtmlPage.Kv(html, "Base", $"{baseLabel} ({Format.Date(comparison.Base.Date)}, {comparison.Base.Environment.Host}, {comparison.Base.Config.Trials} trial(s))");
        HtmlPage.Kv(html, "New", $"{newLabel} ({Format.Date(comparison.New.Date)}, {comparison.New.Environment.Host}, {comparison.New.Config.Trials} trial(s))");
        HtmlPage.Kv(html, "Test", comparison.Method);
        HtmlPage.Kv(html, "Noise floors", comparison.NoiseFloors);
        html.Append("</table>\n");
        foreach (var warning in comparison.Warnings)
        {
            HtmlPage.Alert(html, warning);
        }

        if (comparison.Rows.Count == 0)
        {
            html.Append("<p>No benchmark and variation was measured in both runs.</p>\n");
        }
        else
        {
            html.Append("<p class=\"note\">Medians over trials; under each, its run's 95 % confidence interval (\"-\" with too few trials).</p>\n");
            html.Append("<div class=\"scroll\">\n<table class=\"compare sortable\">\n<thead><tr>");
            foreach (var column in s_columns)
            {
                html.Append(column.Contains("verdict", StringComparison.Ordinal) || column is "Benchmark" or "Variation" ? "<th>" : "<th class=\"num\">").Append(HtmlText.E(column)).Append("</th>");
            }

            html.Append("</tr></thead>\n<tbody>\n");
            foreach (var r in comparison.Rows)
            {
                var before = SummaryOf(comparison.Base, r);
                var after = SummaryOf(comparison.New, r);
                html.Append("<tr class=\"compare-row\">");
                Cell(html, 0, false, r.Benchmark, null, null);
                Cell(html, 1, false, r.VariationText, null, null);
                Cell(html, 2, true, $"{r.BaseTrials} / {r.NewTrials}", null, r.NewTrials);
                Cell(html, 3, true, Format.Rate(r.BaseRequestsPerSecond), Format.Interval(before?.RequestsPerSecond, Format.Rate), r.BaseRequestsPerSecond);
                Cell(html, 4, true, Format.Rate(r.NewRequestsPerSecond), Format.Interval(after?.RequestsPerSecond, Format.Rate), r.NewRequestsPerSecond);
                Cell(html, 5, true, Format.Percent(r.RequestsPerSecondChangePercent), null, r.RequestsPerSecondChangePercent);
                Verdict(html, 6, r.RequestsPerSecondVerdict);
                Cell(html, 7, true, Format.Ms(r.BaseP99Ms), Format.Interval(before?.P99Ms, Format.Ms), r.BaseP99Ms);
                Cell(html, 8, true, Format.Ms(r.NewP99Ms), Format.Interval(after?.P99Ms, Format.Ms), r.NewP99Ms);
                Cell(html, 9, true, Format.Percent(r.P99ChangePercent), null, r.P99ChangePercent);
                Verdict(html, 10, r.P99Verdict);
                html.Append("</tr>\n");
            }

            html.Append("</tbody>\n</table>\n</div>\n");
        }

        foreach (var (label, items) in new[] { ("Only in base", comparison.OnlyInBase), ("Only in new", comparison.OnlyInNew) })
        {
            if (items.Count > 0)
            {
                html.Append("<h2>").Append(HtmlText.E(label)).Append("</h2>\n<ul>\n");
                foreach (var item in items)
                {
                    html.Append("<li>").Append(HtmlText.E(item)).Append("</li>\n");
                }

                html.Append("</ul>\n");
            }
        }

        HtmlPage.Close(html, "Generated by vmbench compare. This page is self-contained: it loads nothing from anywhere. Click a column header to sort.");
        return html.ToString();
    }

    /// <summary>The cell summary behind a row in one of the runs (for its intervals).</summary>
    private static VariationSummary? SummaryOf(RunResult run, ComparisonRow row) =>
        run.Benchmarks.FirstOrDefault(b => b.Name == row.Benchmark)?.Variations
            .FirstOrDefault(v => v.MessageSize == row.MessageSize && v.Concurrency == row.Concurrency)?.Summary;

    /// <summary>A cell labelled with its column (the label shows when rows are cards), its interval under it, its raw value to sort by.</summary>
    private static void Cell(StringBuilder html, int column, bool numeric, string text, string? interval, double? sort)
    {
        html.Append("<td data-label=\"").Append(HtmlText.E(s_columns[column])).Append('"');
        if (numeric)
        {
            html.Append(" class=\"num\"");
        }

        if (sort is { } value && double.IsFinite(value))
        {
            html.Append(" data-sort=\"").Append(HtmlPage.SortKey(value)).Append('"');
        }

        html.Append('>').Append(HtmlText.E(text));
        if (interval is not null)
        {
            html.Append("<span class=\"ci\">").Append(HtmlText.E(interval)).Append("</span>");
        }

        html.Append("</td>");
    }

    private static void Verdict(StringBuilder html, int column, ChangeVerdict verdict)
    {
        var css = verdict.Kind switch
        {
            Statistics.Verdict.Faster => "faster",
            Statistics.Verdict.Slower => "slower",
            _ => "same",
        };
        html.Append("<td data-label=\"").Append(HtmlText.E(s_columns[column])).Append("\" class=\"").Append(css).Append("\">").Append(HtmlText.E(VerdictText.Of(verdict))).Append("</td>");
    }
}
