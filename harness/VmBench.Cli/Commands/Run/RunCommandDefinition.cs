using System.CommandLine;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Results;

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
        Description = "Seconds measured per cell in each trial (2 or more lets a trend within a measurement be seen)",
        DefaultValueFactory = _ => 2,
    };

    public static readonly Option<int> Trials = new("--trials", "-t")
    {
        Description = "Randomized interleaved trials: each measures every cell once, in a fresh random order; figures are medians over trials with 95 % confidence intervals (3 or more; vmbench compare needs 4 per run)",
        DefaultValueFactory = _ => 4,
    };

    public static readonly Option<int?> Seed = new("--seed")
    {
        Description = "Seed of the trials' random orders (default: a fresh one, recorded in run.json; pass it again to repeat a schedule)",
    };

    /// <summary>The reference when --reference is not given; a run without it (a servers folder of one's own) goes on without a reference.</summary>
    public const string DefaultReference = "c-epoll";

    public static readonly Option<string?> Reference = new("--reference")
    {
        Description = $"The reference server, measured in every trial: each figure is also given as a ratio to it (the fraction of this machine's limit); 'none' for no reference [default: {DefaultReference}]",
    };

    public static readonly Option<bool> Aa = new("--aa")
    {
        Description = "A/A: measure the reference against a second instance of itself, which gives the run's noise floor (the smallest difference it resolves)",
    };

    public static readonly Option<double> Warmup = new("--warmup")
    {
        Description = "Most seconds of warm-up per server (at the highest concurrency) while waiting for steady throughput; 0 for none",
        DefaultValueFactory = _ => WarmupPolicy.Default.MaxSeconds,
    };

    public static readonly Option<double> WarmupMin = new("--warmup-min")
    {
        Description = "Fewest seconds of warm-up per server",
        DefaultValueFactory = _ => WarmupPolicy.Default.MinSeconds,
    };

    public static readonly Option<double> SteadyCv = new("--steady-cv")
    {
        Description = "Steady state: the last 4 seconds' requests/s vary (coefficient of variation) and drift by at most this many percent",
        DefaultValueFactory = _ => WarmupPolicy.Default.MaxCvPercent,
    };

    public static readonly Option<double> CellWarmup = new("--cell-warmup")
    {
        Description = "Seconds of load on each measurement's fresh connections before it counts",
        DefaultValueFactory = _ => 0.25,
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

    public static readonly Option<bool> Force = new("--force")
    {
        Description = "Replace the run an --output folder already holds: first delete the files vmbench wrote there (run.json, the reports, charts and histogram logs it generated); nothing else in the folder is touched",
    };

    public static Command Create()
    {
        var command = new Command("run", "Build, start and measure the selected benchmarks; in randomized interleaved trials; writes run.json after every measurement, then the reports");
        foreach (var option in new Option[] { Servers, Benchmarks, Runtime, DockerHost, Concurrency, Sizes, Duration, Trials, Seed, Reference, Aa, Warmup, WarmupMin, SteadyCv, CellWarmup, Rate, Sweep, ServerCpus, ClientCpus, MessagesPerRequest, ReadyTimeout, Output, Force })
        {
            command.Options.Add(option);
        }

        command.SetAction((parseResult, cancellationToken) => new RunCommand(parseResult).ExecuteAsync(cancellationToken));
        return command;
    }
}
