using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace VmBench.Load.Internal;

/// <summary>The few libc calls the event loop needs: epoll, non-blocking read/send and getrusage.</summary>
internal static unsafe partial class Native
{
    public const int EINTR = 4;
    public const int EAGAIN = 11;
    public const int EPERM = 1;
    public const int ENOSYS = 38;

    public const uint EPOLLIN = 0x001;
    public const uint EPOLLOUT = 0x004;
    public const uint EPOLLERR = 0x008;
    public const uint EPOLLHUP = 0x010;
    public const uint EPOLLRDHUP = 0x2000;
    public const uint EPOLLET = 0x80000000;

    public const int EPOLL_CTL_ADD = 1;
    public const int EPOLL_CTL_DEL = 2;
    public const int EPOLL_CLOEXEC = 0x80000;

    public const int MSG_NOSIGNAL = 0x4000;
    public const int RUSAGE_SELF = 0;
    public const int PR_SET_TIMERSLACK = 29;

    private const string Libc = "libc";

    // The hot calls (epoll waits, read, send) do not ask the marshaller to save errno (SetLastError adds two
    // calls into the runtime per syscall): callers read it with Errno() right after a -1, as the generated
    // SetLastError code itself would.

    /// <summary>epoll_event is packed on x86-64 (12 bytes) and naturally aligned elsewhere (16 bytes).</summary>
    public static readonly int EpollEventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;

    public static readonly int EpollDataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    [LibraryImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epfd, int op, int fd, byte* ev);

    [LibraryImport(Libc, EntryPoint = "epoll_wait")]
    public static partial int EpollWait(int epfd, byte* events, int maxEvents, int timeoutMs);

    [LibraryImport(Libc, EntryPoint = "epoll_pwait2")]
    public static partial int EpollPwait2(int epfd, byte* events, int maxEvents, Timespec* timeout, void* sigmask);

    /// <summary>read(2) on a non-blocking socket: returns within microseconds, so the GC transition is skipped.</summary>
    [LibraryImport(Libc, EntryPoint = "read")]
    [SuppressGCTransition]
    public static partial nint Read(int fd, byte* buffer, nint count);

    /// <summary>send(2) on a non-blocking socket: returns within microseconds, so the GC transition is skipped.</summary>
    [LibraryImport(Libc, EntryPoint = "send")]
    [SuppressGCTransition]
    public static partial nint Send(int fd, byte* buffer, nint count, int flags);

    /// <summary>
    /// memcmp(3): glibc picks the widest vector code the CPU has at load time (evex on AVX-512 machines); measured
    /// at 100 KiB messages it costs about half of what Span.SequenceEqual does, and comparing is the client's
    /// largest user-space cost there. Microseconds even at 1 MiB, so the GC transition is skipped.
    /// </summary>
    [LibraryImport(Libc, EntryPoint = "memcmp")]
    [SuppressGCTransition]
    public static partial int Memcmp(byte* a, byte* b, nuint count);

    [LibraryImport(Libc, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(Libc, EntryPoint = "prctl", SetLastError = true)]
    public static partial int Prctl(int option, nuint arg2, nuint arg3, nuint arg4, nuint arg5);

    [LibraryImport(Libc, EntryPoint = "sched_getaffinity", SetLastError = true)]
    public static partial int SchedGetAffinity(int pid, nuint cpuSetSize, byte* mask);

    [LibraryImport(Libc, EntryPoint = "getrusage", SetLastError = true)]
    public static partial int GetRusage(int who, byte* usage);

    /// <summary>errno of the last failed hot call, read at once after it returned -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Errno() => Marshal.GetLastSystemError();

    /// <summary>Registers <paramref name="fd"/> edge-triggered for reads, writes and peer hang-up, with <paramref name="token"/> as its data.</summary>
    public static int Register(int epfd, int fd, long token)
    {
        var ev = stackalloc byte[16];
        *(uint*)ev = EPOLLIN | EPOLLOUT | EPOLLRDHUP | EPOLLET;
        *(long*)(ev + EpollDataOffset) = token;
        return EpollCtl(epfd, EPOLL_CTL_ADD, fd, ev);
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Timespec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
