using System.Runtime.InteropServices;
using System.Text;

namespace VmBench.Core.Catalog;

/// <summary>
/// Reads a manifest's text, only from a regular file of at most <see cref="MaxBytes"/>: a FIFO would hang discovery
/// and a link to /dev/zero would fill the memory, and either would take every other server down with it.
/// </summary>
internal static partial class ManifestFile
{
    public const int MaxBytes = 1024 * 1024;

    private const int AtFdCwd = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;
    private const int TypeMask = 0xF000;
    private const int RegularFile = 0x8000;

    /// <summary>The file's text, or null with <paramref name="problem"/> saying what is wrong with it and how to fix it.</summary>
    public static string? Read(string path, out string? problem)
    {
        if (Kind(path) is { } kind)
        {
            problem = $"is {kind}, not a regular file (replace it with a plain JSON file)";
            return null;
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.None);
            var buffer = new byte[MaxBytes + 1];
            var count = 0;
            int n;
            while (count < buffer.Length && (n = stream.Read(buffer, count, buffer.Length - count)) > 0)
            {
                count += n;
            }

            if (count > MaxBytes)
            {
                problem = $"is larger than {MaxBytes / (1024 * 1024)} MiB, the most a manifest may be (a manifest is a few hundred bytes of JSON)";
                return null;
            }

            problem = null;
            return new UTF8Encoding(false, false).GetString(buffer, 0, count);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            problem = $"cannot be read: {ex.Message}";
            return null;
        }
    }

    /// <summary>What the path is when it is not a regular file (following links), e.g. "a FIFO"; null for a regular file or when it cannot tell.</summary>
    private static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return null;
        }

        var buffer = new byte[256]; // struct statx: a fixed layout on every architecture
        try
        {
            if (Statx(AtFdCwd, path, 0, StatxType | StatxSize, buffer) != 0)
            {
                return null; // the read that follows names the error
            }
        }
        catch (Exception ex) when (ex is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }

        return (BitConverter.ToUInt16(buffer, 28) & TypeMask) switch
        {
            RegularFile => null,
            0x1000 => "a FIFO",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            0x4000 => "a directory",
            _ => "a special file",
        };
    }

    [LibraryImport("libc", EntryPoint = "statx", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Statx(int directoryFd, string path, int flags, uint mask, [Out] byte[] buffer);
}
