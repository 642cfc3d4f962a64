using System.Diagnostics;
using System.Net.Sockets;
using VmBench.Core.Model;
using VmBench.Load.Internal.Tls;

namespace VmBench.Load.Internal;

/// <summary>
/// Ends connection set-up: one verified exchange on every connection before the clock starts. A connect completes
/// in the kernel, before the server accepts it; when the server's accept queue overflows, the kernel drops the
/// handshake's last step and the connection is only accepted after a retransmission a second or more later,
/// which inside a measurement would look like a request the server stalled on.
/// </summary>
internal static unsafe class Primer
{
    public static readonly TimeSpan AnswerTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Connections primed at once: their requests are all sent before the first answer is read, so set-up takes about the slowest answer per batch, not the sum of all.</summary>
    private const int Batch = 256;

    /// <summary>Bytes in flight per batch at most, so large payloads do not fill every socket buffer at once.</summary>
    private const int BatchBytes = 4 << 20;

    /// <summary>Null once every connection answered its request, else why one did not.</summary>
    /// <param name="ssls">TLS: each socket's SSL, its handshake done; null for plain TCP.</param>
    public static string? PrimeAll(IReadOnlyList<Socket> sockets, IReadOnlyList<SslHandle>? ssls, Payload payload, Mode mode, long deadline, CancellationToken cancellationToken)
    {
        var answer = new byte[mode == Mode.Http ? 16 * 1024 : payload.RequestBytes];
        var batch = Math.Clamp(BatchBytes / Math.Max(1, payload.RequestBytes), 1, Batch);
        for (var first = 0; first < sockets.Count; first += batch)
        {
            var end = Math.Min(sockets.Count, first + batch);
            var until = Math.Min(deadline, Stopwatch.GetTimestamp() + (long)(AnswerTimeout.TotalSeconds * Stopwatch.Frequency));
            for (var pass = 0; pass < 2; pass++)
            {
                for (var i = first; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var request = payload.Window(payload.FirstVariant(i));
                    string? error;
                    try
                    {
                        error = ssls is not null
                            ? (pass == 0 ? TlsSend(sockets[i], ssls[i].Pointer, request, until) : TlsAnswer(sockets[i], ssls[i].Pointer, request, answer, until))
                            : pass == 0 ? Send(sockets[i], request, until) : Answer(sockets[i], request, answer, mode, until);
                    }
                    catch (SocketException ex)
                    {
                        error = Connector.Describe(ex.SocketErrorCode);
                    }

                    if (error is not null)
                    {
                        var expired = Stopwatch.GetTimestamp() >= deadline ? " (the job's hard timeout expired)" : string.Empty;
                        return $"connection {i} of {sockets.Count} opened, but its first request failed: {error}{expired}";
                    }
                }
            }
        }

        return null;
    }

    private static string? Send(Socket socket, ReadOnlySpan<byte> request, long until)
    {
        for (var sent = 0; sent < request.Length;)
        {
            if (!Wait(socket, SelectMode.SelectWrite, until))
            {
                return "could not send it in time";
            }

            sent += socket.Send(request[sent..], SocketFlags.None);
        }

        return null;
    }

    private static string? Answer(Socket socket, ReadOnlySpan<byte> request, byte[] answer, Mode mode, long until)
    {
        var received = 0;
        while (true)
        {
            if (!Wait(socket, SelectMode.SelectRead, until))
            {
                return $"no answer within {AnswerTimeout.TotalSeconds:0} s (the server did not accept the connection, or does not answer)";
            }

            var room = mode == Mode.Http ? answer.Length - received : request.Length - received;
            if (room == 0)
            {
                return $"the answer is longer than {answer.Length} bytes";
            }

            var n = socket.Receive(answer, received, room, SocketFlags.None);
            if (n == 0)
            {
                return $"the server closed the connection after {received} bytes of its answer";
            }

            received += n;
            if (mode == Mode.Http)
            {
                var outcome = HttpResponseChecker.Check(answer.AsSpan(0, received), out var length, out var error);
                if (outcome == HttpResponseChecker.Outcome.Invalid)
                {
                    return "wrong answer: " + error;
                }

                if (outcome == HttpResponseChecker.Outcome.Complete)
                {
                    return length == received ? null : $"{received - length} unexpected bytes after the response";
                }
            }
            else if (received == request.Length)
            {
                var at = answer.AsSpan(0, received).CommonPrefixLength(request);
                return at == received ? null : $"wrong echo at byte {at}: expected 0x{request[at]:X2}, got 0x{answer[at]:X2}";
            }
        }
    }

    private static string? TlsSend(Socket socket, nint ssl, ReadOnlySpan<byte> request, long until)
    {
        fixed (byte* data = request)
        {
            for (var sent = 0; sent < request.Length;)
            {
                var error = TlsIo.SendRest(ssl, data, request.Length, ref sent);
                if (error != 0)
                {
                    return "sending over TLS failed: " + TlsIo.Describe(error);
                }

                if (sent < request.Length && !Wait(socket, SelectMode.SelectWrite, until))
                {
                    return "could not send it in time";
                }
            }
        }

        return null;
    }

    /// <summary>The echo over TLS (echo and readline; TLS never carries http here), verified.</summary>
    private static string? TlsAnswer(Socket socket, nint ssl, ReadOnlySpan<byte> request, byte[] answer, long until)
    {
        fixed (byte* into = answer)
        {
            for (var received = 0; received < request.Length;)
            {
                var n = TlsIo.Read(ssl, into + received, request.Length - received, out var error);
                if (n > 0)
                {
                    received += (int)n;
                }
                else if (n == 0)
                {
                    return $"the server closed the TLS stream after {received} bytes of its answer";
                }
                else if (error != Native.EAGAIN)
                {
                    return "reading over TLS failed: " + TlsIo.Describe(error);
                }
                else if (!Wait(socket, SelectMode.SelectRead, until))
                {
                    return $"no answer within {AnswerTimeout.TotalSeconds:0} s (the server completed the TLS handshake but does not answer)";
                }
            }
        }

        var at = answer.AsSpan(0, request.Length).CommonPrefixLength(request);
        return at == request.Length ? null : $"wrong echo at byte {at}: expected 0x{request[at]:X2}, got 0x{answer[at]:X2}";
    }

    private static bool Wait(Socket socket, SelectMode mode, long until)
    {
        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), until);
        return left > TimeSpan.Zero && socket.Poll(left, mode);
    }
}
