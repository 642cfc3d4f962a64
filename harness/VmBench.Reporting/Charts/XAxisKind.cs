namespace VmBench.Reporting.Charts;

public enum XAxisKind
{
    /// <summary>Numbers as they are.</summary>
    Linear,

    /// <summary>x is an index into <see cref="ChartSpec.Categories"/>.</summary>
    Categories,

    /// <summary>x is a percentile (0..100) drawn on HdrHistogram's "nines" scale: -log10(1 - p/100).</summary>
    Nines,
}
