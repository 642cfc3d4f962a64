using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;

namespace VmBench.Contract;

/// <summary>Runs one check against a server started for it alone (in any runtime) and stopped after it, and says how it went.</summary>
public sealed class ContractRunner
{
    /// <summary>Bounds a check whose server stops answering; the socket helpers bound every single read and write far below it.</summary>
    private static readonly TimeSpan s_checkTimeout = TimeSpan.FromMinutes(3);

    private readonly IServerRuntime _runtime;
    private readonly AddressAllocator _addresses;
    private readonly TimeSpan _readyTimeout;
    private readonly ServerTls? _tls;

    /// <param name="tls">The certificate and key TLS benchmarks' servers are started with (required to check one).</param>
    public ContractRunner(IServerRuntime runtime, AddressAllocator addresses, TimeSpan readyTimeout, ServerTls? tls = null)
    {
        _runtime = runtime;
        _addresses = addresses;
        _readyTimeout = readyTimeout;
        _tls = tls;
    }

    /// <summary>Starts the server (already built), runs the check, stops the server. Never throws for the server's fault: the result says it.</summary>
    public async Task<CheckResult> RunAsync(Benchmark benchmark, ContractCheck check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(benchmark);
        ArgumentNullException.ThrowIfNull(check);
        var clock = Stopwatch.StartNew();
        IRunningServer server;
        try
        {
            var address = _addresses.Allocate(benchmark.Protocol.Address, benchmark.Name);
            server = await _runtime.StartAsync(new ServerLaunch(benchmark, address, [], _readyTimeout, Tls: benchmark.Protocol.IsTls ? _tls : null), cancellationToken).ConfigureAwait(false);
        }
        catch (ServerStartException ex)
        {
            return new CheckResult(benchmark.Name, check, "the server did not start: " + ex.Message, clock.Elapsed);
        }

        await using (server.ConfigureAwait(false))
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(s_checkTimeout);
            string? failure = null;
            try
            {
                await check.RunAsync(new CheckContext(server, benchmark, limit.Token, benchmark.Protocol.IsTls ? _tls : null)).WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (ContractViolation ex)
            {
                failure = ex.Message;
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                failure = limit.IsCancellationRequested
                    ? $"no result within {s_checkTimeout.TotalMinutes:0} minutes"
                    : $"the server did not answer within {Wire.Timeout.TotalSeconds:0} s";
            }
            catch (Exception ex) when (ex is SocketException or IOException or ObjectDisposedException)
            {
                failure = $"the connection failed: {ex.Message}";
            }

            if (failure is not null && server.HasExited)
            {
                failure += "; the server exited. " + ServerStartException.WithLog("Its last output", server.LogTail()).Message;
            }

            return new CheckResult(benchmark.Name, check, failure, clock.Elapsed);
        }
    }
}
