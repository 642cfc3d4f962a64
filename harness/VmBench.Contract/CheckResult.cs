namespace VmBench.Contract;

/// <summary>One check on one benchmark: passed, or what was wrong.</summary>
/// <param name="Failure">Null when it passed; else what broke (a violated rule, a server that did not start ...).</param>
public sealed record CheckResult(string Benchmark, ContractCheck Check, string? Failure, TimeSpan Elapsed)
{
    public bool Passed => Failure is null;
}
