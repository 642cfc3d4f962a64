using System.Globalization;
using System.Text.Json;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Load;

namespace VmBench.Cli.Commands.Load;

/// <summary>`vmbench load`: one load job against a running server; exit 1 on failure, 2 on bad arguments, 130 on Ctrl-C.</summary>
public sealed class LoadCommand
{
    private readonly TextWriter _out;
    private readonly TextWriter _error;
    private readonly ILoadGenerator _load;

    public LoadCommand(TextWriter output, TextWriter error)
        : this(output, error, new LoadGenerator())
    {
    }

    public LoadCommand(TextWriter output, TextWriter error, ILoadGenerator load)
    {
        _out = output;
        _error = error;
        _load = load;
    }

    public async Task<int> ExecuteAsync(LoadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Names.TryParse(options.Mode, out Mode mode))
        {
            return UsageError.Write(_error, Verb, $"--mode: unknown mode '{options.Mode}': expected echo, readline or http (e.g. --mode echo)");
        }

        if (!Address.TryParse(options.Address, out var address, out var addressError))
        {
            return UsageError.Write(_error, Verb, "--addr: " + addressError);
        }

        TlsClient? tls = null;
        if (options.TlsCert is { } certPath)
        {
            if (options.TlsVersion is not ("1.2" or "1.3"))
            {
                return UsageError.Write(_error, Verb, $"--tls-version: unknown TLS version '{options.TlsVersion}': expected 1.2 or 1.3 (e.g. --tls-version 1.3)");
            }

            string pem;
            try
            {
                pem = await File.ReadAllTextAsync(certPath, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                return UsageError.Write(_error, Verb, $"--tls-cert: cannot read {certPath}: {ex.Message}");
            }

            tls = new TlsClient(pem, options.TlsVersion == "1.2" ? TlsVersion.Tls12 : TlsVersion.Tls13);
        }

        var spec = new LoadSpec(
            address,
            mode,
            options.MessageSize,
            options.Concurrency,
            options.MessagesPerRequest ?? (mode == Mode.Readline ? 5 : 1),
            TimeSpan.FromSeconds(options.DurationSeconds),
            TimeSpan.FromSeconds(options.WarmupSeconds),
            options.Rate,
            options.AllowRemote,
            Pattern: options.Churn ? LoadPattern.Churn : LoadPattern.Stream,
            Tls: tls);

        LoadResult result;
        try
        {
            var progress = options.Json ? null : new SynchronousProgress(p => _error.Write(string.Create(CultureInfo.InvariantCulture,
                $"\r{(p.WarmingUp ? "warm-up" : "measure")} {p.Elapsed.TotalSeconds,5:0.0}/{p.Total.TotalSeconds:0.#} s  {p.Requests,12:N0} requests  {p.RecentRequestsPerSecond,10:N0} req/s   ")));
            result = await _load.RunAsync(spec, progress, cancellationToken).ConfigureAwait(false);
            if (progress is not null)
            {
                _error.WriteLine();
            }
        }
        catch (ArgumentException ex)
        {
            return UsageError.Write(_error, Verb, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _error.WriteLine();
            _error.WriteLine("cancelled");
            return ExitCodes.Cancelled;
        }

        if (options.Json)
        {
            _out.WriteLine(JsonSerializer.Serialize(result, RunJson.Options));
        }
        else
        {
            WriteSummary(spec, result);
        }

        if (result.Failure is not null)
        {
            _error.WriteLine("failed: " + result.Failure);
            return ExitCodes.Failed;
        }

        return ExitCodes.Ok;
    }

    private const string Verb = "load";

    private void WriteSummary(LoadSpec spec, LoadResult result)
    {
        var c = CultureInfo.InvariantCulture;
        var mpr = spec.Mode == Mode.Http ? 1 : spec.MessagesPerRequest;
        var what = spec.Mode == Mode.Http ? "GET /" : string.Create(c, $"{spec.MessageSize:N0} B x {mpr}");
        var churn = spec.Pattern == LoadPattern.Churn;
        _out.WriteLine(string.Create(c, $"{Names.Of(spec.Mode)} {(churn ? "churn" : "load")} on {spec.Address}: {what}{(churn ? ", one connection each" : string.Empty)}, concurrency {spec.Concurrency}, {result.Seconds:0.00} s measured{(spec.Warmup > TimeSpan.Zero ? $" after {spec.Warmup.TotalSeconds:0.#} s warm-up" : string.Empty)}"));
        _out.WriteLine(churn
            ? string.Create(c, $"{result.Requests:N0} connections (connect, {(spec.Tls is null ? string.Empty : "TLS handshake, ")}echo, close), {result.RequestsPerSecond:N0} connections/s")
            : string.Create(c, $"{result.Messages:N0} messages in {result.Requests:N0} requests, {result.RequestsPerSecond:N0} req/s, {result.MiBPerSecond:0.00} MiB/s"));
        if (result.Tls is { } session)
        {
            _out.WriteLine($"tls: {session.Protocol}, {session.Cipher}{(churn ? ", a full handshake per connection" : string.Empty)}");
        }

        if (result.IntendedRate is { } rate)
        {
            _out.WriteLine(string.Create(c, $"rate: {result.RequestsPerSecond:N0} of {rate:N0} requests/s planned"));
            WriteLatency("latency (from the actual send)", result.Latency);
            if (result.CorrectedLatency is { } corrected)
            {
                WriteLatency("latency (from the intended send, corrected)", corrected);
            }
        }
        else
        {
            WriteLatency("latency", result.Latency);
        }

        if (result.Client is { } client)
        {
            _out.WriteLine(string.Create(c, $"client CPU: {client.CpuSeconds:0.00} s, {client.CpuUtilization * 100:0} % of the cores it may use, {client.CpuMicrosPerRequest:0.00} us/request{(client.ClientBound ? $"; CLIENT-BOUND: {client.Reason}" : string.Empty)}"));
        }

        if (result.Errors > 0)
        {
            _out.WriteLine(string.Create(c, $"connection errors: {result.Errors}{(result.Stalled > 0 ? $" ({result.Stalled} requests unanswered for 1 s or more at the end: stalled)" : string.Empty)}"));
        }
    }

    private void WriteLatency(string title, LatencySummary l)
    {
        var c = CultureInfo.InvariantCulture;
        _out.WriteLine(string.Create(c, $"{title}: min {l.Min:0.000} ms, mean {l.Mean:0.000} ms, max {l.Max:0.000} ms, stddev {l.StdDev:0.000} ms, cv {l.Cv * 100:0.00} %"));
        _out.WriteLine(string.Create(c, $"  percentiles: 25 % {l.P25:0.000}, 50 % {l.P50:0.000}, 75 % {l.P75:0.000}, 90 % {l.P90:0.000}, 99 % {l.P99:0.000}, 99.9 % {l.P999:0.000}, 99.99 % {l.P9999:0.000} ms"));
    }
}
