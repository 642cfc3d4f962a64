namespace VmBench.Core.Results;

/// <summary>
/// A trial of a cell measured again at the end of the run, kept beside the cell's trials but left out of every
/// statistic: its block of cells (same protocol, size and concurrency, the reference among them) ran during a slow
/// spell of the machine, so the whole block was measured once more, and the new measurements took the place of these.
/// </summary>
/// <param name="Trial">The measurement that was replaced, as it was recorded.</param>
/// <param name="Reason">Why its block was measured again.</param>
public sealed record SupersededTrial(TrialResult Trial, string Reason);
