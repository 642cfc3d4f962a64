namespace VmBench.Core.Results;

/// <summary>What limited one step of a latency-vs-load sweep.</summary>
public enum SweepOutcome
{
    /// <summary>The offered rate was achieved and the client had CPU to spare.</summary>
    Met,

    /// <summary>The offered rate was achieved, but with the client's CPU at capacity: its latency may be the client's.</summary>
    ClientBound,

    /// <summary>The offered rate was not achieved and the client's CPU was at capacity (or could not be read): the client could not offer it.</summary>
    RateNotMet,

    /// <summary>The offered rate was not achieved while the client had CPU to spare: the server is saturated (typically above the closed-loop peak).</summary>
    ServerSaturated,
}
