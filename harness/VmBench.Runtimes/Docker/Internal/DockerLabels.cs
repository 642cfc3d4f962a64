namespace VmBench.Runtimes.Docker.Internal;

/// <summary>The labels VmBench puts on its containers and images, so it can find (and clean up) its own.</summary>
internal static class DockerLabels
{
    public const string Marker = "vmbench";
    public const string MarkerFilter = "vmbench=1";
    public const string Run = "vmbench.run";
    public const string Pid = "vmbench.pid";
    public const string PidStart = "vmbench.pid-start";
    public const string Host = "vmbench.host";
    public const string Benchmark = "vmbench.benchmark";
    public const string Server = "vmbench.server";
    public const string Hash = "vmbench.hash";
}
