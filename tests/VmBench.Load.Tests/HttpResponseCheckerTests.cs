using System.Text;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class HttpResponseCheckerTests
{
    private const string Good = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\ncontent-length: 13\r\n\r\nHello, World!";

    [Fact]
    public void AWholeResponseIsComplete()
    {
        Assert.Equal(HttpResponseChecker.Outcome.Complete, Check(Good, out var length, out _));
        Assert.Equal(Good.Length, length);
    }

    [Fact]
    public void EveryPrefixIsIncomplete()
    {
        for (var i = 0; i < Good.Length; i++)
        {
            Assert.Equal(HttpResponseChecker.Outcome.Incomplete, Check(Good[..i], out _, out var error));
            Assert.Null(error);
        }
    }

    [Theory]
    [InlineData("HTTP/1.1 500 Oops\r\n\r\n", "status line")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n", "no Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", "Transfer-Encoding")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 13\r\nConnection: close\r\n\r\nHello, World!", "keep-alive")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nHello", "body 'Hello'")]
    [InlineData("HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", "bad Content-Length")]
    [InlineData("HTTP/1.1 200 OK\r\nno colon\r\n\r\n", "malformed header")]
    [InlineData("SSH-2.0-OpenSSH_9", "status line")]
    public void ContractBreachesAreInvalidWithAReason(string response, string reason)
    {
        Assert.Equal(HttpResponseChecker.Outcome.Invalid, Check(response, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    private static HttpResponseChecker.Outcome Check(string text, out int length, out string? error) =>
        HttpResponseChecker.Check(Encoding.ASCII.GetBytes(text), out length, out error);
}
