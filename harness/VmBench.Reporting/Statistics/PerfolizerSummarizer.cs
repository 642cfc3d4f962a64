using Perfolizer.Mathematics.QuantileEstimators;
using Pragmastat;
using VmBench.Core.Results;
using VmBench.Core.Running;

namespace VmBench.Reporting.Statistics;

/// <summary>
/// Summarizes trials with Perfolizer: the sample median (Hyndman-Fan type 7, the classic median), the 95 %
/// confidence interval of the center (<see cref="GeometricInterval"/>: a t interval on the log scale, which stays
/// positive and honest at 3 trials, where the Harrell-Davis/Maritz-Jarrett interval this used before gave negative
/// requests/s) and the spread. The interval needs at least <see cref="MinimumForInterval"/> trials; with fewer it
/// is left null.
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
            if (GeometricInterval.Of(array) is { } interval && double.IsFinite(interval.Lower) && double.IsFinite(interval.Upper))
            {
                lower = interval.Lower;
                upper = interval.Upper;
            }
        }

        return new Estimate(median, lower, upper, sample.Min().NominalValue, sample.Max().NominalValue, array.Length);
    }
}
