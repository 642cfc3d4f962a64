using System.Runtime.InteropServices;

namespace VmBench.Runtimes.Native;

/// <summary>Versions of the native libraries servers use (libuv), as found on this host, for `vmbench list` and run.json.</summary>
public static class NativeVersions
{
    public static IReadOnlyDictionary<string, string> Detect() => new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["libuv"] = Libuv(),
    };

    /// <summary>libuv's uv_version_string(), or "not installed (apt-get install libuv1)".</summary>
    public static unsafe string Libuv()
    {
        if (!NativeLibrary.TryLoad("libuv.so.1", out var handle))
        {
            return "not installed (apt-get install libuv1)";
        }

        try
        {
            if (!NativeLibrary.TryGetExport(handle, "uv_version_string", out var export))
            {
                return "unknown (no uv_version_string)";
            }

            var text = ((delegate* unmanaged<byte*>)export)();
            return Marshal.PtrToStringUTF8((nint)text) ?? "unknown";
        }
        finally
        {
            NativeLibrary.Free(handle);
        }
    }
}
