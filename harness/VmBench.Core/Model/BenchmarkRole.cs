namespace VmBench.Core.Model;

/// <summary>Why a benchmark is in a run: selected by the user, the run's reference, or the reference's second A/A arm.</summary>
public enum BenchmarkRole
{
    /// <summary>Selected with <c>--benchmarks</c>.</summary>
    Measured,

    /// <summary>The reference server (<c>--reference</c>): every figure of the same protocol is also stated as a ratio to it.</summary>
    Reference,

    /// <summary>A second, independent instance of the reference (<c>--aa</c>): the reference measured against itself gives the noise floor.</summary>
    AaArm,
}
