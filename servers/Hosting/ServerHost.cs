using System.Globalization;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VmBench.Servers.Hosting;

/// <summary>
/// The <c>Main</c> of every .NET server: parses the contract's arguments, starts the server,
/// serves until SIGTERM or SIGINT, stops it and returns the exit code
/// (0 clean stop, 1 failure while serving, 2 bad arguments).
/// </summary>
public static class ServerHost
{
    public const int ExitOk = 0;
    public const int ExitFailure = 1;
    public const int ExitUsage = 2;

    public static async Task<int> RunAsync(string name, string[] args, Func<IEchoServer> create)
    {
        ArgumentNullException.ThrowIfNull(create);
        if (args is ["--version"])
        {
            // The runtime the server runs on (run.json's versions): ".NET 10.0.0".
            Console.Out.WriteLine(RuntimeInformation.FrameworkDescription);
            return ExitOk;
        }

        if (!TryParseArguments(args, out var options, out var tlsFiles, out var error))
        {
            return await UsageAsync(name, error).ConfigureAwait(false);
        }

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx => { ctx.Cancel = true; stop.TrySetResult(); });
        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, ctx => { ctx.Cancel = true; stop.TrySetResult(); });

        IEchoServer server;
        try
        {
            server = create();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException)
        {
            await Console.Error.WriteLineAsync($"{name}: {Innermost(ex).Message}").ConfigureAwait(false);
            return ExitFailure;
        }

        await using (server.ConfigureAwait(false))
        {
            if (!server.Modes.Contains(options.Mode))
            {
                await Console.Error.WriteLineAsync($"{name}: mode '{Format(options.Mode)}' is not supported (supported: {string.Join(", ", server.Modes.Select(Format))})").ConfigureAwait(false);
                return ExitUsage;
            }

            if (tlsFiles is { } files)
            {
                if (!server.SupportsTls)
                {
                    return await UsageAsync(name, "--tls-cert/--tls-key: this server does not speak TLS (its manifest lists no \"tls\" address)").ConfigureAwait(false);
                }

                try
                {
                    options = options with { Tls = ServerTls.Load(files.Certificate, files.Key) };
                }
                catch (TlsFileException ex)
                {
                    await Console.Error.WriteLineAsync($"{name}: {ex.Message}").ConfigureAwait(false);
                    return ExitFailure;
                }
            }

            try
            {
                ServerAddress.RemoveStaleUnixSocket(options.EndPoint);
                await server.StartAsync(options, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is SocketException or IOException or InvalidOperationException or DllNotFoundException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"{name}: cannot listen on {ServerAddress.Format(options.EndPoint)}: {Innermost(ex).Message}").ConfigureAwait(false);
                return ExitFailure;
            }

            Console.Out.WriteLine($"{name}: listening on {ServerAddress.Format(server.LocalEndPoint)} (mode {Format(options.Mode)})");
            Console.Out.Flush();

            await stop.Task.ConfigureAwait(false);
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            await server.StopAsync(grace.Token).ConfigureAwait(false);
        }

        ServerAddress.RemoveStaleUnixSocket(options.EndPoint);
        return ExitOk;
    }

    /// <summary>
    /// Parses the contract's arguments. <paramref name="tlsFiles"/> are the <c>--tls-cert</c> and <c>--tls-key</c>
    /// paths (both or neither; not loaded here: a bad file is a failure to start, not a usage error), null without them.
    /// </summary>
    public static bool TryParseArguments(string[] args, out ServerOptions options, out (string Certificate, string Key)? tlsFiles, out string error)
    {
        ArgumentNullException.ThrowIfNull(args);
        options = null!;
        tlsFiles = null;
        string? addr = null;
        string? mode = null;
        string? certificate = null;
        string? key = null;
        var maxLine = ServerOptions.DefaultMaxLineLength;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : null;
            switch (args[i])
            {
                case "--addr" when value is not null:
                    addr = value;
                    i++;
                    break;
                case "--mode" when value is not null:
                    mode = value;
                    i++;
                    break;
                case "--tls-cert" when value is not null:
                    certificate = value;
                    i++;
                    break;
                case "--tls-key" when value is not null:
                    key = value;
                    i++;
                    break;
                case "--max-line" when value is not null:
                    if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out maxLine) || maxLine < 2)
                    {
                        error = $"--max-line: '{value}' is not a whole number of bytes >= 2";
                        return false;
                    }

                    i++;
                    break;
                default:
                    error = value is null && args[i].StartsWith("--", StringComparison.Ordinal)
                        ? $"{args[i]} needs a value"
                        : $"unknown argument '{args[i]}'";
                    return false;
            }
        }

        if (addr is null)
        {
            error = "--addr is required";
            return false;
        }

        if (!ServerAddress.TryParse(addr, out var endPoint, out var addrError))
        {
            error = "--addr: " + addrError;
            return false;
        }

        ServerMode parsedMode;
        switch (mode)
        {
            case null:
            case "echo":
                parsedMode = ServerMode.Echo;
                break;
            case "readline":
                parsedMode = ServerMode.Readline;
                break;
            case "http":
                parsedMode = ServerMode.Http;
                break;
            default:
                error = $"--mode: unknown mode '{mode}' (echo, readline or http)";
                return false;
        }

        if ((certificate is null) != (key is null))
        {
            error = certificate is null ? "--tls-key needs --tls-cert (TLS takes both PEM files, plain TCP neither)" : "--tls-cert needs --tls-key (TLS takes both PEM files, plain TCP neither)";
            return false;
        }

        if (certificate is not null && parsedMode == ServerMode.Http)
        {
            error = "--tls-cert: TLS serves echo and readline, not http";
            return false;
        }

        tlsFiles = certificate is null ? null : (certificate, key!);
        options = new ServerOptions(endPoint, parsedMode, maxLine);
        error = string.Empty;
        return true;
    }

    private static async Task<int> UsageAsync(string name, string error)
    {
        await Console.Error.WriteLineAsync($"{name}: {error}").ConfigureAwait(false);
        await Console.Error.WriteLineAsync($"usage: {name} --addr HOST:PORT|unix:/path --mode echo|readline|http [--max-line BYTES] [--tls-cert CERT.pem --tls-key KEY.pem]").ConfigureAwait(false);
        return ExitUsage;
    }

    public static string Format(ServerMode mode) => mode switch
    {
        ServerMode.Echo => "echo",
        ServerMode.Readline => "readline",
        ServerMode.Http => "http",
        _ => mode.ToString(),
    };

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
        {
            ex = ex.InnerException;
        }

        return ex;
    }
}
