using System.Diagnostics;
using System.Net;
using System.Security.Authentication;
using System.Text.RegularExpressions;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>The built server executables (beside this assembly) given the TLS flags: exit codes, the one stderr line, a real TLS echo.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed partial class TlsExecutableTests : IDisposable
{
    private const int SigTerm = 15;

    private static readonly TimeSpan s_exitTimeout = TimeSpan.FromSeconds(30);

    private readonly TestCertificate _files = new();

    public static TheoryData<string> NonTlsServers => [.. ServerCatalog.All.Select(s => s.Id).Except(ServerCatalog.TlsIds)];

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task One_tls_flag_alone_exits_2_with_the_usage(string server)
    {
        var (code, _, stderr) = await RunToExitAsync(server, "--addr", "127.0.0.1:0", "--mode", "echo", "--tls-cert", _files.CertificatePath);

        Assert.Equal(ServerHost.ExitUsage, code);
        Assert.Contains("--tls-key", stderr, StringComparison.Ordinal);
        Assert.Contains("usage:", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task A_missing_certificate_exits_1_with_one_line_naming_it(string server)
    {
        var missing = _files.PathFor("missing-cert.pem");

        var (code, _, stderr) = await RunToExitAsync(server, "--addr", "127.0.0.1:0", "--mode", "echo", "--tls-cert", missing, "--tls-key", _files.KeyPath);

        Assert.Equal(ServerHost.ExitFailure, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(missing, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task A_key_that_is_not_pem_exits_1_with_one_line_naming_it(string server)
    {
        var notPem = _files.PathFor("key.bin");
        await File.WriteAllBytesAsync(notPem, [0x30, 0x82, 0x01, 0x02]);

        var (code, _, stderr) = await RunToExitAsync(server, "--addr", "127.0.0.1:0", "--mode", "echo", "--tls-cert", _files.CertificatePath, "--tls-key", notPem);

        Assert.Equal(ServerHost.ExitFailure, code);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(notPem, line, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(NonTlsServers))]
    public async Task A_server_without_tls_refuses_the_flags_with_2(string server)
    {
        var (code, _, stderr) = await RunToExitAsync(server, "--addr", "127.0.0.1:0", "--mode", "echo", "--tls-cert", _files.CertificatePath, "--tls-key", _files.KeyPath);

        Assert.Equal(ServerHost.ExitUsage, code);
        Assert.Contains("TLS", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.TlsServers), MemberType = typeof(ServerCatalog))]
    public async Task The_executable_echoes_over_tls_and_stops_on_sigterm(string server)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        using var process = Start(server, "--addr", "127.0.0.1:0", "--mode", "echo", "--tls-cert", _files.CertificatePath, "--tls-key", _files.KeyPath);
        try
        {
            var listening = await process.StandardOutput.ReadLineAsync(deadline.Token) ?? throw new InvalidOperationException($"{server} printed nothing: {await process.StandardError.ReadToEndAsync(deadline.Token)}");
            var port = int.Parse(ListeningPort().Match(listening).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            var socket = await Wire.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), deadline.Token);
            await using var client = await TlsClient.AuthenticateAsync(socket, _files.Der, SslProtocols.Tls13, deadline.Token);
            var payload = SocketIo.Pattern(100 * 1024);

            Assert.Equal(payload, await TlsClient.EchoAsync(client, payload, deadline.Token));

            Assert.Equal(0, Kill(process.Id, SigTerm));
            await process.WaitForExitAsync(deadline.Token);
            Assert.Equal(ServerHost.ExitOk, process.ExitCode);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    public void Dispose() => _files.Dispose();

    private static Process Start(string server, params string[] args)
    {
        var manifest = global::VmBench.Core.Catalog.ServerCatalog.Discover(Repository.Servers).Servers.Single(s => s.Id == server);
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, manifest.Build.AssemblyName!))
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        return Process.Start(info) ?? throw new InvalidOperationException($"{info.FileName} did not start");
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunToExitAsync(string server, params string[] args)
    {
        using var timeout = new CancellationTokenSource(s_exitTimeout);
        using var process = Start(server, args);
        try
        {
            var stdout = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var stderr = process.StandardError.ReadToEndAsync(timeout.Token);
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill();
            }
        }
    }

    [System.Runtime.InteropServices.DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningPort();
}
