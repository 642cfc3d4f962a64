using System.Diagnostics;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Runtimes.Builds;
using VmBench.Runtimes.Processes;
using VmBench.Runtimes.Readiness;

namespace VmBench.Runtimes.Local;

/// <summary>
/// Runs servers as local processes: built on the host, pinned with taskset, stopped with SIGTERM then SIGKILL
/// for the whole tree (<see cref="ChildProcess"/>). A build leaves nothing running, so dotnet builds start no
/// build servers (node reuse and the shared compiler are off).
/// </summary>
public sealed class ProcessRuntime : IServerRuntime
{
    private readonly ProcessRuntimeOptions _options;
    private readonly IReadinessProbe _probe;

    public ProcessRuntime(ProcessRuntimeOptions options, IReadinessProbe probe)
    {
        _options = options;
        _probe = probe;
    }

    public string Name => "local";

    public IReadOnlyDictionary<string, string> Describe() => new Dictionary<string, string>
    {
        ["kind"] = "local processes",
        ["pinning"] = ProcessRunner.OnPath("taskset") ? "taskset" : "none (taskset not found)",
        ["containment"] = ChildProcess.Containment,
    };

    public async Task<BuildResult> BuildAsync(ServerManifest server, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(server);
        foreach (var requirement in server.Requires)
        {
            var argv = Placeholders.Expand(requirement.Command, server.Directory, OutputOf(server));
            var check = await ProcessRunner.RunAsync(argv, server.Directory, null, TimeSpan.FromSeconds(30), cancellationToken).ConfigureAwait(false);
            if (!check.Succeeded)
            {
                return BuildResult.Skipped($"{server.Id}: skipped: {requirement.Install} (`{string.Join(' ', argv)}` failed: {FirstLine(check.Tail(3))})");
            }
        }

        var output = OutputOf(server);
        Directory.CreateDirectory(output);
        var build = BuildStrategies.Of(server).LocalBuild(server, output);
        if (build is null)
        {
            return BuildResult.UpToDate($"{server.Id}: nothing to build");
        }

        var clock = Stopwatch.StartNew();
        var result = await ProcessRunner.RunAsync(build, server.Directory, server.Run.EnvironmentFor(Environment.ProcessorCount), _options.BuildTimeout, cancellationToken).ConfigureAwait(false);
        return result.Succeeded
            ? BuildResult.Built($"{server.Id}: built in {clock.Elapsed.TotalSeconds:0.0} s ({string.Join(' ', build.Take(2))})")
            : BuildResult.Failed($"{server.Id}: build failed (`{string.Join(' ', build)}` exited {result.ExitCode}):\n{result.Tail()}");
    }

    public async Task<IRunningServer> StartAsync(ServerLaunch launch, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(launch);
        var server = launch.Benchmark.Server;
        var argv = new List<string>();
        if (launch.Cpus.Count > 0 && ProcessRunner.OnPath("taskset"))
        {
            argv.AddRange(["taskset", "-c", string.Join(',', launch.Cpus)]);
        }

        var command = BuildStrategies.Of(server).LocalRun(server, OutputOf(server));
        argv.AddRange(command);
        argv.AddRange(ServerArguments.Of(launch, launch.Tls));
        if (!ProcessRunner.OnPath(argv[0]))
        {
            throw new ServerStartException($"{server.Id}: cannot start: '{argv[0]}' not found (build it with `vmbench build`, or install it)");
        }

        var running = RunningProcess.Start(argv, command, server.Directory, OutputOf(server), launch.Environment, launch.Address, _options.StopGrace);
        try
        {
            var started = new ServerCommandLine(ServerCommandLine.Quote(argv), launch.Environment, launch.Address);
            await ReadinessWaiter.WaitAsync(_probe, running, started, launch.Benchmark.Protocol.Mode, launch.ReadinessTls, launch.ReadyTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await running.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        return running;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private string OutputOf(ServerManifest server) => Path.Combine(_options.ArtifactsDirectory, "servers", server.Id);

    private static string FirstLine(string text)
    {
        var line = text.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault() ?? "no output";
        return line.Length > 200 ? line[..200] : line;
    }
}
