using VmBench.Contract.Checks;
using VmBench.Core.Model;

namespace VmBench.Contract;

/// <summary>Every check of the server contract, in one list: what `vmbench check` runs and what the conformance suite wraps.</summary>
public static class ServerContract
{
    public static IReadOnlyList<ContractCheck> All { get; } =
    [
        EchoChecks.EchoesOneByteToOneMiB,
        EchoChecks.SmallWritesInOrder,
        EchoChecks.ThousandConnections,
        EchoChecks.HalfClose,
        EchoChecks.ResetMidTransfer,
        EchoChecks.SigtermWithConnectionsOpen,
        ReadlineChecks.LinesUpToOneMiB,
        ReadlineChecks.PartialLines,
        ReadlineChecks.EndlessLine,
        HttpChecks.HelloWorld,
        VersionChecks.EveryVersion,
        StartupChecks.BadArguments,
        StartupChecks.AddressInUse,
        StartupChecks.UndeclaredModes,
        SocketOptionChecks.NoDelay,
        CpuChecks.EveryCpu,
        TlsChecks.EchoesOneByteToOneMiB,
        TlsChecks.SplitRecords,
        TlsChecks.BothVersions,
        TlsChecks.CloseNotifyAndAbruptClose,
        TlsChecks.UnfinishedHandshake,
        TlsChecks.GarbageClientHello,
    ];

    /// <summary>Every (benchmark, check) pair to run for these benchmarks, benchmark by benchmark.</summary>
    public static IReadOnlyList<(Benchmark Benchmark, ContractCheck Check)> For(IEnumerable<Benchmark> benchmarks) =>
        benchmarks.SelectMany(b => All.Where(c => c.AppliesTo(b)).Select(c => (b, c))).ToArray();
}
