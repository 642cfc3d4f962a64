using VmBench.Core.Load;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Docker;
using VmBench.Runtimes.Local;
using VmBench.Runtimes.Processes;

namespace VmBench.Cli.Commands.Common;

/// <summary>Turns --runtime (auto, local, docker) into an <see cref="IServerRuntime"/>; the only place that knows the implementations.</summary>
public static class RuntimeFactory
{
    public static readonly string[] Names = ["auto", "local", "docker"];

    /// <summary>
    /// Creates the runtime and says which it is: docker when asked or (auto) when an engine
    /// answers, else local processes. Throws <see cref="ArgumentException"/> with a message that
    /// names the fix when the asked runtime cannot be had.
    /// </summary>
    /// <summary>As <see cref="CreateAsync"/>, but prints the error (to <paramref name="error"/>) and returns null when the runtime cannot be had.</summary>
    public static async Task<IServerRuntime?> CreateOrReportAsync(string verb, string runtime, string? dockerHost, IReadinessProbe probe, TextWriter log, TextWriter error, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(error);
        try
        {
            return await CreateAsync(runtime, dockerHost, probe, log, cancellationToken).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            UsageError.Write(error, verb, ex.Message);
            return null;
        }
    }

    public static async Task<IServerRuntime> CreateAsync(string runtime, string? dockerHost, IReadinessProbe probe, TextWriter log, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(log);
        if (!Names.Contains(runtime))
        {
            throw new ArgumentException($"--runtime: unknown runtime '{runtime}' (auto, local or docker)");
        }

        var swept = ChildProcess.SweepLeftovers();
        if (swept > 0)
        {
            log.WriteLine($"stopped {swept} process{(swept == 1 ? string.Empty : "es")} left running by an earlier vmbench that was killed");
        }

        if (runtime is "docker" or "auto")
        {
            var options = new DockerRuntimeOptions
            {
                RepositoryRoot = RepositoryPaths.Root(),
                ReadinessProbe = probe,
                DockerHost = dockerHost,
                Log = log.WriteLine,
            };
            var docker = await DockerRuntime.TryConnectAsync(options, cancellationToken).ConfigureAwait(false);
            if (docker is not null)
            {
                log.WriteLine($"runtime: docker ({(runtime == "auto" ? "auto: " : string.Empty)}engine {docker.Engine.Version} at {docker.Engine.Host})");
                return docker;
            }

            if (runtime == "docker")
            {
                throw new ArgumentException($"--runtime docker: no Docker engine answers at {DockerEngine.ResolveHost(dockerHost)} (start one with docker/start-engine.sh, or use --runtime local)");
            }

            log.WriteLine($"runtime: local processes (auto: no Docker engine answers at {DockerEngine.ResolveHost(dockerHost)})");
        }
        else
        {
            log.WriteLine("runtime: local processes");
        }

        return new ProcessRuntime(ProcessRuntimeOptions.For(RepositoryPaths.Artifacts()), probe);
    }
}
