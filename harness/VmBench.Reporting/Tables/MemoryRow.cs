using System.Globalization;
using VmBench.Core.Results;

namespace VmBench.Reporting.Tables;

/// <summary>One row of the memory-per-connection table: a benchmark's server at one connection count, as the run measured it on the fresh server.</summary>
public sealed record MemoryRow(string Benchmark, string Server, int Connections, string BaselineMiB, string IdleKiBPerConnection, string ActiveKiBPerConnection)
{
    /// <summary>What the table says about its figures, under its heading in every report.</summary>
    public const string Note = "Measured once per server right after it started, before its warm-up, from the fewest connections up: the rise in its memory (a local process tree's resident memory; a container's memory, the kernel's socket buffers charged to it included) over its memory at start, divided by the connections, with them open and idle, and halfway through a short load. What a smaller count left allocated is in the larger ones' readings, so read it at the highest count.";

    /// <summary>Every benchmark's readings, benchmark by benchmark, fewest connections first.</summary>
    public static IReadOnlyList<MemoryRow> From(RunResult run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return run.Benchmarks
            .Where(b => b.Memory is { Count: > 0 })
            .SelectMany(b => b.Memory!.Select(m => new MemoryRow(b.Name, b.Server, m.Connections, Format.MiB(m.BaselineBytes), KiB(m.IdleBytesPerConnection), KiB(m.ActiveBytesPerConnection))))
            .ToArray();
    }

    private static string KiB(double? bytes) => bytes is { } b ? (b / 1024).ToString("0.0", CultureInfo.InvariantCulture) : "n/a";
}
