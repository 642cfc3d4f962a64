using System.Runtime.InteropServices;

namespace VmBench.Servers.Libuv.Interop;

/// <summary>libuv's negative error codes the server reacts to, and the conversion of any other to a <see cref="UvException"/>.</summary>
internal static class UvErrors
{
    /// <summary><c>UV_EOF</c>: the peer half-closed.</summary>
    public const int EndOfFile = -4095;

    /// <summary><c>UV_EAGAIN</c> on Linux: <c>uv_try_write</c> could not write now.</summary>
    public const int TryAgain = -11;

    /// <summary><c>UV_ECANCELED</c> on Linux: a request cancelled by <c>uv_close</c>.</summary>
    public const int Canceled = -125;

    public static string Name(int error) => Marshal.PtrToStringUTF8(UvNative.uv_err_name(error)) ?? $"E{-error}";

    public static string Description(int error) => Marshal.PtrToStringUTF8(UvNative.uv_strerror(error)) ?? $"error {error}";

    public static UvException ToException(int error, string operation) =>
        new(error, Name(error), Description(error), operation);

    /// <summary>Throws when <paramref name="result"/> is a libuv error (negative).</summary>
    public static int ThrowIfError(int result, string operation)
    {
        if (result < 0)
        {
            throw ToException(result, operation);
        }

        return result;
    }
}
