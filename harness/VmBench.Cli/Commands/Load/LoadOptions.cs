namespace VmBench.Cli.Commands.Load;

/// <summary>The parsed options of `vmbench load`.</summary>
/// <param name="Churn">One connection per request (connect, one echo, close), as the connect-&lt;id&gt; benchmarks.</param>
/// <param name="TlsCert">TLS: the PEM file of the one server certificate to accept; null for plain TCP.</param>
/// <param name="TlsVersion">TLS: the version to offer, 1.2 or 1.3.</param>
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
    bool Churn = false,
    string? TlsCert = null,
    string TlsVersion = "1.3");
