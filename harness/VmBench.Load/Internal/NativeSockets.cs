using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VmBench.Load.Internal;

/// <summary>The socket calls the churn loop makes for every exchange (socket, setsockopt, bind, connect: IPv4 only), and what both loops share: sending on a non-blocking socket, waiting for events.</summary>
internal static unsafe partial class Native
{
    public const int AF_INET = 2;
    public const int SOCK_STREAM = 1;
    public const int SOCK_NONBLOCK = 0x800;
    public const int SOCK_CLOEXEC = 0x80000;
    public const int IPPROTO_IP = 0;
    public const int IPPROTO_TCP = 6;
    public const int TCP_NODELAY = 1;

    /// <summary>bind(2) takes the address only and leaves the port to connect(2), which picks one unique for the whole 4-tuple (Linux 4.2+).</summary>
    public const int IP_BIND_ADDRESS_NO_PORT = 24;

    public const int EINPROGRESS = 115;
    public const int EADDRNOTAVAIL = 99;
    public const int ENOMEM = 12;

    /// <summary>sizeof(struct sockaddr_in).</summary>
    public const int SockaddrInSize = 16;

    [LibraryImport(Libc, EntryPoint = "socket")]
    [SuppressGCTransition]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "setsockopt")]
    [SuppressGCTransition]
    public static partial int SetSockOpt(int fd, int level, int name, int* value, int length);

    [LibraryImport(Libc, EntryPoint = "bind")]
    [SuppressGCTransition]
    public static partial int Bind(int fd, byte* address, int length);

    /// <summary>connect(2) on a non-blocking socket: sends the SYN and returns (EINPROGRESS), so the GC transition is skipped.</summary>
    [LibraryImport(Libc, EntryPoint = "connect")]
    [SuppressGCTransition]
    public static partial int Connect(int fd, byte* address, int length);

    /// <summary>close(2) of a connected socket that has sent everything: queues the FIN and returns.</summary>
    [LibraryImport(Libc, EntryPoint = "close")]
    [SuppressGCTransition]
    public static partial int CloseFast(int fd);

    /// <summary>
    /// Sends the rest of <paramref name="length"/> bytes at <paramref name="data"/> from <paramref name="sent"/> on, advancing it,
    /// on a non-blocking socket: 0 when all is sent or the socket is full (EPOLLOUT resumes), else errno (a failed connect's own before it is established).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SendRest(int fd, byte* data, int length, ref int sent)
    {
        while (sent < length)
        {
            var written = Send(fd, data + sent, length - sent, MSG_NOSIGNAL);
            if (written > 0)
            {
                sent += (int)written;
                continue;
            }

            var errno = written < 0 ? Errno() : 0;
            if (errno == EINTR)
            {
                continue;
            }

            return errno == EAGAIN ? 0 : Math.Max(errno, 1);
        }

        return 0;
    }

    /// <summary>
    /// Waits up to <paramref name="nanoseconds"/> for events: epoll_pwait2 (nanosecond timeout) while
    /// <paramref name="pwait2"/>, which turns false for good where the kernel or a seccomp filter refuses it, then
    /// epoll_wait (whole milliseconds, rounded up); 0 when interrupted by a signal.
    /// </summary>
    public static int WaitEvents(int epfd, byte* events, int maxEvents, long nanoseconds, ref bool pwait2)
    {
        int n;
        if (pwait2)
        {
            var timeout = new Timespec { Seconds = nanoseconds / 1_000_000_000, Nanoseconds = nanoseconds % 1_000_000_000 };
            n = EpollPwait2(epfd, events, maxEvents, &timeout, null);
            if (n >= 0)
            {
                return n;
            }

            var errno = Errno();
            if (errno == EINTR)
            {
                return 0;
            }

            if (errno is not (ENOSYS or EPERM))
            {
                throw new InvalidOperationException($"epoll_pwait2 failed: errno {errno}");
            }

            pwait2 = false;
        }

        n = EpollWait(epfd, events, maxEvents, (int)((nanoseconds + 999_999) / 1_000_000));
        if (n < 0)
        {
            var errno = Errno();
            if (errno != EINTR)
            {
                throw new InvalidOperationException($"epoll_wait failed: errno {errno}");
            }

            return 0;
        }

        return n;
    }

    /// <summary>Writes a sockaddr_in for <paramref name="address"/> (4 bytes, network order) and <paramref name="port"/> at <paramref name="into"/>.</summary>
    public static void WriteSockaddrIn(byte* into, ReadOnlySpan<byte> address, int port)
    {
        new Span<byte>(into, SockaddrInSize).Clear();
        *(ushort*)into = AF_INET;
        into[2] = (byte)(port >> 8);
        into[3] = (byte)port;
        address.CopyTo(new Span<byte>(into + 4, 4));
    }
}
