using Perfolizer.Mathematics.Distributions.ContinuousDistributions;
using Perfolizer.Mathematics.Randomization;

namespace VmBench.Reporting.Tests.Statistics;

/// <summary>Synthetic trials from a seeded generator: a level times (1 + normal noise of the given coefficient of variation).</summary>
internal sealed class Simulated
{
    public const int Repetitions = 400;

    private readonly RandomGenerator _standard;

    public Simulated(int seed) => _standard = new NormalDistribution(0, 1).Random(new Random(seed));

    public double[] Trials(int n, double level, double cv) => _standard.Next(n).Select(z => level * (1 + (cv * z))).ToArray();

    /// <summary>The share of <paramref name="repetitions"/> repetitions of <paramref name="experiment"/> that return true.</summary>
    public double Rate(Func<Simulated, bool> experiment, int repetitions = Repetitions)
    {
        var hits = 0;
        for (var i = 0; i < repetitions; i++)
        {
            if (experiment(this))
            {
                hits++;
            }
        }

        return hits / (double)repetitions;
    }
}
