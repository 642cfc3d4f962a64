namespace VmBench.Cli.Commands.Load;

/// <summary>The parsed options of `vmbench load`.</summary>
/// <param name="Churn">One connection per request (connect, one echo, close), as the connect-&lt;id&gt; benchmarks.</param>
public sealed record LoadOptions(
    string Address,
    string Mode,
    int MessageSize,
    int? MessagesPerRequest,
    int Concurrency,
    double DurationSeconds,
    double WarmupSeconds,
    double? Rate,
    bool AllowRemote,
    bool Json,
    bool Churn = false);
