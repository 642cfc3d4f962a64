using System.Text;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's http mode (keep-alive HTTP/1.1, GET / answers a small fixed body), for every server that declares it.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class HttpConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> HttpBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Http);

    [Theory]
    [MemberData(nameof(HttpBenchmarks))]
    public async Task Answers_get_root_with_hello_world_over_one_keep_alive_connection(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        for (var i = 0; i < 3; i++)
        {
            await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"));
            var response = await ReadResponseAsync(socket);
            Assert.StartsWith("HTTP/1.1 200", response.Head, StringComparison.Ordinal);
            Assert.Contains("content-type: text/plain", response.Head.ToLowerInvariant(), StringComparison.Ordinal);
            Assert.Equal("Hello, World!", response.Body);
        }

        Assert.Equal(0, await server.StopAsync(CancellationToken.None));
    }

    private static async Task<(string Head, string Body)> ReadResponseAsync(System.Net.Sockets.Socket socket)
    {
        var received = new List<byte>();
        while (true)
        {
            var text = Encoding.ASCII.GetString(received.ToArray());
            var end = text.IndexOf("\r\n\r\n", StringComparison.Ordinal);
            if (end >= 0)
            {
                var head = text[..end];
                var lengthLine = head.Split("\r\n").FirstOrDefault(l => l.StartsWith("content-length:", StringComparison.OrdinalIgnoreCase));
                Assert.NotNull(lengthLine);
                var length = int.Parse(lengthLine["content-length:".Length..].Trim(), System.Globalization.CultureInfo.InvariantCulture);
                if (received.Count >= end + 4 + length)
                {
                    return (head, Encoding.ASCII.GetString(received.ToArray(), end + 4, length));
                }
            }

            var chunk = await Wire.ReadSomeAsync(socket);
            Assert.True(chunk.Length > 0, "the server closed the keep-alive connection");
            received.AddRange(chunk);
        }
    }
}
