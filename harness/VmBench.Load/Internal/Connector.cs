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

    /// <summary>Adds <paramref name="count"/> connected, non-blocking sockets to <paramref name="sockets"/>; returns null, or why one failed.</summary>
    public static string? ConnectAll(TargetAddress target, int count, List<Socket> sockets, long deadline, CancellationToken cancellationToken)
    {
        for (var i = 0; i < count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (left <= TimeSpan.Zero)
            {
                return $"cannot connect to {target.Text}: {i} of {count} connections open when the job's hard timeout expired";
            }

            var socket = target.CreateSocket();
            var error = Connect(socket, target, left < ConnectTimeout ? left : ConnectTimeout);
            if (error is not null)
            {
                socket.Dispose();
                return $"cannot connect to {target.Text} (connection {i} of {count}): {error}";
            }

            sockets.Add(socket);
        }

        return null;
    }

    /// <summary>Connects <paramref name="socket"/> (left non-blocking); null when connected, else a short reason.</summary>
    public static string? Connect(Socket socket, TargetAddress target, TimeSpan timeout)
    {
        try
        {
            socket.Blocking = false;
            try
            {
                socket.Connect(target.EndPoint);
                return null;
            }
            catch (SocketException ex) when (ex.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress or SocketError.AlreadyInProgress)
            {
                // Connecting: wait below.
            }

            if (!socket.Poll(timeout, SelectMode.SelectWrite))
            {
                return $"no answer within {timeout.TotalSeconds:0.#} s";
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
