using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

/// <summary>One certificate for a test class, loaded the way a server loads it (<see cref="ServerTls.Load"/>, from the PEM files).</summary>
public sealed class TlsFixture : IDisposable
{
    private readonly TestCertificate _certificate = new();

    public TlsFixture() => Tls = ServerTls.Load(_certificate.CertificatePath, _certificate.KeyPath);

    public ServerTls Tls { get; }

    public byte[] Der => _certificate.Der;

    public void Dispose() => _certificate.Dispose();
}
