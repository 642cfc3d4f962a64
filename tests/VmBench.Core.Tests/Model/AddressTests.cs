using System.Net;
using System.Net.Sockets;
using VmBench.Core.Model;

namespace VmBench.Core.Tests.Model;

[Trait(Tier.Key, Tier.Fast)]
public sealed class AddressTests
{
    [Theory]
    [InlineData("127.0.0.1:25000")]
    [InlineData("127.0.0.1:0")]
    [InlineData("localhost:9000")]
    [InlineData("vmbench-no-such-host.invalid:80")]
    [InlineData("[::1]:65535")]
    [InlineData("[::1%1]:8000")]
    [InlineData("[fe80::1]:80")]
    [InlineData("unix:/tmp/vmbench/echo-1.sock")]
    [InlineData("unix:relative.sock")]
    public void Every_form_prints_as_it_was_written(string text)
    {
        var address = Address.Parse(text);

        Assert.Equal(text, address.ToString());
        Assert.Equal(address, Address.Parse(address.ToString()));
        Assert.Equal(text.StartsWith("localhost:", StringComparison.Ordinal) ? "127.0.0.1" + text["localhost".Length..] : text, Address.Of(address.EndPoint).ToString());
    }

    [Theory]
    [InlineData("127.0.0.1:8000", "127.0.0.1", 8000)]
    [InlineData("localhost:9000", "127.0.0.1", 9000)]
    [InlineData("[::1]:80", "::1", 80)]
    public void Tcp_forms_are_ip_endpoints(string text, string ip, int port)
    {
        var address = Address.Parse(text);

        Assert.False(address.IsUnix);
        Assert.Equal(new IPEndPoint(IPAddress.Parse(ip), port), address.EndPoint);
    }

    [Fact]
    public void A_unix_address_is_a_unix_endpoint_on_its_path()
    {
        var address = Address.Parse("unix:/tmp/x.sock");

        Assert.True(address.IsUnix);
        Assert.Equal("/tmp/x.sock", address.UnixPath);
        Assert.Equal("/tmp/x.sock", Assert.IsType<UnixDomainSocketEndPoint>(address.EndPoint).ToString());
        Assert.Equal(address, Address.Unix("/tmp/x.sock"));
    }

    [Fact]
    public void A_name_is_kept_a_name_and_not_looked_up()
    {
        var endPoint = Assert.IsType<DnsEndPoint>(Address.Parse("vmbench-no-such-host.invalid:80").EndPoint);

        Assert.Equal("vmbench-no-such-host.invalid", endPoint.Host);
    }

    [Fact]
    public void Endpoints_print_in_the_contract_notation()
    {
        Assert.Equal("127.0.0.1:7", Address.Tcp(IPAddress.Loopback, 7).ToString());
        Assert.Equal("[::1]:7", Address.Of(new IPEndPoint(IPAddress.IPv6Loopback, 7)).ToString());
        Assert.Equal("unix:/tmp/y.sock", Address.Of(new UnixDomainSocketEndPoint("/tmp/y.sock")).ToString());
    }

    [Theory]
    [InlineData("127.0.0.1", "HOST:PORT")]
    [InlineData("127.0.0.1", "no :PORT")]
    [InlineData(":80", "no host")]
    [InlineData("127.0.0.1:70000", "port '70000'")]
    [InlineData("127.0.0.1:http", "port 'http'")]
    [InlineData("127.0.0.1:-1", "port '-1'")]
    [InlineData("::1:80", "brackets")]
    [InlineData("[::1:80", "brackets")]
    [InlineData("[127.0.0.1]:80", "not an IPv6 address")]
    [InlineData("[::1]", "no :PORT")]
    [InlineData("[::1]80", "no :PORT")]
    [InlineData("unix:", "socket path")]
    [InlineData("", "no :PORT")]
    public void A_bad_address_names_the_text_the_problem_and_the_forms(string text, string why)
    {
        var ex = Assert.Throws<FormatException>(() => Address.Parse(text));

        Assert.Contains($"'{text}'", ex.Message, StringComparison.Ordinal);
        Assert.Contains(why, ex.Message, StringComparison.Ordinal);
        Assert.Contains("HOST:PORT, [IPv6]:PORT or unix:/path", ex.Message, StringComparison.Ordinal);
        Assert.False(Address.TryParse(text, out var none, out var error));
        Assert.Null(none);
        Assert.Equal(ex.Message, error);
    }
}
