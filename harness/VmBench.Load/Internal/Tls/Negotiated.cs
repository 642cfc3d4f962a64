using System.Runtime.InteropServices;
using VmBench.Core.Load;

namespace VmBench.Load.Internal.Tls;

/// <summary>
/// What the connections of one thread negotiated: the protocol and cipher of the first, and whether every later one
/// agrees. OpenSSL names both with static strings, so a connection costs two pointer comparisons, no allocation.
/// </summary>
internal sealed unsafe class Negotiated
{
    private byte* _version;
    private byte* _cipher;

    /// <summary>The first connection's, null before one completed its handshake.</summary>
    public TlsSession? Session { get; private set; }

    /// <summary>Records <paramref name="ssl"/>'s protocol and cipher; null when they agree with the first connection's, else the difference.</summary>
    public string? Add(nint ssl)
    {
        var version = OpenSsl.SSL_get_version(ssl);
        var cipher = OpenSsl.SSL_CIPHER_get_name(OpenSsl.SSL_get_current_cipher(ssl));
        if (version == _version && cipher == _cipher)
        {
            return null;
        }

        var session = new TlsSession(Text(version), Text(cipher));
        if (Session is null)
        {
            _version = version;
            _cipher = cipher;
            Session = session;
            return null;
        }

        return Differ(Session, session);
    }

    /// <summary>Null when <paramref name="a"/> and <paramref name="b"/> agree, else the failure naming both.</summary>
    public static string? Differ(TlsSession a, TlsSession b) =>
        a == b ? null : $"connections negotiated different TLS sessions: {a.Protocol} {a.Cipher} and {b.Protocol} {b.Cipher}";

    private static string Text(byte* text) => text is null ? "(none)" : Marshal.PtrToStringUTF8((nint)text)!;
}
