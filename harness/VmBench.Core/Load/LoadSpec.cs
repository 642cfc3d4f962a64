using VmBench.Core.Model;

namespace VmBench.Core.Load;

/// <summary>One load-generation job: where, what, how hard and for how long.</summary>
/// <param name="MessageSize">Bytes per message (readline: newline included).</param>
/// <param name="MessagesPerRequest">Messages sent back to back before waiting for the echo (readline: 5, as vmbench).</param>
/// <param name="Rate">Constant-rate mode: total requests/s across all connections; null for closed loop.</param>
/// <param name="AllowNonLoopback">Opt-in to targets other than loopback or unix sockets.</param>
/// <param name="HardTimeout">Bound on the whole job, whatever the server does; null for warm-up + duration + 30 s.</param>
/// <param name="Tls">TLS over the connections (the server certificate to accept, the version to offer); null for plain TCP.</param>
/// <param name="Pattern">Requests over connections opened once (<see cref="LoadPattern.Stream"/>), or one connection per request (<see cref="LoadPattern.Churn"/>: echo over 127.0.0.0/8 only).</param>
public sealed record LoadSpec(
    Address Address,
    Mode Mode,
    int MessageSize,
    int Concurrency,
    int MessagesPerRequest,
    TimeSpan Duration,
    TimeSpan Warmup,
    double? Rate = null,
    bool AllowNonLoopback = false,
    TimeSpan? HardTimeout = null,
    LoadPattern Pattern = LoadPattern.Stream,
    TlsClient? Tls = null)
{
    public TimeSpan EffectiveHardTimeout => HardTimeout ?? Warmup + Duration + TimeSpan.FromSeconds(30);
}
