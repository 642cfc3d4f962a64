using System.Globalization;
using VmBench.Core.Results;

namespace VmBench.Core.Running;

/// <summary>
/// The blocks to measure again at the end of a run: a block of a trial (the cells of one protocol, size and
/// concurrency, the reference's among them, measured one after the other) in which a cell's measurement ran on a
/// slower machine (<see cref="SlowTrials"/>). The whole block is measured again, not only the slow cell, so every
/// cell stays paired with the reference measured beside it; the new measurements take the place of the old ones,
/// which run.json keeps as superseded. At most a limited number of blocks, the slowest first, so a machine that is
/// slow all along costs a bounded extra time and is flagged as before.
/// </summary>
public static class SlowBlocks
{
    /// <summary>The default limit: a tenth of the run's blocks (trials x blocks), at least one.</summary>
    public const double DefaultFraction = 0.1;

    /// <summary>One block of one trial to measure again, its cells in a fresh random order.</summary>
    public sealed record Repair(int Trial, IReadOnlyList<Cell> Cells, string Reason);

    /// <summary>The default limit for <paramref name="cells"/> measured in <paramref name="trials"/> trials.</summary>
    public static int DefaultLimit(IReadOnlyList<Cell> cells, int trials)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var blocks = cells.Select(TrialSchedule.Block).Distinct().Count();
        return blocks == 0 ? 0 : Math.Max(1, (int)Math.Round(DefaultFraction * blocks * trials));
    }

    /// <summary>
    /// The blocks to measure again, at most <paramref name="limit"/>, the worst first; the cells of each are those of
    /// <paramref name="cells"/> that have a measurement of that trial, in an order drawn from <paramref name="seed"/>.
    /// </summary>
    /// <param name="trialsOf">A cell's trials as recorded so far.</param>
    public static IReadOnlyList<Repair> Plan(IReadOnlyList<Cell> cells, Func<Cell, IReadOnlyList<TrialResult>> trialsOf, int seed, int limit)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(trialsOf);
        if (limit <= 0)
        {
            return [];
        }

        var slow = new List<(int Trial, (Model.Protocol, int, int) Block, Cell Cell, double Factor)>();
        foreach (var cell in cells)
        {
            slow.AddRange(SlowTrials.Find(trialsOf(cell)).Select(s => (s.Trial.Trial, TrialSchedule.Block(cell), cell, s.Factor)));
        }

        var random = new Random(unchecked((int)((uint)seed * 2246822519u ^ 0x9E3779B9u)));
        return slow
            .GroupBy(s => (s.Trial, s.Block))
            .Select(g => (g.Key, Worst: g.MaxBy(s => s.Factor)))
            .OrderByDescending(x => x.Worst.Factor)
            .ThenBy(x => x.Key.Trial)
            .Take(limit)
            .Select(x =>
            {
                var members = cells.Where(c => TrialSchedule.Block(c) == x.Key.Block && trialsOf(c).Any(t => t.Trial == x.Key.Trial)).ToArray();
                TrialSchedule.Shuffle(members, random);
                var reason = string.Create(CultureInfo.InvariantCulture, $"its block was measured again: in trial {x.Key.Trial}, {x.Worst.Cell.Label} cost the load client {x.Worst.Factor:0.0}x that cell's median CPU per request (the machine slowed down)");
                return new Repair(x.Key.Trial, members, reason);
            })
            .ToArray();
    }
}
