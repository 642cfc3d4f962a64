using System.Runtime.InteropServices;
using System.Text;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// The OpenSSL 3 calls the load client makes (Debian's libssl.so.3 / libcrypto.so.3). The macros of ssl.h
/// (SSL_CTX_set_min/max_proto_version, SSL_CTX_set_session_cache_mode, SSL_CTX_set_read_ahead, SSL_CTX_set_mode,
/// SSL_set_tlsext_host_name) are SSL_CTX_ctrl / SSL_ctrl with the control numbers below. The hot calls (SSL_read_ex,
/// SSL_write_ex, SSL_get_error) take the raw SSL* and do not save errno (callers read it at once, as
/// <see cref="Native.Errno"/> does for read/send); they keep the GC transition, since a write may encrypt a whole
/// socket buffer and a handshake step costs a signature check.
/// </summary>
internal static unsafe partial class OpenSsl
{
    private const string Ssl = "libssl.so.3";
    private const string Crypto = "libcrypto.so.3";

    public const int TLS1_2_VERSION = 0x0303;
    public const int TLS1_3_VERSION = 0x0304;

    public const int SSL_CTRL_MODE = 33;
    public const int SSL_CTRL_SET_READ_AHEAD = 41;
    public const int SSL_CTRL_SET_SESS_CACHE_MODE = 44;
    public const int SSL_CTRL_SET_TLSEXT_HOSTNAME = 55;
    public const int SSL_CTRL_SET_MIN_PROTO_VERSION = 123;
    public const int SSL_CTRL_SET_MAX_PROTO_VERSION = 124;
    public const int SSL_SESS_CACHE_OFF = 0;
    public const int TLSEXT_NAMETYPE_host_name = 0;
    public const ulong SSL_OP_NO_TICKET = 1UL << 14;
    public const int SSL_VERIFY_NONE = 0;

    public const int SSL_ERROR_NONE = 0;
    public const int SSL_ERROR_SSL = 1;
    public const int SSL_ERROR_WANT_READ = 2;
    public const int SSL_ERROR_WANT_WRITE = 3;
    public const int SSL_ERROR_SYSCALL = 5;
    public const int SSL_ERROR_ZERO_RETURN = 6;

    [LibraryImport(Ssl)]
    public static partial nint TLS_client_method();

    [LibraryImport(Ssl)]
    public static partial SslContextHandle SSL_CTX_new(nint method);

    [LibraryImport(Ssl)]
    public static partial void SSL_CTX_free(nint ctx);

    [LibraryImport(Ssl)]
    public static partial nint SSL_CTX_ctrl(SslContextHandle ctx, int cmd, nint larg, nint parg);

    [LibraryImport(Ssl)]
    public static partial ulong SSL_CTX_set_options(SslContextHandle ctx, ulong options);

    [LibraryImport(Ssl)]
    public static partial void SSL_CTX_set_verify(SslContextHandle ctx, int mode, nint callback);

    [LibraryImport(Ssl)]
    public static partial nint SSL_new(nint ctx);

    [LibraryImport(Ssl)]
    public static partial void SSL_free(nint ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_set_fd(nint ssl, int fd);

    [LibraryImport(Ssl)]
    public static partial void SSL_set_connect_state(nint ssl);

    [LibraryImport(Ssl)]
    public static partial nint SSL_ctrl(nint ssl, int cmd, nint larg, nint parg);

    [LibraryImport(Ssl)]
    public static partial int SSL_do_handshake(nint ssl);

    [LibraryImport(Ssl)]
    public static partial int SSL_read_ex(nint ssl, byte* buffer, nuint count, nuint* read);

    [LibraryImport(Ssl)]
    public static partial int SSL_write_ex(nint ssl, byte* buffer, nuint count, nuint* written);

    [LibraryImport(Ssl)]
    public static partial int SSL_get_error(nint ssl, int ret);

    [LibraryImport(Ssl)]
    public static partial int SSL_shutdown(nint ssl);

    [LibraryImport(Ssl)]
    public static partial nint SSL_get1_peer_certificate(nint ssl);

    [LibraryImport(Ssl)]
    public static partial nint SSL_get_peer_cert_chain(nint ssl);

    /// <summary>A static string ("TLSv1.3"): the same pointer for the same protocol, compared as such per connection.</summary>
    [LibraryImport(Ssl)]
    public static partial byte* SSL_get_version(nint ssl);

    [LibraryImport(Ssl)]
    public static partial nint SSL_get_current_cipher(nint ssl);

    /// <summary>The cipher's name in OpenSSL's static table: the same pointer for the same cipher.</summary>
    [LibraryImport(Ssl)]
    public static partial byte* SSL_CIPHER_get_name(nint cipher);

    [LibraryImport(Crypto)]
    public static partial void X509_free(nint x509);

    [LibraryImport(Crypto)]
    public static partial int i2d_X509(nint x509, byte** output);

    [LibraryImport(Crypto)]
    public static partial int OPENSSL_sk_num(nint stack);

    [LibraryImport(Crypto)]
    public static partial nuint ERR_get_error();

    [LibraryImport(Crypto)]
    public static partial void ERR_error_string_n(nuint error, byte* buffer, nuint length);

    [LibraryImport(Crypto)]
    public static partial void ERR_clear_error();

    /// <summary>OpenSSL's error queue of this thread as text (every entry's ERR_error_string_n, joined), emptied; <paramref name="none"/> when it was empty.</summary>
    public static string ErrorText(string none)
    {
        var text = new StringBuilder();
        var buffer = stackalloc byte[256];
        for (var error = ERR_get_error(); error != 0; error = ERR_get_error())
        {
            ERR_error_string_n(error, buffer, 256);
            text.Append(text.Length > 0 ? "; " : string.Empty).Append(Marshal.PtrToStringUTF8((nint)buffer));
        }

        return text.Length > 0 ? text.ToString() : none;
    }
}
