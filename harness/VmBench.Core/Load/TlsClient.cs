namespace VmBench.Core.Load;

/// <summary>The TLS protocol version the load client offers (the only one it accepts).</summary>
public enum TlsVersion
{
    Tls12,
    Tls13,
}

/// <summary>TLS for a load job: the one server certificate the client accepts, and the version it offers.</summary>
/// <param name="CertificatePem">The certificate the harness generated for this run (PEM); the client accepts exactly this
/// server certificate, compared by its DER bytes, and fails the job on any other.</param>
public sealed record TlsClient(string CertificatePem, TlsVersion Version = TlsVersion.Tls13);

/// <summary>What a TLS job negotiated (as OpenSSL names them, e.g. <c>TLSv1.3</c>, <c>TLS_AES_256_GCM_SHA384</c>).</summary>
public sealed record TlsSession(string Protocol, string Cipher);
