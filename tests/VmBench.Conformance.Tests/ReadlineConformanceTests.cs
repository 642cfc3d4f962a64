using VmBench.Contract.Checks;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's readline mode (<see cref="ReadlineChecks"/>), run against every server that declares it.</summary>
[Collection(ConformanceCollection.Name)]
[Trait(Tier.Key, Tier.Process)]
public sealed class ReadlineConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> ReadlineBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Readline);

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public Task Answers_each_line_with_the_same_line_including_1_MiB_lines(string benchmark) => servers.CheckAsync(benchmark, ReadlineChecks.LinesUpToOneMiB);

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public Task Lines_split_across_writes_are_answered_only_when_complete(string benchmark) => servers.CheckAsync(benchmark, ReadlineChecks.PartialLines);

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public Task An_endless_line_is_cut_off_and_the_server_keeps_serving(string benchmark) => servers.CheckAsync(benchmark, ReadlineChecks.EndlessLine);
}
