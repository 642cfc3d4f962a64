using System.Collections.Concurrent;
using System.Globalization;
using System.Net.Sockets;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Robustness.Tests.Servers;

/// <summary>
/// Tells memory a server keeps from memory it leaks. After one burst of connections a runtime keeps much of what it took
/// (allocator arenas, cached thread stacks, a grown GC heap: tens of MiB, and not a leak), so one burst proves little. The
/// same burst again reuses what was kept; only a leak grows with every burst. So: the same burst <see cref="Rounds"/>
/// times, resident memory settled after each, and a leak called when memory grew in every round after the first by more
/// than <see cref="RoundGrowthBound"/>. Kept memory levels off: seen here over six rounds of 5,000 connections, the
/// threads server went 87, 91, 98, 117, 117, 117 MiB, node 75, 86, 100, 96, 97, 91, go 50, 262, 346, 442, 447, 352,
/// saea 67, 72, 76, 81, 81, 82; a fake server keeping 64 KiB per connection grows 64 MiB a round (1,000 connections).
/// Bounding the growth from the first round to the last instead would call every one of those a leak.
/// </summary>
internal static class MemoryRounds
{
    public const int Rounds = 6;

    /// <summary>A round that grows memory by no more than this breaks a leak's pattern: 4 MiB is 840 bytes for each of 5,000 connections (kept memory grew by up to 9 MiB in a round, but not in every one).</summary>
    public const long RoundGrowthBound = 4 * MiB;

    private const long MiB = 1024 * 1024;

    private static readonly TimeSpan s_settle = TimeSpan.FromSeconds(2);

    /// <summary>Resident memory after each of <see cref="Rounds"/> bursts of <paramref name="connections"/> connections, each doing one verified round trip before all close.</summary>
    public static async Task<IReadOnlyList<long>> MeasureAsync(IRunningServer server, Mode mode, int connections, string what)
    {
        var settled = new List<long>();
        for (var round = 0; round < Rounds; round++)
        {
            await BurstAsync(server.Address, mode, connections, $"{what}, round {round + 1}");
            Assert.False(server.HasExited, $"{what} died in round {round + 1} of {connections} connections; log:\n{server.LogTail()}");
            settled.Add(await SettledAsync(server, mode, what));
        }

        return settled;
    }

    /// <summary>Why the figures show a leak (memory grew by more than <see cref="RoundGrowthBound"/> in every round after the first), or null.</summary>
    public static string? Leak(long baseline, IReadOnlyList<long> settled)
    {
        var least = settled.Skip(1).Zip(settled, (now, before) => now - before).Min();
        return least <= RoundGrowthBound
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"resident memory grew in every one of the {settled.Count - 1} rounds after the first, by at least {least / MiB} MiB each (bound {RoundGrowthBound / MiB} MiB): what one burst took is not reused by the next, a leak. {Describe(baseline, settled)}");
    }

    public static string Describe(long baseline, IReadOnlyList<long> settled) =>
        $"Baseline {baseline / MiB} MiB; after each round: {string.Join(", ", settled.Select(m => (m / MiB).ToString(CultureInfo.InvariantCulture) + " MiB"))}";

    private static async Task BurstAsync(Address address, Mode mode, int connections, string what)
    {
        var open = new ConcurrentBag<Socket>();
        try
        {
            await Parallel.ForEachAsync(Enumerable.Range(0, connections), new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (i, ct) =>
            {
                var socket = await Wire.ConnectAsync(address, ct);
                open.Add(socket);
                await Traffic.RoundTripAsync(socket, Traffic.Message(mode, 64, i), $"{what}: connection {i}");
            });
        }
        finally
        {
            foreach (var socket in open)
            {
                socket.Dispose();
            }
        }
    }

    /// <summary>The lowest resident memory over the settle time, a verified connection before each sample (a reason for lazy runtimes to collect and trim).</summary>
    private static Task<long> SettledAsync(IRunningServer server, Mode mode, string what) =>
        Survival.LowestRssAsync(server, mode, what, s_settle, TimeSpan.FromMilliseconds(250), _ => false);
}
