using System.Diagnostics;
using System.Net.Sockets;

namespace VmBench.Load.Internal;

/// <summary>
/// Opens the connections before the clock starts: non-blocking connect, then poll(2) with a timeout. The
/// sockets never see an async .NET operation, so the runtime's own epoll thread never watches them.
/// </summary>
internal static class Connector
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(2);

    /// <summary>Connects started before the first is waited for: a server slow to accept (a full accept queue costs a
    /// connect a retransmission, a second or more) delays a batch once, not every connection in turn.</summary>
    private const int Batch = 256;

    /// <summary>Adds <paramref name="count"/> connected, non-blocking sockets to <paramref name="sockets"/>; returns null, or why one failed.</summary>
    public static string? ConnectAll(TargetAddress target, int count, List<Socket> sockets, long deadline, CancellationToken cancellationToken)
    {
        var pending = new List<Socket>(Math.Min(count, Batch));
        try
        {
            for (var first = 0; first < count; first += Batch)
            {
                var end = Math.Min(count, first + Batch);
                for (var i = first; i < end; i++)
                {
                    var socket = target.CreateSocket();
                    pending.Add(socket);
                    if (Start(socket, target) is { } error)
                    {
                        return $"cannot connect to {target.Text} (connection {i} of {count}): {error}";
                    }
                }

                for (var i = first; i < end; i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
                    if (left <= TimeSpan.Zero)
                    {
                        return $"cannot connect to {target.Text}: {i} of {count} connections open when the job's hard timeout expired";
                    }

                    var socket = pending[i - first];
                    if (Finish(socket, left < ConnectTimeout ? left : ConnectTimeout) is { } error)
                    {
                        return $"cannot connect to {target.Text} (connection {i} of {count}): {error}";
                    }
                }

                sockets.AddRange(pending);
                pending.Clear();
            }

            return null;
        }
        finally
        {
            pending.ForEach(s => s.Dispose());
        }
    }

    /// <summary>Starts a non-blocking connect; null when it is under way or done, else a short reason.</summary>
    private static string? Start(Socket socket, TargetAddress target)
    {
        try
        {
            socket.Blocking = false;
            socket.Connect(target.EndPoint);
            return null;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
        {
            return null;
        }
        catch (SocketException ex)
        {
            return Describe(ex.SocketErrorCode);
        }
    }

    /// <summary>Waits for a started connect; null when connected, else a short reason.</summary>
    private static string? Finish(Socket socket, TimeSpan timeout)
    {
        try
        {
            if (!socket.Poll(timeout, SelectMode.SelectWrite))
            {
                return $"no answer within {timeout.TotalSeconds:0.#} s (the server's accept queue stayed full: it accepts more slowly than the connections arrive)";
            }

            var code = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
            return code == SocketError.Success ? null : Describe(code);
        }
        catch (SocketException ex)
        {
            return Describe(ex.SocketErrorCode);
        }
    }

    public static string Describe(SocketError code) => code switch
    {
        SocketError.ConnectionRefused => "connection refused",
        SocketError.TimedOut => "timed out",
        SocketError.AddressNotAvailable => "address not available",
        SocketError.NetworkUnreachable or SocketError.HostUnreachable => "unreachable",
        SocketError.AccessDenied => "permission denied",
        SocketError.AddressFamilyNotSupported => "address family not supported",
        _ => code.ToString(),
    };
}
