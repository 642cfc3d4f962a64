using System.Text.Json.Serialization;
using VmBench.Core.Load;

namespace VmBench.Core.Results;

/// <summary>One step of a latency-vs-load sweep: the offered rate (as a fraction of the closed-loop peak) and what it gave.</summary>
public sealed record SweepStep(double Fraction, double OfferedRate, LoadResult Result)
{
    /// <summary>Which side limited the step, from the achieved rate and the client's CPU (written to run.json for other tools; recomputed on reading).</summary>
    public SweepOutcome Outcome => (LoadLimits.PlanMet(Result.RequestsPerSecond, OfferedRate), LoadLimits.ClientSaturated(Result), Result.Client is null) switch
    {
        (true, false, _) => SweepOutcome.Met,
        (true, true, _) => SweepOutcome.ClientBound,
        (false, false, false) => SweepOutcome.ServerSaturated,
        _ => SweepOutcome.RateNotMet,
    };

    /// <summary>"ok", "client-bound", "rate not met (client-bound)", "server saturated": the step's flag as every output prints it.</summary>
    [JsonIgnore]
    public string OutcomeText => Outcome switch
    {
        SweepOutcome.Met => "ok",
        SweepOutcome.ClientBound => "client-bound",
        SweepOutcome.RateNotMet => Result.Client is null ? "rate not met" : "rate not met (client-bound)",
        _ => "server saturated",
    };

    /// <summary>True when the step is flagged (anything but <see cref="SweepOutcome.Met"/>).</summary>
    [JsonIgnore]
    public bool Flagged => Outcome != SweepOutcome.Met;
}
