namespace VmBench.Core.Results;

/// <summary>A figure over independent samples (one per trial): the median, its 95 % confidence interval (null with too few trials) and the spread.</summary>
public sealed record Estimate(double Median, double? Lower, double? Upper, double Min, double Max, int N);
