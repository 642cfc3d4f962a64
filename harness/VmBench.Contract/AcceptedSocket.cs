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

    /// <summary>The inode of the socket whose local end is <paramref name="server"/> and remote end <paramref name="client"/> (IPv4, or IPv4-mapped on a dual-stack listener).</summary>
    private static string Inode(IPEndPoint server, IPEndPoint client)
    {
        foreach (var (file, map) in new[] { ("/proc/net/tcp", false), ("/proc/net/tcp6", true) })
        {
            var local = Hex(server, map);
            var remote = Hex(client, map);
            foreach (var line in File.Exists(file) ? File.ReadLines(file).Skip(1) : [])
            {
                var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (fields.Length > 9 && fields[1] == local && fields[2] == remote)
                {
                    return fields[9];
                }
            }
        }

        throw new ContractViolation($"TCP_NODELAY cannot be read: the connection {client} -> {server} is not in /proc/net/tcp (is the server on this machine?)");
    }

    /// <summary>The process and descriptor holding socket <paramref name="inode"/>.</summary>
    private static (int Pid, int Fd) Holder(string inode)
    {
        var link = $"socket:[{inode}]";
        foreach (var process in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(process), out var pid))
            {
                continue;
            }

            try
            {
                foreach (var fd in Directory.EnumerateFileSystemEntries(Path.Combine(process, "fd")))
                {
                    if (new FileInfo(fd).LinkTarget == link)
                    {
                        return (pid, int.Parse(Path.GetFileName(fd), CultureInfo.InvariantCulture));
                    }
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // gone, or not ours to read
            }
        }

        throw new ContractViolation($"TCP_NODELAY cannot be read: no process this user may inspect holds the server's socket (inode {inode}); run as root or as the server's user");
    }

    /// <summary>An endpoint as /proc/net/tcp prints it: each 32-bit word of the address in this machine's order, the port, in hex.</summary>
    private static string Hex(IPEndPoint endPoint, bool mapped)
    {
        var bytes = (mapped ? endPoint.Address.MapToIPv6() : endPoint.Address).GetAddressBytes();
        var words = Enumerable.Range(0, bytes.Length / 4).Select(i => BitConverter.ToUInt32(bytes, i * 4).ToString("X8", CultureInfo.InvariantCulture));
        return string.Concat(words) + ":" + endPoint.Port.ToString("X4", CultureInfo.InvariantCulture);
    }

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
