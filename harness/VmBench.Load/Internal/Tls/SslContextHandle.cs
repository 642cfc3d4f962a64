using Microsoft.Win32.SafeHandles;

namespace VmBench.Load.Internal.Tls;

/// <summary>An SSL_CTX, freed with SSL_CTX_free.</summary>
internal sealed class SslContextHandle : SafeHandleZeroOrMinusOneIsInvalid
{
    public SslContextHandle()
        : base(ownsHandle: true)
    {
    }

    protected override bool ReleaseHandle()
    {
        OpenSsl.SSL_CTX_free(handle);
        return true;
    }
}
