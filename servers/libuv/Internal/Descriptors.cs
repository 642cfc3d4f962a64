using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>The libc calls that accept a connection for a libuv loop, outside any loop.</summary>
internal static partial class Descriptors
{
    private const int SockCloexec = 0x80000; // SOCK_CLOEXEC
    private const int ShutRd = 0; // SHUT_RD
    private const int Eintr = 4;

    /// <summary>Blocks until a connection arrives on <paramref name="listener"/>; its descriptor, or -1 with the errno.</summary>
    public static int Accept(int listener, out int error)
    {
        int descriptor;
        do
        {
            descriptor = accept4(listener, 0, 0, SockCloexec);
            error = descriptor < 0 ? Marshal.GetLastPInvokeError() : 0;
        }
        while (descriptor < 0 && error == Eintr);
        return descriptor;
    }

    /// <summary>Wakes a thread blocked in <see cref="Accept"/> on <paramref name="listener"/> (Linux answers it with EINVAL).</summary>
    public static void StopAccepting(int listener) => _ = shutdown(listener, ShutRd);

    public static void Close(int descriptor) => _ = close(descriptor);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int accept4(int fd, nint address, nint length, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int shutdown(int fd, int how);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);
}
