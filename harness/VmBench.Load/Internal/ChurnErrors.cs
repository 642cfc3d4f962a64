using System.Globalization;

namespace VmBench.Load.Internal;

/// <summary>
/// One churn loop's failed exchanges, counted by step and errno, with the first one described; after the job the
/// loops' tallies make the job's failure (<see cref="Failure"/>): a server that drops one exchange in a hundred fails
/// the measurement with the count and the reasons, its rate is never reported as if nothing happened.
/// </summary>
internal sealed class ChurnErrors
{
    /// <summary>An exchange not done within this is a failed exchange (timed out): the load client's connect timeout.</summary>
    public static readonly TimeSpan Timeout = Connector.ConnectTimeout;

    /// <summary>The errno an exchange that timed out is counted under (ETIMEDOUT).</summary>
    public const int TimedOut = 110;

    private readonly Dictionary<(ChurnStep Step, int Errno), long> _counts = [];

    public long Count { get; private set; }

    /// <summary>The first failed exchange, described.</summary>
    public string? First { get; private set; }

    /// <summary>Counts one failed exchange; <paramref name="errno"/> 0 means the server closed the connection before its echo was whole, <see cref="TimedOut"/> that it was not done in time.</summary>
    /// <param name="detail">Said of the first failed exchange instead of its reason (a TLS failure's OpenSSL reason); used only while none was counted.</param>
    public void Add(ChurnSlot slot, ChurnStep step, int errno, string? detail = null)
    {
        Count++;
        _counts[(step, errno)] = _counts.GetValueOrDefault((step, errno)) + 1;
        First ??= string.Create(CultureInfo.InvariantCulture, $"exchange {slot.Number} of slot {slot.Index} from {SourceAddresses.Text(slot.Source)}, {detail ?? Reason(step, errno)}");
    }

    /// <summary>The job's failure when any exchange of <paramref name="loops"/> failed, else null.</summary>
    /// <param name="completed">Exchanges completed in the whole job, warm-up included (the tallies count it too).</param>
    public static string? Failure(IEnumerable<ChurnErrors> loops, long completed)
    {
        var all = loops.ToArray();
        var failed = all.Sum(e => e.Count);
        if (failed == 0)
        {
            return null;
        }

        var reasons = all.SelectMany(e => e._counts)
            .GroupBy(p => p.Key, p => p.Value)
            .Select(g => (g.Key, Count: g.Sum()))
            .OrderByDescending(r => r.Count)
            .Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.Count:N0} {Reason(r.Key.Step, r.Key.Errno)}"));
        var first = all.Select(e => e.First).First(f => f is not null);
        return string.Create(CultureInfo.InvariantCulture, $"{failed:N0} of {failed + completed:N0} exchanges failed ({string.Join("; ", reasons)}); the first: {first}");
    }

    private static string Reason(ChurnStep step, int errno) => (step, errno) switch
    {
        (ChurnStep.Echo, 0) => "closed by the server before the whole echo",
        (_, TimedOut) => $"timed out {step switch { ChurnStep.Connect => "connecting", ChurnStep.Handshake => "in the TLS handshake", _ => "waiting for the echo" }} ({Timeout.TotalSeconds:0.#} s)",
        (ChurnStep.Connect, Native.EADDRNOTAVAIL) => "connect: no free source port (address not available: ephemeral ports held in TIME_WAIT)",
        (ChurnStep.Handshake, Tls.TlsIo.ProtocolError) => "TLS handshake: refused or broken",
        (ChurnStep.Handshake, 0) => "TLS handshake: closed by the server",
        (ChurnStep.Handshake, _) => $"TLS handshake: {Text(errno)}",
        (ChurnStep.Echo, Tls.TlsIo.ProtocolError) => "echo: TLS error",
        (ChurnStep.Setup, _) => $"socket set-up: {Text(errno)}",
        (ChurnStep.Connect, _) => $"connect: {Text(errno)}",
        _ => $"echo: {Text(errno)}",
    };

    private static string Text(int errno) => errno switch
    {
        23 => "too many open files in the system",
        24 => "too many open files",
        32 => "broken pipe",
        99 => "address not available",
        104 => "connection reset by peer",
        105 => "no buffer space",
        111 => "connection refused",
        _ => $"errno {errno}",
    };
}
