using VmBench.Core.Load;
using VmBench.Core.Running;
using VmBench.Load;
using VmBench.Reporting.Statistics;

namespace VmBench.Cli.Commands.Common;

/// <summary>The load client, readiness probe and statistics the verbs use: chosen in one place.</summary>
public static class LoadComponents
{
    public static ILoadGenerator CreateGenerator() => new LoadGenerator();

    public static IReadinessProbe CreateProbe() => new ReadinessProbe();

    public static IEstimator CreateEstimator() => PerfolizerSummarizer.Instance;
}
