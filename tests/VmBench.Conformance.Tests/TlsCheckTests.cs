using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using VmBench.Contract.Checks;
using VmBench.Core.Model;
using VmBench.Core.Results;
using VmBench.Core.Runtimes;
using VmBench.Core.Running;

namespace VmBench.Conformance.Tests;

/// <summary>The TLS checks themselves, against in-process SslStream echo servers: a conformant one passes them, each broken one fails the check about its flaw.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class TlsCheckTests : IDisposable
{
    private static readonly ServerManifest s_manifest = new(
        "fake-tls", "Fake TLS", "sslstream", "csharp", [Mode.Echo], [AddressKind.Tls],
        new ServerBuild(BuildKind.Command, null, [], "Dockerfile"), new ServerRun(["srv"], new Dictionary<string, string>()), [], "/tmp", "/tmp/server.json");

    private readonly TlsCredentials _credentials = TlsCredentials.Create(DateTimeOffset.UtcNow);

    [Theory]
    [InlineData(nameof(TlsChecks.EchoesOneByteToOneMiB))]
    [InlineData(nameof(TlsChecks.SplitRecords))]
    [InlineData(nameof(TlsChecks.BothVersions))]
    [InlineData(nameof(TlsChecks.CloseNotifyAndAbruptClose))]
    [InlineData(nameof(TlsChecks.UnfinishedHandshake))]
    [InlineData(nameof(TlsChecks.GarbageClientHello))]
    public async Task A_conformant_tls_echo_server_passes(string check)
    {
        await using var server = new SslEchoServer(_credentials, handshakeTimeout: TimeSpan.FromSeconds(3));

        await Check(check).RunAsync(Context(server));
    }

    [Fact]
    public void The_tls_checks_run_on_tlsecho_only_and_the_plaintext_echo_checks_skip_it()
    {
        ContractCheck[] tlsChecks = [TlsChecks.EchoesOneByteToOneMiB, TlsChecks.SplitRecords, TlsChecks.BothVersions, TlsChecks.CloseNotifyAndAbruptClose, TlsChecks.UnfinishedHandshake, TlsChecks.GarbageClientHello];
        ContractCheck[] echoChecks = [EchoChecks.EchoesOneByteToOneMiB, EchoChecks.SmallWritesInOrder, EchoChecks.ThousandConnections, EchoChecks.HalfClose, EchoChecks.ResetMidTransfer, EchoChecks.SigtermWithConnectionsOpen];
        var onTls = ServerContract.For([new Benchmark(s_manifest, Protocol.TlsEcho)]).Select(p => p.Check).ToArray();
        var onTcp = ServerContract.For([new Benchmark(s_manifest with { Addresses = [AddressKind.Tcp] }, Protocol.TcpEcho)]).Select(p => p.Check).ToArray();

        Assert.All(tlsChecks, c => Assert.Contains(c, onTls));
        Assert.All(echoChecks, c => Assert.DoesNotContain(c, onTls));
        Assert.All(tlsChecks, c => Assert.DoesNotContain(c, onTcp));
        Assert.All(echoChecks, c => Assert.Contains(c, onTcp));
        Assert.DoesNotContain(ServerContract.For([new Benchmark(s_manifest, Protocol.TlsHandshake)]), p => tlsChecks.Contains(p.Check));
    }

    [Fact]
    public async Task A_server_that_corrupts_the_echo_fails_the_echo_check()
    {
        await using var server = new SslEchoServer(_credentials, TimeSpan.FromSeconds(3)) { CorruptAt = 1000 };

        var error = await Assert.ThrowsAsync<ContractViolation>(() => TlsChecks.EchoesOneByteToOneMiB.RunAsync(Context(server)));
        Assert.Contains("not echoed byte for byte over TLS", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_without_tls_1_2_fails_the_versions_check()
    {
        await using var server = new SslEchoServer(_credentials, TimeSpan.FromSeconds(3)) { Protocols = SslProtocols.Tls13 };

        var error = await Assert.ThrowsAsync<ContractViolation>(() => TlsChecks.BothVersions.RunAsync(Context(server)));
        Assert.Contains("TLS 1.2 handshake failed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_with_another_certificate_fails_naming_the_fingerprints()
    {
        using var other = TlsCredentials.Create(DateTimeOffset.UtcNow);
        await using var server = new SslEchoServer(other, TimeSpan.FromSeconds(3));

        var error = await Assert.ThrowsAsync<ContractViolation>(() => TlsChecks.EchoesOneByteToOneMiB.RunAsync(Context(server)));
        Assert.Contains("not the run's", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_server_that_waits_forever_for_a_handshake_fails_the_unfinished_handshake_check()
    {
        await using var server = new SslEchoServer(_credentials, handshakeTimeout: Timeout.InfiniteTimeSpan);

        var error = await Assert.ThrowsAsync<ContractViolation>(() => TlsChecks.UnfinishedHandshake.RunAsync(Context(server)));
        Assert.Contains("still connected after", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _credentials.Dispose();

    private static ContractCheck Check(string name) =>
        (ContractCheck)typeof(TlsChecks).GetField(name)!.GetValue(null)!;

    private CheckContext Context(SslEchoServer server) =>
        new(server, new Benchmark(s_manifest, Protocol.TlsEcho), CancellationToken.None, _credentials.Server);

    /// <summary>An SslStream echo server on loopback; its flaws are switches.</summary>
    private sealed class SslEchoServer : IRunningServer
    {
        private readonly Socket _listener = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        private readonly X509Certificate2 _certificate;
        private readonly TimeSpan _handshakeTimeout;
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _accepting;

        public SslEchoServer(TlsCredentials credentials, TimeSpan handshakeTimeout)
        {
            _certificate = X509Certificate2.CreateFromPemFile(credentials.Server.CertificatePath, credentials.Server.KeyPath);
            _handshakeTimeout = handshakeTimeout;
            _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
            _listener.Listen(128);
            Address = Address.Tcp(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndPoint!).Port);
            _accepting = Task.Run(AcceptAsync);
        }

        public SslProtocols Protocols { get; init; } = SslProtocols.Tls12 | SslProtocols.Tls13;

        /// <summary>Flip the byte at this offset of every connection's echo; -1 never.</summary>
        public long CorruptAt { get; init; } = -1;

        public Address Address { get; }

        public IReadOnlyList<string> Command => ["sslstream-echo"];

        public bool HasExited => false;

        public string LogTail(int lines = 20) => string.Empty;

        public Task<IUsageWindow> BeginMeasurementAsync(CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<ResourceUsage?> ReadUsageAsync(CancellationToken cancellationToken) => Task.FromResult<ResourceUsage?>(null);

        public Task<CommandOutput> ExecAsync(IReadOnlyList<string> argv, TimeSpan timeout, CancellationToken cancellationToken) => throw new NotSupportedException();

        public Task<int?> StopAsync(CancellationToken cancellationToken) => Task.FromResult<int?>(0);

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            _listener.Dispose();
            await _accepting;
            _certificate.Dispose();
            _stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            while (!_stop.IsCancellationRequested)
            {
                Socket connection;
                try
                {
                    connection = await _listener.AcceptAsync(_stop.Token);
                }
                catch (Exception ex) when (ex is SocketException or ObjectDisposedException or OperationCanceledException)
                {
                    return;
                }

                connection.NoDelay = true;
                _ = Task.Run(() => ServeAsync(connection));
            }
        }

        private async Task ServeAsync(Socket connection)
        {
            await using var ssl = new SslStream(new NetworkStream(connection, ownsSocket: true));
            try
            {
                using (var handshake = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
                {
                    handshake.CancelAfter(_handshakeTimeout);
                    await ssl.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate, EnabledSslProtocols = Protocols }, handshake.Token);
                }

                var buffer = new byte[64 * 1024];
                long offset = 0;
                int n;
                while ((n = await ssl.ReadAsync(buffer, _stop.Token)) > 0)
                {
                    if (CorruptAt >= offset && CorruptAt < offset + n)
                    {
                        buffer[CorruptAt - offset] ^= 0x5A;
                    }

                    offset += n;
                    await ssl.WriteAsync(buffer.AsMemory(0, n), _stop.Token);
                }

                await ssl.ShutdownAsync();
            }
            catch (Exception ex) when (ex is IOException or AuthenticationException or OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // the client went away, sent garbage or stalled its handshake: this connection only
            }
        }
    }
}
