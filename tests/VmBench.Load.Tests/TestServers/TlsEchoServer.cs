using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Model;

namespace VmBench.Load.Tests.TestServers;

/// <summary>
/// A test-only TLS echo server (SslStream, TLS 1.2 and 1.3): <see cref="Threads"/> threads each accept a connection
/// and serve it to its end, so churn costs no thread per connection. It counts completed handshakes and connections
/// that ended with the client's close_notify after their echo; optionally it flips one byte of every connection's
/// echo at <see cref="CorruptAt"/>.
/// </summary>
public sealed class TlsEchoServer : IDisposable
{
    public const int Threads = 16;

    private readonly Socket _listener;
    private readonly X509Certificate2 _certificate;
    private readonly Thread[] _threads = new Thread[Threads];
    private volatile bool _disposed;
    private int _handshakes;
    private int _served;

    public TlsEchoServer(X509Certificate2 certificate)
    {
        _certificate = certificate;
        _listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        _listener.Listen(4096);
        Address = Address.Tcp(IPAddress.Loopback, ((IPEndPoint)_listener.LocalEndPoint!).Port);
        for (var i = 0; i < Threads; i++)
        {
            _threads[i] = new Thread(Accept) { IsBackground = true, Name = "tls-echo-server" };
            _threads[i].Start();
        }
    }

    public Address Address { get; }

    /// <summary>Flip the byte at this offset of every connection's echo stream; -1 never.</summary>
    public long CorruptAt { get; init; } = -1;

    public int Handshakes => Volatile.Read(ref _handshakes);

    /// <summary>Connections that echoed everything and then saw the client's close_notify.</summary>
    public int Served => Volatile.Read(ref _served);

    /// <summary>A self-signed ECDSA P-256 certificate for localhost, 127.0.0.1 and ::1, as the harness generates one per run.</summary>
    public static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddDnsName("localhost");
        san.AddIpAddress(IPAddress.Loopback);
        san.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(san.Build());
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
    }

    public void Dispose()
    {
        _disposed = true;
        _listener.Dispose();
        foreach (var thread in _threads)
        {
            thread.Join(TimeSpan.FromSeconds(5));
        }
    }

    private void Accept()
    {
        var buffer = new byte[64 * 1024];
        var options = new SslServerAuthenticationOptions
        {
            ServerCertificate = _certificate,
            EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            ClientCertificateRequired = false,
        };
        while (!_disposed)
        {
            Socket connection;
            try
            {
                connection = _listener.Accept();
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                return;
            }

            connection.NoDelay = true;
            connection.ReceiveTimeout = 5000;
            connection.SendTimeout = 5000;
            using var stream = new SslStream(new NetworkStream(connection, ownsSocket: true));
            try
            {
                stream.AuthenticateAsServer(options);
                Interlocked.Increment(ref _handshakes);
                long echoed = 0;
                while (true)
                {
                    var n = stream.Read(buffer);
                    if (n == 0)
                    {
                        Interlocked.Increment(ref _served);
                        break;
                    }

                    if (CorruptAt >= echoed && CorruptAt < echoed + n)
                    {
                        buffer[CorruptAt - echoed] ^= 0xFF;
                    }

                    stream.Write(buffer, 0, n);
                    echoed += n;
                }
            }
            catch (Exception ex) when (ex is IOException or AuthenticationException or SocketException or ObjectDisposedException)
            {
                // The client went away, refused the certificate, or the server is closing.
            }
        }
    }
}
