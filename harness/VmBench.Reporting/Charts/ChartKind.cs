namespace VmBench.Reporting.Charts;

public enum ChartKind
{
    /// <summary>Bars grouped by category (x = category index), one bar per series in each group.</summary>
    GroupedBars,

    /// <summary>Lines with markers through each series' points.</summary>
    Lines,
}
