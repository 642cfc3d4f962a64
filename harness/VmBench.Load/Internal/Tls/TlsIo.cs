using System.Runtime.CompilerServices;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// Non-blocking SSL_write_ex / SSL_read_ex in the shape of send(2) / read(2) for the event loops: the same
/// results (0 = would block or done, an errno on failure; bytes, 0 at the end, -1 with a code) so the loops keep one
/// path. <see cref="ProtocolError"/> stands for a TLS failure; its text is on OpenSSL's error queue of the thread
/// (<see cref="Describe"/> takes it). Writes are whole (no partial-write mode): a write that would block is retried
/// with the same buffer and length, which the payload window of the request is until it completes.
/// </summary>
internal static unsafe class TlsIo
{
    /// <summary>The code of a TLS failure (not an errno).</summary>
    public const int ProtocolError = 1_000_000;

    /// <summary>Writes the whole request unless already <paramref name="sent"/>; 0 when done or the socket is full, else an errno or <see cref="ProtocolError"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int SendRest(nint ssl, byte* data, int length, ref int sent)
    {
        if (sent >= length)
        {
            return 0;
        }

        nuint written;
        if (OpenSsl.SSL_write_ex(ssl, data, (nuint)length, &written) == 1)
        {
            sent = length;
            return 0;
        }

        var errno = Native.Errno();
        return OpenSsl.SSL_get_error(ssl, 0) switch
        {
            OpenSsl.SSL_ERROR_WANT_WRITE or OpenSsl.SSL_ERROR_WANT_READ => 0,
            OpenSsl.SSL_ERROR_ZERO_RETURN => 32,
            OpenSsl.SSL_ERROR_SYSCALL when errno != 0 => errno,
            _ => ProtocolError,
        };
    }

    /// <summary>Decrypted bytes read (> 0); 0 when the server closed the stream (close_notify); -1 with <paramref name="error"/>: EAGAIN when nothing more can be read now, else an errno or <see cref="ProtocolError"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static nint Read(nint ssl, byte* buffer, nint count, out int error)
    {
        nuint read;
        if (OpenSsl.SSL_read_ex(ssl, buffer, (nuint)count, &read) == 1)
        {
            error = 0;
            return (nint)read;
        }

        var errno = Native.Errno();
        switch (OpenSsl.SSL_get_error(ssl, 0))
        {
            case OpenSsl.SSL_ERROR_WANT_READ or OpenSsl.SSL_ERROR_WANT_WRITE:
                error = Native.EAGAIN;
                return -1;
            case OpenSsl.SSL_ERROR_ZERO_RETURN:
                error = 0;
                return 0;
            case OpenSsl.SSL_ERROR_SYSCALL when errno != 0:
                error = errno;
                return -1;
            default:
                error = ProtocolError;
                return -1;
        }
    }

    /// <summary>One handshake step: 1 done, 0 waiting (<paramref name="wantWrite"/> says for what), -1 failed with <paramref name="code"/> (an errno or <see cref="ProtocolError"/>, see <see cref="HandshakeFailure"/>).</summary>
    public static int Handshake(nint ssl, out bool wantWrite, out int code)
    {
        wantWrite = false;
        code = 0;
        var result = OpenSsl.SSL_do_handshake(ssl);
        if (result == 1)
        {
            return 1;
        }

        var errno = Native.Errno();
        switch (OpenSsl.SSL_get_error(ssl, result))
        {
            case OpenSsl.SSL_ERROR_WANT_READ:
                return 0;
            case OpenSsl.SSL_ERROR_WANT_WRITE:
                wantWrite = true;
                return 0;
            case OpenSsl.SSL_ERROR_SYSCALL when errno != 0:
                OpenSsl.ERR_clear_error();
                code = errno;
                return -1;
            default:
                code = ProtocolError;
                return -1;
        }
    }

    /// <summary>A failed handshake's <paramref name="code"/> as text (OpenSSL's reason, from its error queue, which it empties).</summary>
    public static string HandshakeFailure(int code) =>
        "TLS handshake failed: " + (code == ProtocolError ? OpenSsl.ErrorText("the server closed the connection during the handshake") : $"errno {code}");

    /// <summary>A failed read or write's code as text (a <see cref="ProtocolError"/>'s from OpenSSL's error queue, which it empties).</summary>
    public static string Describe(int code) =>
        code == ProtocolError ? "TLS: " + OpenSsl.ErrorText("the server ended the TLS stream without close_notify") : $"errno {code}";
}
