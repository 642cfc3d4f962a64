using System.Net;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// The job's one SSL_CTX and the one server certificate it accepts. Every connection gets a new SSL from it on its
/// socket (SSL_set_fd: OpenSSL reads and writes the non-blocking socket itself, so an echo costs one SSL_write_ex and
/// one SSL_read_ex, with read-ahead one read(2) per record; memory BIOs would add a copy each way and two more calls
/// per message, for nothing an edge-triggered epoll loop needs). Exactly the requested version is offered (min = max),
/// no session cache and no tickets (every handshake is a full one), no chain verification: the peer's certificate is
/// compared with the expected one by its DER bytes once the handshake is done (<see cref="CheckPeer"/>); the
/// handshake itself proves the server holds its key.
/// </summary>
internal sealed unsafe class TlsContext : IDisposable
{
    private readonly SslContextHandle _ctx;
    private readonly byte[] _expected;
    private readonly nint _serverName;

    private TlsContext(SslContextHandle ctx, byte[] expected, string? serverName)
    {
        _ctx = ctx;
        _expected = expected;
        _serverName = serverName is null ? 0 : Marshal.StringToCoTaskMemUTF8(serverName);
        Expected = Fingerprint(expected);
    }

    /// <summary>The expected certificate's SHA-256 fingerprint (SHA256:hex).</summary>
    public string Expected { get; }

    /// <param name="host">The target's host: sent as SNI when it is a name (never an IP literal, RFC 6066).</param>
    public static TlsContext Create(TlsClient tls, string host)
    {
        byte[] expected;
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(tls.CertificatePem);
            expected = certificate.RawData;
        }
        catch (CryptographicException ex)
        {
            throw new ArgumentException($"the TLS certificate to accept is not a PEM certificate: {ex.Message}", ex);
        }

        OpenSsl.ERR_clear_error();
        var ctx = OpenSsl.SSL_CTX_new(OpenSsl.TLS_client_method());
        if (ctx.IsInvalid)
        {
            throw new InvalidOperationException("SSL_CTX_new failed: " + OpenSsl.ErrorText("no reason given"));
        }

        var version = tls.Version == TlsVersion.Tls12 ? OpenSsl.TLS1_2_VERSION : OpenSsl.TLS1_3_VERSION;
        if (OpenSsl.SSL_CTX_ctrl(ctx, OpenSsl.SSL_CTRL_SET_MIN_PROTO_VERSION, version, 0) != 1
            || OpenSsl.SSL_CTX_ctrl(ctx, OpenSsl.SSL_CTRL_SET_MAX_PROTO_VERSION, version, 0) != 1)
        {
            ctx.Dispose();
            throw new InvalidOperationException($"OpenSSL refuses TLS version 0x{version:x4}: " + OpenSsl.ErrorText("no reason given"));
        }

        OpenSsl.SSL_CTX_ctrl(ctx, OpenSsl.SSL_CTRL_SET_SESS_CACHE_MODE, OpenSsl.SSL_SESS_CACHE_OFF, 0);
        OpenSsl.SSL_CTX_set_options(ctx, OpenSsl.SSL_OP_NO_TICKET);
        OpenSsl.SSL_CTX_ctrl(ctx, OpenSsl.SSL_CTRL_SET_READ_AHEAD, 1, 0);
        OpenSsl.SSL_CTX_set_verify(ctx, OpenSsl.SSL_VERIFY_NONE, 0);
        var name = host.Trim('[', ']');
        return new TlsContext(ctx, expected, IPAddress.TryParse(name, out _) ? null : name);
    }

    /// <summary>A new client SSL on the connected non-blocking socket <paramref name="fd"/> (the caller frees it with SSL_free); 0 when OpenSSL could not make one.</summary>
    public nint New(int fd)
    {
        var ssl = OpenSsl.SSL_new(_ctx.DangerousGetHandle());
        if (ssl == 0)
        {
            return 0;
        }

        if (OpenSsl.SSL_set_fd(ssl, fd) != 1
            || (_serverName != 0 && OpenSsl.SSL_ctrl(ssl, OpenSsl.SSL_CTRL_SET_TLSEXT_HOSTNAME, OpenSsl.TLSEXT_NAMETYPE_host_name, _serverName) != 1))
        {
            OpenSsl.SSL_free(ssl);
            return 0;
        }

        OpenSsl.SSL_set_connect_state(ssl);
        return ssl;
    }

    /// <summary>After the handshake: null when the server presented exactly the expected certificate (and only it), else why not.</summary>
    public string? CheckPeer(nint ssl)
    {
        var peer = OpenSsl.SSL_get1_peer_certificate(ssl);
        if (peer == 0)
        {
            return "the server presented no certificate";
        }

        try
        {
            var length = OpenSsl.i2d_X509(peer, null);
            if (length <= 0)
            {
                return "the server's certificate cannot be encoded: " + OpenSsl.ErrorText("no reason given");
            }

            Span<byte> der = length <= 4096 ? stackalloc byte[length] : new byte[length];
            fixed (byte* start = der)
            {
                var p = start;
                OpenSsl.i2d_X509(peer, &p);
            }

            if (!der.SequenceEqual(_expected))
            {
                return $"server certificate {Fingerprint(der)} is not the one this run generated ({Expected})";
            }
        }
        finally
        {
            OpenSsl.X509_free(peer);
        }

        var chain = OpenSsl.SSL_get_peer_cert_chain(ssl);
        var count = chain == 0 ? 1 : OpenSsl.OPENSSL_sk_num(chain);
        return count == 1 ? null : $"the server sent a chain of {count} certificates, expected only the one this run generated ({Expected})";
    }

    public static string Fingerprint(ReadOnlySpan<byte> der) => "SHA256:" + Convert.ToHexStringLower(SHA256.HashData(der));

    public void Dispose()
    {
        _ctx.Dispose();
        if (_serverName != 0)
        {
            Marshal.FreeCoTaskMem(_serverName);
        }
    }
}
