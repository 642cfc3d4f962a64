namespace VmBench.Cli.Commands.Common;

/// <summary>vmbench's exit codes.</summary>
public static class ExitCodes
{
    public const int Ok = 0;

    /// <summary>The command ran, and something it measured or checked failed (a benchmark failed, a comparison found a regression ...).</summary>
    public const int Failed = 1;

    /// <summary>The command could not run: bad arguments, unreadable input, unwritable output.</summary>
    public const int Usage = 2;

    /// <summary>Ctrl-C (128 + SIGINT).</summary>
    public const int Cancelled = 130;
}
