namespace VmBench.Core.Runtimes;

/// <summary>
/// The TLS files a server of a TLS benchmark is started with: a folder holding the certificate (<see cref="CertificateFile"/>)
/// and its private key (<see cref="KeyFile"/>), PEM both.
/// </summary>
/// <param name="Directory">The folder as the server sees it (a host path, or a container's bind mount).</param>
/// <param name="CertificatePem">The certificate's PEM text: what a client pins.</param>
public sealed record ServerTls(string Directory, string CertificatePem)
{
    public const string CertificateFile = "cert.pem";
    public const string KeyFile = "key.pem";

    public string CertificatePath => Directory.TrimEnd('/') + "/" + CertificateFile;

    public string KeyPath => Directory.TrimEnd('/') + "/" + KeyFile;

    /// <summary>The same files seen under another folder (where a runtime mounts <see cref="Directory"/>).</summary>
    public ServerTls MountedAt(string directory) => this with { Directory = directory };
}
