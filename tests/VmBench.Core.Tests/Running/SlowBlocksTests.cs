using VmBench.Core.Catalog;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;

namespace VmBench.Core.Tests.Running;

[Trait(Tier.Key, Tier.Fast)]
public sealed class SlowBlocksTests : IDisposable
{
    private readonly TempServers _servers = new();

    [Fact]
    public void A_slow_trial_marks_its_whole_block_of_that_trial_and_nothing_else()
    {
        var cells = Cells("a", "b");
        var trials = cells.ToDictionary(c => c, c => Trials(c.Benchmark.Server.Id == "b" && c.Size == 10240 && c.Concurrency == 100 ? (2, 2.0) : null));

        var repair = Assert.Single(SlowBlocks.Plan(cells, c => trials[c], seed: 1, limit: 10));

        Assert.Equal(2, repair.Trial);
        Assert.Equal(["tcpecho-a 10 KiB c=100", "tcpecho-b 10 KiB c=100"], repair.Cells.Select(c => c.Label).Order(StringComparer.Ordinal));
        Assert.Contains("in trial 2, tcpecho-b 10 KiB c=100 cost the load client 2.0x", repair.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Below_the_swing_fewer_than_three_trials_or_a_limit_of_0_mark_nothing()
    {
        var cells = Cells("a");
        Assert.Empty(SlowBlocks.Plan(cells, _ => Trials((1, 1.4)), 1, 10));
        Assert.Empty(SlowBlocks.Plan(cells, _ => Trials((1, 3.0)).Take(2).ToArray(), 1, 10));
        Assert.Empty(SlowBlocks.Plan(cells, _ => Trials((1, 3.0)), 1, 0));
    }

    [Fact]
    public void The_limit_keeps_the_slowest_blocks_and_the_order_within_a_block_comes_from_the_seed()
    {
        var cells = Cells("a", "b", "c", "d", "e");
        var factors = new Dictionary<(int, int), double> { [(1024, 10)] = 1.6, [(1024, 100)] = 3.0, [(10240, 10)] = 2.0 };
        var trials = cells.ToDictionary(c => c, c => Trials(c.Benchmark.Server.Id == "a" && factors.TryGetValue((c.Size, c.Concurrency), out var f) ? (4, f) : null));

        var repairs = SlowBlocks.Plan(cells, c => trials[c], 1, limit: 2);

        Assert.Equal([(1024, 100), (10240, 10)], repairs.Select(r => (r.Cells[0].Size, r.Cells[0].Concurrency)));
        Assert.All(repairs, r => Assert.Equal(5, r.Cells.Count));
        Assert.Equal(Order(1), Order(1));
        Assert.NotEqual(Order(1), Order(2));

        string[] Order(int seed) => SlowBlocks.Plan(cells, c => trials[c], seed, 2).SelectMany(r => r.Cells.Select(c => c.Label)).ToArray();
    }

    [Fact]
    public void The_default_limit_is_a_tenth_of_the_runs_blocks_and_at_least_one()
    {
        var cells = Cells("a", "b"); // 4 blocks
        Assert.Equal(2, SlowBlocks.DefaultLimit(cells, 5));
        Assert.Equal(1, SlowBlocks.DefaultLimit(cells, 1));
    }

    private IReadOnlyList<Cell> Cells(params string[] ids)
    {
        foreach (var id in ids)
        {
            _servers.Add(id, TempServers.Valid(id, "\"echo\"", "\"tcp\""), "Test.csproj");
        }

        var benchmarks = ServerCatalog.Discover(_servers.Root).Benchmarks.Where(b => b.Protocol == Protocol.TcpEcho);
        return benchmarks.SelectMany(b => new[] { (1024, 10), (1024, 100), (10240, 10), (10240, 100) }.Select(v => new Cell(b, v.Item1, v.Item2))).ToArray();
    }

    /// <summary>Four trials at 10 us of client CPU per request; <paramref name="slow"/> makes one of them cost that many times more.</summary>
    private static TrialResult[] Trials((int Trial, double Factor)? slow) =>
        Enumerable.Range(1, 4).Select(t => new TrialResult(t, 1, DateTimeOffset.UnixEpoch, FakeLoad.Result(1000) with
        {
            Client = new ClientUsage(1, 0.5, slow is { } s && s.Trial == t ? 10 * s.Factor : 10, false, null),
        }, null, null, null, null)).ToArray();

    public void Dispose() => _servers.Dispose();
}
