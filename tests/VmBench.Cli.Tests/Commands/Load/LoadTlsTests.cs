using VmBench.Cli.Commands.Load;
using VmBench.Testing;

namespace VmBench.Cli.Tests.Commands.Load;

/// <summary>`vmbench load --tls-cert/--tls-version`: a certificate file that cannot be read, not PEM, or a version other than 1.2/1.3 is a usage error naming it, before anything connects.</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class LoadTlsTests
{
    [Fact]
    public async Task A_missing_certificate_file_is_a_usage_error_naming_it()
    {
        var path = Path.Combine(Path.GetTempPath(), $"vmbench-no-such-{Guid.NewGuid():N}.pem");
        var (exit, error) = await RunAsync(path, "1.3");

        Assert.Equal(2, exit);
        Assert.Contains($"--tls-cert: cannot read {path}", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_that_is_not_a_PEM_certificate_is_a_usage_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            await File.WriteAllTextAsync(path, "not a certificate");
            var (exit, error) = await RunAsync(path, "1.3");

            Assert.Equal(2, exit);
            Assert.Contains("the TLS certificate to accept is not a PEM certificate", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task An_unknown_TLS_version_is_a_usage_error()
    {
        var (exit, error) = await RunAsync("/dev/null", "1.1");

        Assert.Equal(2, exit);
        Assert.Contains("--tls-version: unknown TLS version '1.1': expected 1.2 or 1.3", error, StringComparison.Ordinal);
    }

    private static async Task<(int Exit, string Error)> RunAsync(string certificate, string version)
    {
        var (output, error) = (new StringWriter(), new StringWriter());
        var options = new LoadOptions("127.0.0.1:1", "echo", 64, null, 1, 0.2, 0, null, false, false, TlsCert: certificate, TlsVersion: version);
        var exit = await new LoadCommand(output, error).ExecuteAsync(options, CancellationToken.None);
        return (exit, error.ToString());
    }
}
