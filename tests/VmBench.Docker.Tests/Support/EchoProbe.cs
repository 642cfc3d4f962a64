using System.Net;
using System.Net.Sockets;
using VmBench.Core.Load;
using VmBench.Core.Model;
using VmBench.Testing;

namespace VmBench.Docker.Tests.Support;

/// <summary>Readiness for echo servers: connect, send a few bytes, read the same bytes back.</summary>
public sealed class EchoProbe : IReadinessProbe
{
    public async Task<string?> TryOnceAsync(Address address, Mode mode, TlsClient? tls, CancellationToken cancellationToken)
    {
        try
        {
            using var socket = await Wire.ConnectAsync(address, cancellationToken).ConfigureAwait(false);
            var ping = "ping\n"u8.ToArray();
            await socket.SendAsync(ping, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            var answer = new byte[ping.Length];
            var read = 0;
            while (read < answer.Length)
            {
                var n = await socket.ReceiveAsync(answer.AsMemory(read), SocketFlags.None, cancellationToken).ConfigureAwait(false);
                if (n == 0)
                {
                    return "closed before the echo";
                }

                read += n;
            }

            return answer.AsSpan().SequenceEqual(ping) ? null : "wrong echo";
        }
        catch (SocketException ex)
        {
            return ex.SocketErrorCode.ToString();
        }
    }
}
