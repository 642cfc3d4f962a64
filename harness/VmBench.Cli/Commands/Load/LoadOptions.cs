namespace VmBench.Cli.Commands.Load;

/// <summary>The parsed options of `vmbench load`.</summary>
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
    bool Json);
