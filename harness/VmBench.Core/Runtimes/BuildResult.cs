namespace VmBench.Core.Runtimes;

/// <summary>The outcome of building one server.</summary>
/// <param name="Message">Opens with the server's id ("sockets: ..."), printed as it is. Failed: what went wrong and the fix; Skipped: what to install; Built/UpToDate: a note for the console.</param>
public sealed record BuildResult(BuildStatus Status, string Message)
{
    public static BuildResult Built(string message) => new(BuildStatus.Built, message);

    public static BuildResult UpToDate(string message) => new(BuildStatus.UpToDate, message);

    public static BuildResult Skipped(string message) => new(BuildStatus.Skipped, message);

    public static BuildResult Failed(string message) => new(BuildStatus.Failed, message);

    public bool Usable => Status is BuildStatus.Built or BuildStatus.UpToDate;
}
