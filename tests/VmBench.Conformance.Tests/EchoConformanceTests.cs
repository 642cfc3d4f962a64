using VmBench.Contract.Checks;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's echo mode (<see cref="EchoChecks"/>), run against every discovered server over tcp and unix sockets.</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class EchoConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> EchoBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Echo);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Echoes_1_byte_to_1_MiB_byte_for_byte(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.EchoesOneByteToOneMiB);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Messages_split_across_many_small_writes_are_echoed_in_order(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.SmallWritesInOrder);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Serves_1000_concurrent_connections(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.ThousandConnections);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Half_close_gets_everything_echoed_then_eof(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.HalfClose);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task An_abrupt_reset_mid_transfer_leaves_the_server_serving(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.ResetMidTransfer);

    [Theory]
    [MemberData(nameof(EchoBenchmarks))]
    public Task Sigterm_with_connections_open_exits_0(string benchmark) => servers.CheckAsync(benchmark, EchoChecks.SigtermWithConnectionsOpen);
}
