using System.CommandLine;

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

    public static readonly Option<int> MessageSize = new("--msize")
    {
        Description = "Bytes per message (readline: newline included; ignored for http)",
        DefaultValueFactory = _ => 1024,
    };

    public static readonly Option<int?> MessagesPerRequest = new("--mpr", "--messages-per-request")
    {
        Description = "Messages sent back to back per request before waiting for the echo (default 1; 5 in readline mode)",
    };

    public static readonly Option<int> Concurrency = new("--concurrency", "-c")
    {
        Description = "Connections, each with one request in flight",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<double> Duration = new("--duration", "-d")
    {
        Description = "Seconds measured",
        DefaultValueFactory = _ => 10,
    };

    public static readonly Option<double> Warmup = new("--warmup")
    {
        Description = "Seconds of load before the measurement (not recorded)",
        DefaultValueFactory = _ => 0,
    };

    public static readonly Option<double?> Rate = new("--rate")
    {
        Description = "Constant-rate mode: total requests/s across all connections, latency corrected for coordinated omission (default: closed loop)",
    };

    public static readonly Option<bool> AllowRemote = new("--allow-remote")
    {
        Description = "Allow a target other than loopback or a unix socket",
    };

    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Print the result as JSON (the LoadResult of run.json)",
    };

    public static Command Create()
    {
        var command = new Command("load", "Drive one server with the load client and print the figures (like vmbench's echo_client)");
        command.Options.Add(Address);
        command.Options.Add(Mode);
        command.Options.Add(MessageSize);
        command.Options.Add(MessagesPerRequest);
        command.Options.Add(Concurrency);
        command.Options.Add(Duration);
        command.Options.Add(Warmup);
        command.Options.Add(Rate);
        command.Options.Add(AllowRemote);
        command.Options.Add(Json);
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
                parseResult.GetValue(Json));
            return await new LoadCommand(Console.Out, Console.Error).ExecuteAsync(options, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }
}
