using VmBench.Core.Results;
using Xunit.Abstractions;

namespace VmBench.Robustness.Tests.Harness;

/// <summary>
/// Memory per connection through the real vmbench CLI: two fake servers alike but for 256 KiB one of them holds for
/// every open connection; the run's figures must tell them apart by that much (the threads and sockets both
/// servers pay per connection cancel out in the difference).
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait(Tier.Key, Tier.Robustness)]
public sealed class MemoryPerConnectionTests(ITestOutputHelper output) : IDisposable
{
    private const int HeldKiB = 256;
    private const int Connections = 200;
    private readonly FakeServers _fake = new();

    [Fact]
    public async Task A_server_holding_256_KiB_per_connection_measures_256_KiB_more_per_connection()
    {
        _fake.AddEcho("holding", "--hold-kib", HeldKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _fake.AddEcho("plain");
        var outcome = await CliRun.RunAsync(_fake.Marker, TimeSpan.FromMinutes(2), _fake.RunArgs("--duration", "0.5", "--warmup", "0", "--sizes", "64", "--concurrency", Connections.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.True(outcome.ExitCode == 0, outcome.Output);

        var run = RunJson.Read(_fake.RunJson);
        var holding = At(run, "tcpecho-holding");
        var plain = At(run, "tcpecho-plain");
        output.WriteLine($"per connection: holding idle {holding.IdleBytesPerConnection / 1024:0.0} KiB, active {holding.ActiveBytesPerConnection / 1024:0.0} KiB; plain idle {plain.IdleBytesPerConnection / 1024:0.0} KiB, active {plain.ActiveBytesPerConnection / 1024:0.0} KiB");
        var idle = (holding.IdleBytesPerConnection!.Value - plain.IdleBytesPerConnection!.Value) / 1024;
        var active = (holding.ActiveBytesPerConnection!.Value - plain.ActiveBytesPerConnection!.Value) / 1024;
        Assert.InRange(idle, HeldKiB * 0.85, HeldKiB * 1.15);
        Assert.InRange(active, HeldKiB * 0.85, HeldKiB * 1.15);
    }

    private static ConnectionMemory At(RunResult run, string benchmark)
    {
        var result = Assert.Single(run.Benchmarks, b => b.Name == benchmark);
        Assert.NotNull(result.Memory);
        return Assert.Single(result.Memory, m => m.Connections == Connections);
    }

    public void Dispose() => _fake.Dispose();
}
