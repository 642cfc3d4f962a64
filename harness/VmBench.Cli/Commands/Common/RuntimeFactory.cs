using VmBench.Core.Load;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Local;

namespace VmBench.Cli.Commands.Common;

/// <summary>Turns --runtime (auto, local, docker) into an <see cref="IServerRuntime"/>; the only place that knows the implementations.</summary>
public static class RuntimeFactory
{
    public static readonly string[] Names = ["auto", "local", "docker"];

    /// <summary>Creates the runtime, or throws <see cref="ArgumentException"/> with a message that names the fix.</summary>
    public static Task<IServerRuntime> CreateAsync(string runtime, string? dockerHost, IReadinessProbe probe, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        IServerRuntime local = new ProcessRuntime(ProcessRuntimeOptions.For(RepositoryPaths.Artifacts()), probe);
        switch (runtime)
        {
            case "local":
                return Task.FromResult(local);
            case "auto":
                log.WriteLine("runtime: local processes (auto)");
                return Task.FromResult(local);
            case "docker":
                throw new ArgumentException($"--runtime docker: no Docker engine answers at {dockerHost ?? "unix:///var/run/docker.sock"} (start one with docker/start-engine.sh, or use --runtime local)");
            default:
                throw new ArgumentException($"--runtime: unknown runtime '{runtime}' (auto, local or docker)");
        }
    }
}
