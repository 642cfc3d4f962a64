using Microsoft.Win32.SafeHandles;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// One connection's SSL, freed with SSL_free (its socket BIO does not close the fd: the socket stays the caller's).
/// The event loop passes the raw pointer (<see cref="Pointer"/>) to SSL_read_ex/SSL_write_ex: a SafeHandle argument
/// would add a reference count increment and decrement per call; the handle outlives the loop that uses it.
/// </summary>
internal sealed class SslHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SslHandle(nint ssl)
        : base(ownsHandle: true)
    {
        SetHandle(ssl);
    }

    public nint Pointer => handle;

    protected override bool ReleaseHandle()
    {
        OpenSsl.SSL_free(handle);
        return true;
    }
}
