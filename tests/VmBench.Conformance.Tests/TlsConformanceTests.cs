using VmBench.Contract.Checks;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's TLS (<see cref="TlsChecks"/>), run against every discovered server that declares tls (on its tlsecho benchmark).</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class TlsConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> TlsBenchmarks => BuiltServers.Benchmarks(p => p == Protocol.TlsEcho, tls: true);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Tls_echoes_1_byte_to_1_MiB_byte_for_byte(string benchmark) => CheckAsync(benchmark, TlsChecks.EchoesOneByteToOneMiB);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Tls_messages_split_across_many_tiny_records_are_echoed_in_order(string benchmark) => CheckAsync(benchmark, TlsChecks.SplitRecords);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Accepts_tls_1_2_and_tls_1_3(string benchmark) => CheckAsync(benchmark, TlsChecks.BothVersions);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Tls_close_notify_and_abrupt_close_are_answered_and_the_server_keeps_serving(string benchmark) => CheckAsync(benchmark, TlsChecks.CloseNotifyAndAbruptClose);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Drops_a_client_that_never_finishes_its_tls_handshake_within_10_s(string benchmark) => CheckAsync(benchmark, TlsChecks.UnfinishedHandshake);

    [Theory]
    [MemberData(nameof(TlsBenchmarks))]
    public Task Garbage_instead_of_a_client_hello_closes_only_that_connection(string benchmark) => CheckAsync(benchmark, TlsChecks.GarbageClientHello);

    private Task CheckAsync(string benchmark, VmBench.Contract.ContractCheck check) => servers.CheckAsync(benchmark, check);
}
