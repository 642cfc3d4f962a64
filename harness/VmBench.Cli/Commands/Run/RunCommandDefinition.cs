using System.CommandLine;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Model;
using VmBench.Core.Results;

namespace VmBench.Cli.Commands.Run;

/// <summary>`vmbench run`: the options and the wiring, no behaviour.</summary>
public static class RunCommandDefinition
{
    public static readonly Option<string> Servers = CommonOptions.Servers();
    public static readonly Option<string[]> Benchmarks = CommonOptions.Benchmarks();
    public static readonly Option<string> Runtime = CommonOptions.Runtime();
    public static readonly Option<string?> DockerHost = CommonOptions.DockerHost();

    public static readonly Option<int[]> Concurrency = NumberOptions.List(
        "--concurrency", ["-c"], "Concurrency levels: connections, e.g. --concurrency 10 100", Quantities.Connections with { Example = "10 100" }, [10]);

    public static readonly Option<int[]> Sizes = NumberOptions.List(
        "--sizes", ["-s"], "Payload sizes in bytes; readline needs room for the newline", Quantities.PayloadBytes with { Example = "1024 10240" }, [1024, 10240, 102400]);

    public static readonly Option<double> Duration = NumberOptions.Single(
        "--duration", ["-d"], "Seconds measured per cell in each trial (2 or more lets a trend within a measurement be seen)", Quantities.MeasuredSeconds, 2);

    public static readonly Option<int> Trials = NumberOptions.Single(
        "--trials", ["-t"], "Randomized interleaved trials: each measures every cell once, in a fresh random order; figures are medians over trials with 95 % confidence intervals (3 or more; vmbench compare needs 4 per run)", new NumberRule<int>("a whole number of trials", 1, true, 1000, true, "4"), 4);

    public static readonly Option<int?> Seed = NumberOptions.Optional(
        "--seed", [], "Seed of the trials' random orders (default: a fresh one, recorded in run.json; pass it again to repeat a schedule)", new NumberRule<int>("a whole number", 0, true, int.MaxValue, true, "42"));

    /// <summary>The reference when --reference is not given; a run without it (a servers folder of one's own) goes on without a reference.</summary>
    public const string DefaultReference = "c-epoll";

    public static readonly Option<string?> Reference = new("--reference")
    {
        Description = $"The reference server, measured in every trial: each figure is also given as a ratio to it (the fraction of this machine's limit); 'none' for no reference [default: {DefaultReference}]",
    };

    public static readonly Option<bool> Aa = CommonOptions.Flag("--aa", "A/A: measure the reference against a second instance of itself, which gives the run's noise floor (the smallest difference it resolves)");

    public static readonly Option<double> Warmup = NumberOptions.Single(
        "--warmup", [], $"Most seconds of warm-up per server (at the highest concurrency, at most {Protocol.TcpEcho.WarmupConnections} connections, {Protocol.Connect.WarmupConnections} for connect) while waiting for steady throughput; 0 for none, else at least the steady-state window of {WarmupPolicy.Default.WindowSeconds} s", Quantities.WarmupSeconds with { Example = "30" }, WarmupPolicy.Default.MaxSeconds);

    public static readonly Option<double> WarmupMin = NumberOptions.Single(
        "--warmup-min", [], "Fewest seconds of warm-up per server (at most --warmup)", Quantities.WarmupSeconds with { Example = "4" }, WarmupPolicy.Default.MinSeconds);

    public static readonly Option<double> SteadyCv = NumberOptions.Single(
        "--steady-cv", [], "Steady state: the last 4 seconds' requests/s vary (coefficient of variation) and drift by at most this many percent", new NumberRule<double>("a percentage", 0, false, 100, true, "5"), WarmupPolicy.Default.MaxCvPercent);

    public static readonly Option<double> CellWarmup = NumberOptions.Single(
        "--cell-warmup", [], "Seconds of load on each measurement's fresh connections before it counts", Quantities.WarmupSeconds with { Example = "0.25" }, 0.25);

    public static readonly Option<int?> Remeasure = NumberOptions.Optional(
        "--remeasure", [], "Most blocks of cells (one protocol, size and concurrency in one trial) measured again at the end when a slow spell of the machine hit them (a cell cost the load client 1.5x its median CPU per request); the new measurements replace the old, which run.json keeps as superseded [default: a tenth of the run's blocks; 0 for none]", new NumberRule<int>("a whole number of blocks", 0, true, 100_000, true, "0"));

    public static readonly Option<double?> Rate = NumberOptions.Optional(
        "--rate", [], "Constant-rate mode: total requests/s across connections, latency corrected for coordinated omission (default: closed loop)", Quantities.RequestsPerSecond);

    public static readonly Option<bool> Sweep = CommonOptions.Flag("--sweep", "Latency-vs-load sweep: measure the closed-loop peak, then constant-rate steps from 10 % to 120 % of it");

    public static readonly Option<string> ServerCpus = Cpus("--server-cpus", "CPUs the server is pinned to (e.g. 1, or 1-3); empty for no pinning", "1");

    public static readonly Option<string> ClientCpus = Cpus("--client-cpus", "CPUs the load client (this process) is pinned to; empty for no pinning", "0");

    public static readonly Option<int> MessagesPerRequest = NumberOptions.Single(
        "--mpr", [], "Readline benchmarks: lines sent per request (vmbench used 5)", Quantities.MessagesPerRequest, 5);

    public static readonly Option<double> ReadyTimeout = NumberOptions.Single(
        "--ready-timeout", [], "Seconds a server gets to answer its first verified echo", Quantities.MeasuredSeconds with { Example = "30" }, 30);

    public static readonly Option<string> TlsVersion = new Option<string>("--tls-version")
    {
        Description = "TLS benchmarks (tlsecho-*, tlshandshake-*): the TLS version the load client offers, 1.2 or 1.3",
        DefaultValueFactory = _ => "1.3",
    }.AcceptOnlyFromAmong("1.2", "1.3");

    public static readonly Option<string?> Output = CommonOptions.Output("Run folder (default results/<UTC yyyyMMdd-HHmmss>/)");

    public static readonly Option<bool> Force = CommonOptions.Flag("--force", "Replace the run an --output folder already holds: first delete the files vmbench wrote there (run.json, the reports, charts and histogram logs it generated); nothing else in the folder is touched");

    public static Command Create()
    {
        var command = new VerbCommand(
            "run",
            "Build, start and measure the selected benchmarks; in randomized interleaved trials; writes run.json after every measurement, then the reports",
            "vmbench run --benchmarks tcpecho-sockets --sizes 1024 --trials 3 --duration 1 --warmup 0",
            "vmbench run --benchmarks 'tcpecho-.*' --concurrency 10 100 --sizes 1024 10240 --aa",
            "vmbench run --benchmarks readline-kestrel --rate 20000 --runtime local --output results/readline-rate")
            .With(Servers, Benchmarks, Runtime, DockerHost, Concurrency, Sizes, Duration, Trials, Seed, Reference, Aa, Warmup, WarmupMin, SteadyCv, CellWarmup, Remeasure, Rate, Sweep, ServerCpus, ClientCpus, MessagesPerRequest, ReadyTimeout, TlsVersion, Output, Force);
        command.SetAction((parseResult, cancellationToken) => new RunCommand(parseResult).ExecuteAsync(cancellationToken));
        return command;
    }

    /// <summary>A CPU list, <paramref name="cpu"/> by default on a machine of two or more CPUs, else no pinning.</summary>
    private static Option<string> Cpus(string name, string description, string cpu) => new(name)
    {
        Description = description,
        DefaultValueFactory = _ => Environment.ProcessorCount > 1 ? cpu : string.Empty,
    };
}
