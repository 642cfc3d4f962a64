using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace VmBench.Core.Results.Internal;

/// <summary>
/// What a path is, before it is opened: .NET tells a directory from a file but not a FIFO or a device from a
/// regular file, and opening a FIFO blocks until someone writes to it. Linux's statx (its layout is the same on
/// every architecture) answers without opening; elsewhere every file counts as regular.
/// </summary>
internal static partial class FileKind
{
    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const int ModeOffset = 28;
    private const int TypeMask = 0xF000;
    private const int RegularType = 0x8000;

    /// <summary>Null for a regular file (links followed); else what it is instead ("a FIFO", "a character device" ...).</summary>
    public static string? NotRegular(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256];
        if (Statx(AtFdCwd, path, 0, StatxType, buffer) != 0)
        {
            return null; // Let the open report it (missing, no permission ...).
        }

        var type = BinaryPrimitives.ReadUInt16LittleEndian(buffer.AsSpan(ModeOffset)) & TypeMask;
        return type switch
        {
            RegularType => null,
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a directory",
            _ => "not a regular file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int dirfd, string path, int flags, uint mask, [Out] byte[] buffer);
}
