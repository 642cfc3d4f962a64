using VmBench.Core.Model;

namespace VmBench.Core.Load;

/// <summary>Decides that a started server is ready: connect and one verified exchange in its mode.</summary>
public interface IReadinessProbe
{
    /// <summary>One attempt. Returns null when ready, or what went wrong (connection refused, wrong echo, wrong certificate ...).</summary>
    /// <param name="tls">TLS first (the one certificate to accept, the version to offer), or null for plaintext.</param>
    Task<string?> TryOnceAsync(Address address, Mode mode, TlsClient? tls, CancellationToken cancellationToken);
}
