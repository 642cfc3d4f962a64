namespace VmBench.Reporting.Charts;

public enum AxisScale
{
    /// <summary>Values as they are, from zero.</summary>
    Linear,

    /// <summary>log10 of the values, labelled with the values themselves (0.1, 1, 10 ...): a long tail next to a short body.</summary>
    Log,
}
