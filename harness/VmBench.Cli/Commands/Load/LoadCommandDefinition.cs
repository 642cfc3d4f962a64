using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.Load;

/// <summary>`vmbench load`: the options and the wiring, no behaviour.</summary>
public static class LoadCommandDefinition
{
    public static readonly Option<string> Address = new("--addr")
    {
        Description = "The server: 127.0.0.1:PORT, [::1]:PORT, localhost:PORT or unix:/path",
        Required = true,
    };

    public static readonly Option<string> Mode = new("--mode")
    {
        Description = "What to send: echo (bytes echoed back), readline (newline-terminated lines) or http (GET / keep-alive)",
        DefaultValueFactory = _ => "echo",
    };

    public static readonly Option<int> MessageSize = NumberOptions.Single(
        "--msize", [], "Bytes per message (readline: newline included; ignored for http)", Quantities.PayloadBytes, 1024);

    public static readonly Option<int?> MessagesPerRequest = NumberOptions.Optional(
        "--mpr", ["--messages-per-request"], "Messages sent back to back per request before waiting for the echo (default 1; 5 in readline mode)", Quantities.MessagesPerRequest);

    public static readonly Option<int> Concurrency = NumberOptions.Single(
        "--concurrency", ["-c"], "Connections, each with one request in flight", Quantities.Connections, 10);

    public static readonly Option<double> Duration = NumberOptions.Single(
        "--duration", ["-d"], "Seconds measured", Quantities.MeasuredSeconds with { Example = "10" }, 10);

    public static readonly Option<double> Warmup = NumberOptions.Single(
        "--warmup", [], "Seconds of load before the measurement (not recorded)", Quantities.WarmupSeconds, 0);

    public static readonly Option<double?> Rate = NumberOptions.Optional(
        "--rate", [], "Constant-rate mode: total requests/s across all connections, latency corrected for coordinated omission (default: closed loop)", Quantities.RequestsPerSecond);

    public static readonly Option<bool> AllowRemote = CommonOptions.Flag("--allow-remote", "Allow a target other than loopback or a unix socket");

    public static readonly Option<bool> Churn = CommonOptions.Flag("--churn", "One connection per request: connect, one verified echo of --msize bytes, close (the connect-<id> benchmarks; echo mode, a 127.0.0.0/8 target; with --rate, connections/s)");

    public static readonly Option<string?> TlsCert = new("--tls-cert")
    {
        Description = "TLS: the server certificate to accept (a PEM file; exactly this certificate, any other fails the job); turns TLS on (echo and readline, and --churn: full handshakes)",
    };

    public static readonly Option<string> TlsVersion = new("--tls-version")
    {
        Description = "TLS: the version to offer, the only one accepted: 1.2 or 1.3",
        DefaultValueFactory = _ => "1.3",
    };

    public static readonly Option<bool> Json = CommonOptions.Flag("--json", "Print the result as JSON (the LoadResult of run.json)");

    public static Command Create()
    {
        var command = new VerbCommand(
            "load",
            "Drive one server with the load client and print the figures (like vmbench's echo_client)",
            "vmbench load --addr 127.0.0.1:25000 --msize 1024 --concurrency 10 --duration 10",
            "vmbench load --addr unix:/tmp/echo.sock --mode readline --msize 100 --duration 5 --json",
            "vmbench load --addr 127.0.0.1:25000 --churn --msize 64 --concurrency 10 --duration 5")
            .With(Address, Mode, MessageSize, MessagesPerRequest, Concurrency, Duration, Warmup, Rate, AllowRemote, Json, Churn, TlsCert, TlsVersion);
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var options = new LoadOptions(
                parseResult.GetValue(Address)!,
                parseResult.GetValue(Mode)!,
                parseResult.GetValue(MessageSize),
                parseResult.GetValue(MessagesPerRequest),
                parseResult.GetValue(Concurrency),
                parseResult.GetValue(Duration),
                parseResult.GetValue(Warmup),
                parseResult.GetValue(Rate),
                parseResult.GetValue(AllowRemote),
                parseResult.GetValue(Json),
                parseResult.GetValue(Churn),
                parseResult.GetValue(TlsCert),
                parseResult.GetValue(TlsVersion)!);
            return await new LoadCommand(Console.Out, Console.Error).ExecuteAsync(options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
