using VmBench.Contract.Checks;
using VmBench.Core.Catalog;

namespace VmBench.Conformance.Tests;

/// <summary>How every discovered server refuses to start (<see cref="StartupChecks"/>) and the options of its accepted sockets (<see cref="SocketOptionChecks"/>).</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class StartupConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> OnePerServer => Where(StartupChecks.BadArguments);

    public static TheoryData<string> OneTcpPerServer => Where(StartupChecks.AddressInUse);

    public static TheoryData<string> TcpBenchmarks => Where(SocketOptionChecks.NoDelay);

    [Theory]
    [MemberData(nameof(OnePerServer))]
    public Task Bad_arguments_exit_2_with_a_usage_line(string benchmark) => servers.CheckAsync(benchmark, StartupChecks.BadArguments);

    [Theory]
    [MemberData(nameof(OneTcpPerServer))]
    public Task An_address_in_use_exits_1_saying_so(string benchmark) => servers.CheckAsync(benchmark, StartupChecks.AddressInUse);

    [Theory]
    [MemberData(nameof(OnePerServer))]
    public Task Modes_the_manifest_does_not_declare_are_refused_with_exit_2(string benchmark) => servers.CheckAsync(benchmark, StartupChecks.UndeclaredModes);

    [Theory]
    [MemberData(nameof(TcpBenchmarks))]
    public Task Accepted_tcp_sockets_have_tcp_nodelay_set(string benchmark) => servers.CheckAsync(benchmark, SocketOptionChecks.NoDelay);

    private static TheoryData<string> Where(ContractCheck check) => BuiltServers.Benchmarks(check);
}
