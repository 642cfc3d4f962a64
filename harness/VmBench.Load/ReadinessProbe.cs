using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Text;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Load.Internal;

namespace VmBench.Load;

/// <summary>
/// One readiness attempt: connect (1 s), one verified exchange in the server's mode (echo: 64 random bytes;
/// readline: "vmbench-ready\n"; http: GET /), close. Null when the answer is right, else a one-line reason.
/// With TLS, a handshake (SslStream: one connection, the certificate pinned to the run's) comes before the exchange.
/// </summary>
public sealed class ReadinessProbe : IReadinessProbe
{
    private static readonly TimeSpan s_connectTimeout = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan s_answerTimeout = TimeSpan.FromSeconds(2);

    /// <inheritdoc />
    public async Task<string?> TryOnceAsync(Address address, Mode mode, TlsClient? tls, CancellationToken cancellationToken)
    {
        TargetAddress target;
        try
        {
            target = TargetAddress.Of(address).Resolve();
        }
        catch (ArgumentException ex)
        {
            return ex.Message;
        }

        using var socket = target.CreateSocket();
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(s_connectTimeout);
        try
        {
            await socket.ConnectAsync(target.EndPoint, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no connection within {s_connectTimeout.TotalSeconds:0} s";
        }
        catch (SocketException ex)
        {
            return Connector.Describe(ex.SocketErrorCode);
        }

        timeout.CancelAfter(s_answerTimeout);
        await using var stream = new NetworkStream(socket, ownsSocket: false);
        try
        {
            if (tls is not null)
            {
                var pin = new CertificatePin(tls.CertificatePem);
                await using var ssl = new SslStream(stream, leaveInnerStreamOpen: true);
                try
                {
                    await ssl.AuthenticateAsClientAsync(pin.Options(tls.Version), timeout.Token).ConfigureAwait(false);
                }
                catch (AuthenticationException ex)
                {
                    return "TLS handshake failed: " + (pin.Refusal ?? ex.Message);
                }
                catch (IOException ex)
                {
                    return "TLS handshake failed: " + (pin.Refusal ?? $"the connection ended during the handshake ({ex.Message})");
                }

                return await EchoAsync(ssl, mode, timeout.Token).ConfigureAwait(false);
            }

            return mode == Mode.Http
                ? await HttpAsync(socket, target, timeout.Token).ConfigureAwait(false)
                : await EchoAsync(stream, mode, timeout.Token).ConfigureAwait(false);
        }
        catch (IOException ex) when (ex.InnerException is SocketException inner)
        {
            return $"connection failed during the exchange: {Connector.Describe(inner.SocketErrorCode)}";
        }
        catch (IOException ex)
        {
            return $"connection failed during the exchange: {ex.Message}";
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return $"no complete answer within {s_answerTimeout.TotalSeconds:0} s";
        }
        catch (SocketException ex)
        {
            return $"connection failed during the exchange: {Connector.Describe(ex.SocketErrorCode)}";
        }
    }

    private static async Task<string?> EchoAsync(Stream stream, Mode mode, CancellationToken cancellationToken)
    {
        byte[] sent;
        if (mode == Mode.Readline)
        {
            sent = "vmbench-ready\n"u8.ToArray();
        }
        else
        {
            sent = new byte[64];
            Random.Shared.NextBytes(sent);
        }

        await stream.WriteAsync(sent, cancellationToken).ConfigureAwait(false);
        await stream.FlushAsync(cancellationToken).ConfigureAwait(false);
        var received = new byte[sent.Length];
        var count = 0;
        while (count < received.Length)
        {
            var n = await stream.ReadAsync(received.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return $"echoed {count} of {sent.Length} bytes before closing";
            }

            count += n;
        }

        var at = received.AsSpan().CommonPrefixLength(sent);
        return at == sent.Length ? null : $"wrong echo at byte {at} of {sent.Length}: expected 0x{sent[at]:X2}, got 0x{received[at]:X2}";
    }

    private static async Task<string?> HttpAsync(Socket socket, TargetAddress target, CancellationToken cancellationToken)
    {
        await socket.SendAsync(Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {target.Host}\r\n\r\n"), SocketFlags.None, cancellationToken).ConfigureAwait(false);
        var buffer = new byte[16 * 1024];
        var count = 0;
        while (true)
        {
            if (count == buffer.Length)
            {
                return $"the response is longer than {buffer.Length} bytes";
            }

            var n = await socket.ReceiveAsync(buffer.AsMemory(count), SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (n == 0)
            {
                return count == 0 ? "closed the connection without answering GET /" : $"closed the connection after {count} bytes of the response";
            }

            count += n;
            var outcome = HttpResponseChecker.Check(buffer.AsSpan(0, count), out _, out var error);
            if (outcome == HttpResponseChecker.Outcome.Complete)
            {
                return null;
            }

            if (outcome == HttpResponseChecker.Outcome.Invalid)
            {
                return "wrong answer to GET /: " + error;
            }
        }
    }
}
