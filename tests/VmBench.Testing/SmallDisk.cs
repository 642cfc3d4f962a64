using System.Diagnostics;

namespace VmBench.Testing;

/// <summary>A 64 KiB tmpfs mounted for one test (needs root): the full disk of a real run, without filling a real one.</summary>
public sealed class SmallDisk : IDisposable
{
    private SmallDisk(string path)
    {
        Path = path;
    }

    public string Path { get; }

    /// <summary>Why a tmpfs cannot be mounted here (not root), or null.</summary>
    public static string? Unavailable => Environment.UserName == "root" && OperatingSystem.IsLinux() ? null : "mounting a tmpfs needs root on Linux";

    public static SmallDisk Mount(int kib = 64)
    {
        var path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vmbench-small-disk-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(path);
        Run("mount", "-t", "tmpfs", "-o", $"size={kib}k", "tmpfs", path);
        return new SmallDisk(path);
    }

    /// <summary>Fills the disk to the last byte.</summary>
    public void Fill()
    {
        using var filler = new FileStream(System.IO.Path.Combine(Path, "filler"), FileMode.Create);
        var block = new byte[4096];
        try
        {
            while (true)
            {
                filler.Write(block);
                filler.Flush();
            }
        }
        catch (IOException)
        {
            // Full.
        }
    }

    public void Free() => File.Delete(System.IO.Path.Combine(Path, "filler"));

    public void Dispose()
    {
        Run("umount", Path);
        Directory.Delete(Path);
    }

    private static void Run(string file, params string[] args)
    {
        using var process = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', args)}: {error}");
    }
}

/// <summary>A fact that needs <see cref="SmallDisk"/>: skipped, with the reason, where it cannot mount one.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class SmallDiskFactAttribute : FactAttribute
{
    public SmallDiskFactAttribute()
    {
        Skip = SmallDisk.Unavailable;
    }
}
