using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Run;

/// <summary>`vmbench run`: the options and the wiring, no behaviour.</summary>
public static class RunCommandDefinition
{
    public static readonly Option<string> Servers = CommonOptions.Servers();
    public static readonly Option<string[]> Benchmarks = CommonOptions.Benchmarks();
    public static readonly Option<string> Runtime = CommonOptions.Runtime();
    public static readonly Option<string?> DockerHost = CommonOptions.DockerHost();

    public static readonly Option<int[]> Concurrency = new("--concurrency", "-c")
    {
        Description = "Concurrency levels (connections), e.g. --concurrency 10 100",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [10],
    };

    public static readonly Option<int[]> Sizes = new("--sizes", "-s")
    {
        Description = "Payload sizes in bytes",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [1024, 10240, 102400],
    };

    public static readonly Option<double> Duration = new("--duration", "-d")
    {
        Description = "Seconds measured per variation",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<double> Warmup = new("--warmup")
    {
        Description = "Seconds of warm-up per benchmark, at the highest concurrency (0 for none)",
        DefaultValueFactory = _ => 5,
    };

    public static readonly Option<int> Repeat = new("--repeat")
    {
        Description = "Measurements per variation; with 2 or more, figures come with a 95 % confidence interval",
        DefaultValueFactory = _ => 1,
    };

    public static readonly Option<double?> Rate = new("--rate")
    {
        Description = "Constant-rate mode: total requests/s across connections, latency corrected for coordinated omission (default: closed loop)",
    };

    public static readonly Option<bool> Sweep = new("--sweep")
    {
        Description = "Latency-vs-load sweep: measure the closed-loop peak, then constant-rate steps from 10 % to 120 % of it",
    };

    public static readonly Option<string> ServerCpus = new("--server-cpus")
    {
        Description = "CPUs the server is pinned to (e.g. 1, or 1-3); empty for no pinning",
        DefaultValueFactory = _ => Environment.ProcessorCount > 1 ? "1" : string.Empty,
    };

    public static readonly Option<string> ClientCpus = new("--client-cpus")
    {
        Description = "CPUs the load client (this process) is pinned to; empty for no pinning",
        DefaultValueFactory = _ => Environment.ProcessorCount > 1 ? "0" : string.Empty,
    };

    public static readonly Option<int> MessagesPerRequest = new("--mpr")
    {
        Description = "Readline benchmarks: lines sent per request (vmbench used 5)",
        DefaultValueFactory = _ => 5,
    };

    public static readonly Option<double> ReadyTimeout = new("--ready-timeout")
    {
        Description = "Seconds a server gets to answer its first verified echo",
        DefaultValueFactory = _ => 30,
    };

    public static readonly Option<string?> Output = new("--output", "-o")
    {
        Description = "Run folder (default results/<UTC yyyyMMdd-HHmmss>/)",
    };

    public static Command Create()
    {
        var command = new Command("run", "Build, start and measure the selected benchmarks; writes run.json after every variation, then the reports");
        foreach (var option in new Option[] { Servers, Benchmarks, Runtime, DockerHost, Concurrency, Sizes, Duration, Warmup, Repeat, Rate, Sweep, ServerCpus, ClientCpus, MessagesPerRequest, ReadyTimeout, Output })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => new RunCommand(parseResult).ExecuteAsync(cancellationToken));
        return command;
    }
}
