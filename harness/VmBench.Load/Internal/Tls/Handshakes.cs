using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Load;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// TLS set-up of the open connections before the clock starts, as <see cref="Primer"/> primes them: per batch, every
/// connection's ClientHello goes out first, then each handshake is finished in turn (poll(2) and the next step), so a
/// batch takes about its slowest handshake. Every connection must present the expected certificate and negotiate
/// the same protocol and cipher.
/// </summary>
internal static class Handshakes
{
    private const int Batch = 256;

    /// <summary>Adds one SSL per socket to <paramref name="ssls"/> (in order); the failure, or null with the session negotiated.</summary>
    public static string? All(IReadOnlyList<Socket> sockets, TlsContext context, List<SslHandle> ssls, long deadline, out TlsSession? session, CancellationToken cancellationToken)
    {
        session = null;
        var negotiated = new Negotiated();
        for (var first = 0; first < sockets.Count; first += Batch)
        {
            var end = Math.Min(sockets.Count, first + Batch);
            var until = Math.Min(deadline, Stopwatch.GetTimestamp() + (long)(Primer.AnswerTimeout.TotalSeconds * Stopwatch.Frequency));
            for (var i = first; i < end; i++)
            {
                var ssl = context.New((int)sockets[i].Handle);
                if (ssl == 0)
                {
                    return $"connection {i} of {sockets.Count}: OpenSSL could not set up TLS: {OpenSsl.ErrorText("no reason given")}";
                }

                ssls.Add(new SslHandle(ssl));
                if (TlsIo.Handshake(ssl, out _, out var code) < 0)
                {
                    return Failure(i, sockets.Count, TlsIo.HandshakeFailure(code), deadline);
                }
            }

            for (var i = first; i < end; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ssl = ssls[i].Pointer;
                if ((Finish(sockets[i], ssl, until) ?? context.CheckPeer(ssl) ?? negotiated.Add(ssl)) is { } error)
                {
                    return Failure(i, sockets.Count, error, deadline);
                }
            }
        }

        session = negotiated.Session;
        return null;
    }

    private static string Failure(int i, int count, string error, long deadline) =>
        $"connection {i} of {count} opened, but its TLS handshake failed: {error}{(Stopwatch.GetTimestamp() >= deadline ? " (the job's hard timeout expired)" : string.Empty)}";

    /// <summary>Steps the handshake until it is done; null then, else why not.</summary>
    private static string? Finish(Socket socket, nint ssl, long until)
    {
        while (true)
        {
            var step = TlsIo.Handshake(ssl, out var wantWrite, out var code);
            if (step != 0)
            {
                return step < 0 ? TlsIo.HandshakeFailure(code) : null;
            }

            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
            if (left <= TimeSpan.Zero || !socket.Poll(left, wantWrite ? SelectMode.SelectWrite : SelectMode.SelectRead))
            {
                return $"no handshake within {Primer.AnswerTimeout.TotalSeconds:0} s (the server does not answer the ClientHello: is it serving TLS?)";
            }
        }
    }
}
