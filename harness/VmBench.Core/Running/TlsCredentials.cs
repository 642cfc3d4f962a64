using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using VmBench.Core.Load;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Running;

/// <summary>
/// A run's TLS certificate and key, generated fresh (never checked in): ECDSA P-256, SHA-256, self-signed, SAN localhost,
/// 127.0.0.1 and ::1, valid from an hour ago for two days. The key lives in a private temp folder removed on
/// <see cref="Dispose"/>.
/// </summary>
/// <remarks>
/// Layout: <c>$TMP/vmbench-tls-XXXX/</c> (0700, the harness's user only) holds <c>files/</c> (0755) with
/// <c>cert.pem</c> and <c>key.pem</c> (0644). Other users of the machine cannot reach the key: the 0700 folder above
/// stops them. A container's server (uid 10001) can read it: Docker bind-mounts <c>files/</c> itself at <c>/tls</c>
/// (read-only), so the 0700 folder is not on its path, and 0644 lets any uid read. No chown (it needs root).
/// </remarks>
public sealed class TlsCredentials : IDisposable
{
    /// <summary>The name of the certificate's copy in the run folder.</summary>
    public const string RunFolderFile = "tls-cert.pem";

    private const UnixFileMode Readable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode Traversable = Readable | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly string _root;

    private TlsCredentials(string root, ServerTls server)
    {
        _root = root;
        Server = server;
    }

    /// <summary>The files as a local server reads them (host paths).</summary>
    public ServerTls Server { get; }

    public string CertificatePem => Server.CertificatePem;

    /// <summary>The private folder that holds everything (removed on <see cref="Dispose"/>).</summary>
    public string Root => _root;

    /// <summary>Generates a certificate and key valid from an hour before <paramref name="now"/> for two days.</summary>
    public static TlsCredentials Create(DateTimeOffset now)
    {
        var root = Directory.CreateTempSubdirectory("vmbench-tls-").FullName; // 0700 on Unix
        try
        {
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var files = Path.Combine(root, "files");
            Directory.CreateDirectory(files);
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(files, Traversable);
            }

            using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256);
            var names = new SubjectAlternativeNameBuilder();
            names.AddDnsName("localhost");
            names.AddIpAddress(IPAddress.Loopback);
            names.AddIpAddress(IPAddress.IPv6Loopback);
            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1", "Server Authentication")], false));
            using var certificate = request.CreateSelfSigned(now.AddHours(-1), now.AddDays(2));
            var server = new ServerTls(files, certificate.ExportCertificatePem() + "\n");
            Write(server.KeyPath, key.ExportPkcs8PrivateKeyPem() + "\n");
            Write(server.CertificatePath, server.CertificatePem);
            return new TlsCredentials(root, server);
        }
        catch
        {
            Directory.Delete(root, recursive: true);
            throw;
        }
    }

    /// <summary>What the load client is given: accept exactly this certificate, offer <paramref name="version"/>.</summary>
    public TlsClient Client(TlsVersion version) => new(CertificatePem, version);

    /// <summary>Writes the certificate (never the key) into the run folder as <see cref="RunFolderFile"/>; returns its path.</summary>
    public string CopyCertificateTo(string runFolder)
    {
        Directory.CreateDirectory(runFolder);
        var path = Path.Combine(runFolder, RunFolderFile);
        File.WriteAllText(path, CertificatePem);
        return path;
    }

    public void Dispose()
    {
        try
        {
            if (Directory.Exists(_root))
            {
                Directory.Delete(_root, recursive: true);
            }
        }
        catch (IOException)
        {
            // Best effort; the folder is private to this user.
        }
    }

    private static void Write(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = Readable;
        }

        var stream = new FileStream(path, options);
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(text);
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, Readable); // whatever the umask: a container's uid must read it
        }
    }
}
