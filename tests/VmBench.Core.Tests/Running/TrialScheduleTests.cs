using VmBench.Core.Model;
using VmBench.Core.Running;
using VmBench.Core.Tests.Catalog;

namespace VmBench.Core.Tests.Running;

[Trait(Tier.Key, Tier.Fast)]
public sealed class TrialScheduleTests : IDisposable
{
    private readonly TempServers _servers = new();
    private readonly IReadOnlyList<Cell> _cells;

    public TrialScheduleTests()
    {
        var plan = RunPlans.For(_servers, Path.GetTempPath(), 1, "a", "b", "c", "d", "e");
        _cells = plan.Cells;
    }

    [Fact]
    public void Each_trial_is_a_permutation_of_every_cell()
    {
        for (var trial = 1; trial <= 10; trial++)
        {
            var order = TrialSchedule.Order(_cells, 1234, trial);
            Assert.Equal(_cells.Count, order.Count);
            Assert.Equal(_cells.ToHashSet(), order.ToHashSet());
        }
    }

    [Fact]
    public void Trials_differ_for_one_seed_and_are_reproducible_from_it()
    {
        var orders = Enumerable.Range(1, 5).Select(t => TrialSchedule.Order(_cells, 99, t).Select(c => c.Label).ToArray()).ToArray();

        Assert.Equal(5, orders.Select(o => string.Join('|', o)).Distinct().Count());
        Assert.Equal(orders[2], TrialSchedule.Order(_cells, 99, 3).Select(c => c.Label));
        Assert.NotEqual(orders[2], TrialSchedule.Order(_cells, 100, 3).Select(c => c.Label));
    }

    [Fact]
    public void A_servers_cells_are_spread_over_the_trial_not_kept_together()
    {
        // Over many seeds, where benchmark "a"'s 4 cells land: a uniform shuffle puts them on average in the middle,
        // and rarely all in the first quarter (probability 4!/(20*19*18*17) per trial with 20 cells).
        var firstQuarter = 0;
        var positions = new List<double>();
        for (var seed = 0; seed < 400; seed++)
        {
            var order = TrialSchedule.Order(_cells, seed, 1);
            var mine = order.Select((c, i) => (c, i)).Where(p => p.c.Benchmark.Server.Id == "a").Select(p => p.i).ToArray();
            positions.AddRange(mine.Select(i => (double)i));
            firstQuarter += mine.All(i => i < _cells.Count / 4) ? 1 : 0;
        }

        Assert.InRange(positions.Average(), (_cells.Count - 1) / 2.0 - 1, (_cells.Count - 1) / 2.0 + 1);
        Assert.True(firstQuarter <= 2, $"{firstQuarter} of 400 trials kept the server's cells together");
    }

    [Fact]
    public void The_cells_a_reference_pairs_with_are_measured_together_in_a_random_order_of_blocks()
    {
        var blockOrders = new HashSet<string>();
        var firstInBlock = new HashSet<string>();
        for (var trial = 1; trial <= 20; trial++)
        {
            var order = TrialSchedule.Order(_cells, 7, trial);
            var blocks = new List<(Core.Model.Protocol, int, int)>();
            foreach (var cell in order)
            {
                var block = TrialSchedule.Block(cell);
                if (blocks.Count == 0 || !blocks[^1].Equals(block))
                {
                    Assert.DoesNotContain(block, blocks); // a block is never split
                    blocks.Add(block);
                    firstInBlock.Add(cell.Benchmark.Name);
                }
            }

            Assert.Equal(_cells.Select(TrialSchedule.Block).Distinct().Count(), blocks.Count);
            blockOrders.Add(string.Join('|', blocks));
        }

        Assert.True(blockOrders.Count > 5, $"only {blockOrders.Count} block orders in 20 trials");
        Assert.True(firstInBlock.Count > 2, "the order inside a block is not random");
    }

    public void Dispose() => _servers.Dispose();
}
