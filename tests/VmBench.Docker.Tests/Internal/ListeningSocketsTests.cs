using VmBench.Core.Model;
using VmBench.Runtimes.Readiness;

namespace VmBench.Docker.Tests.Internal;

/// <summary>Which of a server's listening sockets say it ignored its --addr (what readiness fails on at once).</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ListeningSocketsTests
{
    [Theory]
    [InlineData("127.0.0.1:25000", "", "")]
    [InlineData("127.0.0.1:25000", "127.0.0.1:25000", "")]
    [InlineData("127.0.0.1:25000", "[::]:25000", "")]
    [InlineData("127.0.0.1:25000", "127.0.0.1:41000", "127.0.0.1:41000")]
    [InlineData("127.0.0.1:25000", "unix:/tmp/x/diagnostics", "")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:/tmp/run/echo.sock", "")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:/tmp/run/echo.sock 127.0.0.1:41000", "")]
    [InlineData("unix:/tmp/run/echo.sock", "127.0.0.1:41000", "127.0.0.1:41000")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:/tmp/other.sock", "unix:/tmp/other.sock")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:/tmp/dotnet-diagnostic-4242-123-socket", "")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:@abstract-name", "")]
    [InlineData("unix:/tmp/run/echo.sock", "unix:/tmp/dotnet-diagnostic-4242-123-socket unix:/tmp/other.sock", "unix:/tmp/other.sock")]
    public void Counts_what_is_elsewhere_and_never_a_runtimes_own_socket(string told, string listening, string elsewhere)
    {
        var sockets = listening.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(Address.Parse).ToArray();

        var found = ListeningSockets.Elsewhere(sockets, Address.Parse(told));

        Assert.Equal(elsewhere, string.Join(' ', found));
    }
}
