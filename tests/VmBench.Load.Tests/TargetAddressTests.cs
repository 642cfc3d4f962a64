using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class TargetAddressTests
{
    [Theory]
    [InlineData("127.0.0.1:8000", "127.0.0.1", 8000)]
    [InlineData("127.1.2.3:1", "127.1.2.3", 1)]
    [InlineData("[::1]:65535", "::1", 65535)]
    [InlineData("localhost:9000", "127.0.0.1", 9000)]
    public void LoopbackForms(string text, string ip, int port)
    {
        var address = Parse(text);

        var endPoint = Assert.IsType<IPEndPoint>(address.EndPoint);
        Assert.Equal(IPAddress.Parse(ip), endPoint.Address);
        Assert.Equal(port, endPoint.Port);
        Assert.True(address.IsLoopback);
    }

    [Fact]
    public void UnixSockets()
    {
        var address = Parse("unix:/tmp/x.sock");

        Assert.IsType<UnixDomainSocketEndPoint>(address.EndPoint);
        Assert.True(address.IsUnix);
        Assert.True(address.IsLoopback);
    }

    [Theory]
    [InlineData("[::1%1]:8000", 1)]
    [InlineData("[::1%7]:8000", 7)]
    public void IPv6LoopbackWithAZoneIsLoopback(string text, long scope)
    {
        var address = Parse(text);

        var endPoint = Assert.IsType<IPEndPoint>(address.EndPoint);
        Assert.Equal(scope, endPoint.Address.ScopeId);
        Assert.True(address.IsLoopback, $"{text} is ::1 with a zone id");
    }

    [Fact]
    public void AHostNameIsNotLookedUpToParseIt()
    {
        // .invalid never resolves (RFC 6761): a lookup here would throw.
        var address = Parse("vmbench-no-such-host.invalid:80");

        Assert.False(address.IsLoopback);
        Assert.Equal("vmbench-no-such-host.invalid", address.Host);
    }

    [Fact]
    public void AHostNameIsLookedUpWhenResolved()
    {
        var ex = Assert.Throws<ArgumentException>(() => Parse("vmbench-no-such-host.invalid:80").Resolve());

        Assert.Contains("cannot resolve 'vmbench-no-such-host.invalid'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void OtherHostsAreNotLoopback()
    {
        Assert.False(Parse("10.0.0.1:80").IsLoopback);
        Assert.False(Parse("[fe80::1]:80").IsLoopback);
    }

    /// <summary>The other bad forms are the parser's (AddressTests in VmBench.Core.Tests); port 0 is bad only for a client.</summary>
    [Theory]
    [InlineData("127.0.0.1:0", "port")]
    public void BadAddressesSayWhy(string text, string why)
    {
        var ex = Assert.Throws<ArgumentException>(() => Parse(text));

        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
    }

    private static TargetAddress Parse(string text) => TargetAddress.Of(Address.Parse(text));
}
