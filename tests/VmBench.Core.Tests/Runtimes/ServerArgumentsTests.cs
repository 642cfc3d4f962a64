using VmBench.Core.Model;
using VmBench.Core.Runtimes;

namespace VmBench.Core.Tests.Runtimes;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ServerArgumentsTests
{
    private static readonly ServerManifest s_server = new(
        "secure", "Secure", "loop", "csharp", [Mode.Echo, Mode.Readline], [AddressKind.Tcp, AddressKind.Tls],
        new ServerBuild(BuildKind.Command, null, [], "Dockerfile"), new ServerRun(["srv"], new Dictionary<string, string>()), [], "/servers/secure", "/servers/secure/server.json");

    private static readonly ServerTls s_tls = new("/tmp/vmbench-tls-x/files", "-----BEGIN CERTIFICATE-----\n");

    [Fact]
    public void A_plaintext_benchmark_gets_addr_and_mode_only_even_with_tls_files_at_hand()
    {
        var launch = new ServerLaunch(new Benchmark(s_server, Protocol.Readline), Address.Parse("127.0.0.1:5000"), [], TimeSpan.FromSeconds(1), Tls: s_tls);

        Assert.Equal(["--addr", "127.0.0.1:5000", "--mode", "readline"], ServerArguments.Of(launch, launch.Tls));
        Assert.Null(launch.ReadinessTls);
    }

    [Theory]
    [InlineData("tlsecho")]
    [InlineData("tlshandshake")]
    public void A_tls_benchmark_gets_the_certificate_and_key_after_addr_and_mode_where_the_server_sees_them(string prefix)
    {
        var launch = new ServerLaunch(new Benchmark(s_server, Protocol.FromPrefix(prefix)!), Address.Parse("127.0.0.1:5000"), [], TimeSpan.FromSeconds(1), Tls: s_tls);

        Assert.Equal(["--addr", "127.0.0.1:5000", "--mode", "echo", "--tls-cert", "/tmp/vmbench-tls-x/files/cert.pem", "--tls-key", "/tmp/vmbench-tls-x/files/key.pem"], ServerArguments.Of(launch, launch.Tls));
        Assert.Equal(["--addr", "127.0.0.1:5000", "--mode", "echo", "--tls-cert", "/tls/cert.pem", "--tls-key", "/tls/key.pem"], ServerArguments.Of(launch, launch.Tls!.MountedAt("/tls")));
        Assert.Equal(new Load.TlsClient(s_tls.CertificatePem, Load.TlsVersion.Tls13), launch.ReadinessTls);
    }

    [Fact]
    public void A_tls_benchmark_without_its_files_is_refused_with_the_benchmark_named()
    {
        var launch = new ServerLaunch(new Benchmark(s_server, Protocol.TlsEcho), Address.Parse("127.0.0.1:5000"), [], TimeSpan.FromSeconds(1));

        var error = Assert.Throws<ArgumentException>(() => ServerArguments.Of(launch, null));
        Assert.Contains("tlsecho-secure", error.Message, StringComparison.Ordinal);
    }
}
