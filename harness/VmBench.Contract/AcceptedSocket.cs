using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace VmBench.Contract;

/// <summary>
/// Reads a socket option of the server's end of a loopback TCP connection, in whatever process (or container on this
/// machine) holds it: the connection's row in /proc/net/tcp gives the socket's inode, /proc/PID/fd the process and
/// descriptor holding it, and pidfd_getfd (Linux 5.6) a duplicate of that descriptor here, on which getsockopt reads the
/// server's own socket. Needs the right to ptrace the server (its user, or root). A client cannot see TCP_NODELAY:
/// Nagle shows only as a timing, which loopback's immediate ACKs hide.
/// </summary>
internal static partial class AcceptedSocket
{
    private const long SysPidfdOpen = 434;
    private const long SysPidfdGetfd = 438;
    private const int IpProtoTcp = 6;
    private const int TcpNoDelay = 1;

    /// <summary>TCP_NODELAY of the server's end of <paramref name="client"/>'s connection; throws <see cref="ContractViolation"/> naming why it cannot be read.</summary>
    public static bool NoDelay(Socket client)
    {
        ArgumentNullException.ThrowIfNull(client);
        var (pid, fd) = Holder(Inode((IPEndPoint)client.RemoteEndPoint!, (IPEndPoint)client.LocalEndPoint!));
        var pidfd = (int)Syscall(SysPidfdOpen, pid, 0, 0);
        Unless(pidfd >= 0, $"pidfd_open({pid})");
        try
        {
            var copy = (int)Syscall(SysPidfdGetfd, pidfd, fd, 0);
            Unless(copy >= 0, $"pidfd_getfd of descriptor {fd} of process {pid} (needs the right to ptrace it: its user or root)");
            try
            {
                var value = 0;
                var length = (uint)sizeof(int);
                Unless(GetSockOpt(copy, IpProtoTcp, TcpNoDelay, ref value, ref length) == 0, "getsockopt(TCP_NODELAY)");
                return value != 0;
            }
            finally
            {
                Close(copy);
            }
        }
        finally
        {
            Close(pidfd);
        }
    }

    /// <summary>The inode of the server's end of the connection <paramref name="client"/> -> <paramref name="server"/>.</summary>
    private static string Inode(IPEndPoint server, IPEndPoint client) =>
        ProcSockets.Inode(server, client)
        ?? throw new ContractViolation($"TCP_NODELAY cannot be read: the connection {client} -> {server} is not in /proc/net/tcp (is the server on this machine?)");

    /// <summary>The process and descriptor holding socket <paramref name="inode"/>.</summary>
    private static (int Pid, int Fd) Holder(string inode) =>
        ProcSockets.Holders(inode) is [var first, ..]
            ? first
            : throw new ContractViolation($"TCP_NODELAY cannot be read: no process this user may inspect holds the server's socket (inode {inode}); run as root or as the server's user");

    private static void Unless(bool condition, string call)
    {
        if (!condition)
        {
            throw new ContractViolation($"TCP_NODELAY cannot be read: {call} failed: {Marshal.GetLastPInvokeErrorMessage()}");
        }
    }

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static partial long Syscall(long number, int first, int second, int third);

    [LibraryImport("libc", EntryPoint = "getsockopt", SetLastError = true)]
    private static partial int GetSockOpt(int fd, int level, int name, ref int value, ref uint length);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);
}
