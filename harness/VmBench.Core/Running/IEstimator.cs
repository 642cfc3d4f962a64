using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>Turns independent samples (one per trial) into a median with its 95 % confidence interval and spread.</summary>
public interface IEstimator
{
    Estimate Estimate(IReadOnlyList<double> samples);
}
