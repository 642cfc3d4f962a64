using VmBench.Core.Load;
using VmBench.Core.Results;
using VmBench.Core.Tests.Running;

namespace VmBench.Core.Tests.Results;

[Trait(Tier.Key, Tier.Fast)]
public sealed class SweepStepTests
{
    [Theory]
    [InlineData(10_000, 9_990, 0.5, SweepOutcome.Met, "ok")]
    [InlineData(10_000, 9_990, 0.97, SweepOutcome.ClientBound, "client-bound")]
    [InlineData(12_000, 10_100, 0.6, SweepOutcome.ServerSaturated, "server saturated")]
    [InlineData(12_000, 10_100, 0.95, SweepOutcome.RateNotMet, "rate not met (client-bound)")]
    public void A_step_says_which_side_limited_it(double offered, double achieved, double clientCpu, SweepOutcome outcome, string text)
    {
        var result = FakeLoad.Result(achieved) with { Client = new ClientUsage(1, clientCpu, 10, clientCpu >= 0.9 || achieved < offered * 0.95, "reason") };

        var step = new SweepStep(offered / 10_000, offered, result);

        Assert.Equal(outcome, step.Outcome);
        Assert.Equal(text, step.OutcomeText);
        Assert.Equal(outcome != SweepOutcome.Met, step.Flagged);
    }

    [Fact]
    public void A_missed_rate_without_the_clients_cpu_reading_is_not_blamed_on_either_side()
    {
        var step = new SweepStep(1.2, 12_000, FakeLoad.Result(10_000) with { Client = null });

        Assert.Equal(SweepOutcome.RateNotMet, step.Outcome);
        Assert.Equal("rate not met", step.OutcomeText);
    }

    [Fact]
    public void The_outcome_is_written_to_run_json_and_survives_reading_it_back()
    {
        var step = new SweepStep(1.2, 12_000, FakeLoad.Result(10_000));

        var json = System.Text.Json.JsonSerializer.Serialize(step, RunJson.Options);
        var back = System.Text.Json.JsonSerializer.Deserialize<SweepStep>(json, RunJson.Options)!;

        Assert.Contains("\"outcome\": \"serverSaturated\"", json, StringComparison.Ordinal);
        Assert.Equal(SweepOutcome.ServerSaturated, back.Outcome);
        Assert.DoesNotContain("outcomeText", json, StringComparison.Ordinal);
    }
}
