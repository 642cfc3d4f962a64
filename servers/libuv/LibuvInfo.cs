using System.Runtime.InteropServices;
using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv;

/// <summary>Which libuv this server runs on, for listings such as <c>vmbench list</c>.</summary>
public static class LibuvInfo
{
    /// <summary>The environment variable that replaces <c>libuv.so.1</c> with another path (for tests).</summary>
    public const string PathVariable = UvLibrary.PathVariable;

    /// <summary>The library file the server loads.</summary>
    public static string LibraryPath => UvLibrary.Path;

    /// <summary>
    /// Loads libuv and reads <c>uv_version_string()</c> (e.g. <c>1.48.0</c>). On failure returns
    /// false with a one-line <paramref name="error"/> naming the fix, and prints nothing.
    /// </summary>
    public static bool TryGetVersion(out string version, out string error)
    {
        version = string.Empty;
        if (!UvLibrary.TryLoad(out error))
        {
            return false;
        }

        try
        {
            version = Marshal.PtrToStringUTF8(UvNative.uv_version_string()) ?? string.Empty;
            return true;
        }
        catch (EntryPointNotFoundException ex)
        {
            error = $"{LibraryPath} is not libuv: {ex.Message}";
            return false;
        }
    }
}
