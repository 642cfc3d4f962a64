using Perfolizer.Mathematics.Common;
using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;
using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// Summarizes trials with Perfolizer: the sample median (Hyndman-Fan type 7, the classic median), its 95 %
/// confidence interval from the Harrell-Davis quantile estimator (Maritz-Jarrett standard error), and the spread.
/// The interval needs at least <see cref="MinimumForInterval"/> trials; with fewer it is left null.
/// </summary>
public sealed class PerfolizerSummarizer : IEstimator
{
    public const int MinimumForInterval = 3;

    public static PerfolizerSummarizer Instance { get; } = new();

    /// <inheritdoc />
    public Estimate Estimate(IReadOnlyList<double> samples) => Of(samples);

    /// <summary>Median, 95 % confidence interval (null below <see cref="MinimumForInterval"/> values) and spread of <paramref name="values"/>.</summary>
    public static Estimate Of(IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var array = values.ToArray();
        if (array.Length == 0)
        {
            throw new ArgumentException("no value to summarize", nameof(values));
        }

        var sample = new Sample(array);
        var median = SimpleQuantileEstimator.Instance.Median(sample).NominalValue;
        double? lower = null;
        double? upper = null;
        if (array.Length >= MinimumForInterval)
        {
            var interval = HarrellDavisQuantileEstimator.Instance
                .QuantileConfidenceIntervalEstimator(sample, Probability.Half)
                .ConfidenceInterval(ConfidenceLevel.L95);
            if (double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper))
            {
                lower = interval.Lower;
                upper = interval.Upper;
            }
        }

        return new Estimate(median, lower, upper, sample.Min().NominalValue, sample.Max().NominalValue, array.Length);
    }
}
