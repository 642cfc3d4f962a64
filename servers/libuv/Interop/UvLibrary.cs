using System.Reflection;
using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>
/// Maps the import name "libuv" to Debian's <c>libuv.so.1</c> (or to <c>$VMBENCH_LIBUV_PATH</c>),
/// loading it once. A failure to load becomes one readable message naming the fix.
/// </summary>
internal static class UvLibrary
{
    public const string Name = "libuv";
    public const string DefaultPath = "libuv.so.1";
    public const string PathVariable = "VMBENCH_LIBUV_PATH";
    public const string InstallHint = "apt-get install libuv1";

    private static readonly Lock s_lock = new();
    private static bool s_registered;
    private static bool s_attempted;
    private static nint s_handle;
    private static string? s_error;

    /// <summary>The file the resolver loads: <c>$VMBENCH_LIBUV_PATH</c> when set, else <c>libuv.so.1</c>.</summary>
    public static string Path =>
        Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path ? path : DefaultPath;

    public static void RegisterResolver()
    {
        lock (s_lock)
        {
            if (!s_registered)
            {
                NativeLibrary.SetDllImportResolver(typeof(UvLibrary).Assembly, Resolve);
                s_registered = true;
            }
        }
    }

    /// <summary>Loads the library (once); on failure <paramref name="error"/> says what and how to fix it.</summary>
    public static bool TryLoad(out string error)
    {
        RegisterResolver();
        lock (s_lock)
        {
            if (!s_attempted)
            {
                s_attempted = true;
                var path = Path;
                if (!NativeLibrary.TryLoad(path, out s_handle))
                {
                    s_error = $"cannot load {path} ({InstallHint})";
                }
            }

            error = s_error ?? string.Empty;
            return s_error is null;
        }
    }

    /// <summary>Throws a one-line <see cref="DllNotFoundException"/> when the library cannot be loaded.</summary>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out var error))
        {
            throw new DllNotFoundException(error);
        }
    }

    private static nint Resolve(string libraryName, Assembly assembly, DllImportSearchPath? searchPath)
    {
        if (libraryName != Name)
        {
            return IntPtr.Zero;
        }

        EnsureLoaded();
        return s_handle;
    }
}
