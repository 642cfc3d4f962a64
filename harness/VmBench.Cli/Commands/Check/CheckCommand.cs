using System.Globalization;
using VmBench.Cli.Commands.Common;
using VmBench.Contract;
using VmBench.Core.Catalog;
using VmBench.Core.Model;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;

namespace VmBench.Cli.Commands.Check;

/// <summary>`vmbench check ID`: builds one server and runs every contract check on each of its benchmarks, each on a fresh start.</summary>
public sealed class CheckCommand
{
    private readonly string _serverId;
    private readonly string _servers;
    private readonly string _runtime;
    private readonly string? _dockerHost;
    private readonly double _readyTimeout;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public CheckCommand(string serverId, string servers, string runtime, string? dockerHost, double readyTimeout, TextWriter output, TextWriter error)
    {
        _serverId = serverId;
        _servers = servers;
        _runtime = runtime;
        _dockerHost = dockerHost;
        _readyTimeout = readyTimeout;
        _out = output;
        _error = error;
    }

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        if (_readyTimeout <= 0 || double.IsNaN(_readyTimeout))
        {
            await _error.WriteLineAsync($"error: --ready-timeout must be a positive number of seconds, not {_readyTimeout.ToString(CultureInfo.InvariantCulture)}").ConfigureAwait(false);
            return ExitCodes.Usage;
        }

        var server = await FindAsync().ConfigureAwait(false);
        if (server is null)
        {
            return ExitCodes.Usage;
        }

        var runtime = await RuntimeFactory.CreateOrReportAsync("check", _runtime, _dockerHost, LoadComponents.CreateProbe(), _out, _error, cancellationToken).ConfigureAwait(false);
        if (runtime is null)
        {
            return ExitCodes.Usage;
        }

        await using (runtime.ConfigureAwait(false))
        {
            try
            {
                return await CheckAsync(runtime, server, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                await _error.WriteLineAsync("cancelled").ConfigureAwait(false);
                return ExitCodes.Cancelled;
            }
        }
    }

    private async Task<int> CheckAsync(IServerRuntime runtime, ServerManifest server, CancellationToken cancellationToken)
    {
        var build = await runtime.BuildAsync(server, cancellationToken).ConfigureAwait(false);
        if (!build.Usable)
        {
            await _error.WriteLineAsync($"FAIL  {server.Id} cannot be checked: {build.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }

        var sockets = Path.Combine(Path.GetTempPath(), $"vmbench-check-{Environment.ProcessId}");
        var plan = ServerContract.For(Benchmark.AllOf([server]));
        using var tls = plan.Any(p => p.Benchmark.Protocol.IsTls) ? TlsCredentials.Create(DateTimeOffset.UtcNow) : null;
        var runner = new ContractRunner(runtime, new AddressAllocator(sockets), TimeSpan.FromSeconds(_readyTimeout), tls?.Server);
        await _out.WriteLineAsync($"checking {server.Id} ({runtime.Name}): {plan.Count} checks on {string.Join(", ", plan.Select(p => p.Benchmark.Name).Distinct())}").ConfigureAwait(false);
        var failed = 0;
        try
        {
            foreach (var (benchmark, check) in plan)
            {
                var result = await runner.RunAsync(benchmark, check, cancellationToken).ConfigureAwait(false);
                var line = string.Create(CultureInfo.InvariantCulture, $"{(result.Passed ? "pass" : "FAIL")}  {benchmark.Name,-24} {check.Title} [{result.Elapsed.TotalSeconds:0.0} s]");
                await _out.WriteLineAsync(line).ConfigureAwait(false);
                if (!result.Passed)
                {
                    failed++;
                    await _out.WriteLineAsync(Indent(result.Failure!)).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            if (Directory.Exists(sockets))
            {
                Directory.Delete(sockets, recursive: true);
            }
        }

        await _out.WriteLineAsync(failed == 0
            ? $"{server.Id}: all {plan.Count} checks passed"
            : $"{server.Id}: {failed} of {plan.Count} checks failed (the contract: servers/README.md)").ConfigureAwait(false);
        return failed == 0 ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private async Task<ServerManifest?> FindAsync()
    {
        var catalog = ServerCatalog.Discover(_servers);
        var broken = catalog.Errors.Where(e => e.File.Split(Path.DirectorySeparatorChar).Contains(_serverId, StringComparer.Ordinal)).ToArray();
        if (catalog.Servers.FirstOrDefault(s => s.Id == _serverId) is { } server)
        {
            return server;
        }

        if (broken.Length > 0)
        {
            await _error.WriteLineAsync($"error: the manifest of {_serverId} is broken (fix it, then check again):").ConfigureAwait(false);
            foreach (var error in broken)
            {
                await _error.WriteLineAsync("  " + error).ConfigureAwait(false);
            }

            return null;
        }

        var known = catalog.Servers.Select(s => s.Id).ToArray();
        await _error.WriteLineAsync($"error: no server \"{_serverId}\" under {_servers} (known: {(known.Length == 0 ? "none" : string.Join(", ", known))}; a server is a folder with a server.json, see vmbench new-server)").ConfigureAwait(false);
        return null;
    }

    private static string Indent(string text) =>
        string.Join(Environment.NewLine, text.Split('\n').Select(l => "      " + l.TrimEnd('\r')));
}
