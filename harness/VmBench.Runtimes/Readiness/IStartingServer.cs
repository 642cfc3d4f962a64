namespace VmBench.Runtimes.Readiness;

/// <summary>A server that was started and is not known to be ready yet: what readiness needs of a process or a container.</summary>
internal interface IStartingServer
{
    /// <summary>True once the server has ended on its own.</summary>
    bool HasExited { get; }

    /// <summary>The last lines the server wrote.</summary>
    string LogTail(int lines = 20);

    /// <summary>
    /// The server's processes as this machine numbers them (a local process, or a container's when its engine runs
    /// here); empty when they cannot be seen from here. Readiness reads their listening sockets from /proc.
    /// </summary>
    Task<IReadOnlyList<int>> HostProcessIdsAsync(CancellationToken cancellationToken);
}
