using System.Net;
using System.Net.Sockets;
using System.Text;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class KestrelHttpTests
{
    private const string Body = "Hello, World!";

    [Theory]
    [InlineData(AddressKind.Tcp)]
    [InlineData(AddressKind.Unix)]
    public async Task Get_root_twice_on_one_keep_alive_connection(string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync("kestrel", address, ServerMode.Http);
        using var client = await running.ConnectAsync(deadline.Token);
        var reader = new HttpResponseReader(client);

        for (var i = 0; i < 2; i++)
        {
            await SocketIo.SendAllAsync(client, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), deadline.Token);
            var response = await reader.ReadAsync(deadline.Token);

            Assert.Equal("HTTP/1.1 200 OK", response.StatusLine);
            Assert.Equal("13", response.Header("Content-Length"));
            Assert.StartsWith("text/plain", response.Header("Content-Type"), StringComparison.Ordinal);
            Assert.Null(response.Header("Connection"));
            Assert.Equal(Body, response.Body);
        }
    }

    [Fact]
    public async Task Get_other_path_is_404()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync("kestrel", AddressKind.Tcp, ServerMode.Http);
        using var client = await running.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(client, "GET /missing HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), deadline.Token);
        var response = await new HttpResponseReader(client).ReadAsync(deadline.Token);

        Assert.Equal("HTTP/1.1 404 Not Found", response.StatusLine);
    }

    [Fact]
    public async Task HttpClient_gets_the_body()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync("kestrel", AddressKind.Tcp, ServerMode.Http);
        var port = ((IPEndPoint)running.EndPoint).Port;
        using var http = new HttpClient { Timeout = SocketIo.Deadline };

        using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/"), deadline.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Body.Length, response.Content.Headers.ContentLength);
        Assert.Equal(Body, await response.Content.ReadAsStringAsync(deadline.Token));
    }

    [Fact]
    public async Task Kestrel_declares_http()
    {
        await using var running = await TestServer.StartAsync("kestrel", AddressKind.Tcp, ServerMode.Http);

        Assert.Contains(ServerMode.Http, running.Server.Modes);
    }

    [Fact]
    public async Task Stop_with_a_keep_alive_connection_open_is_prompt()
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync("kestrel", AddressKind.Tcp, ServerMode.Http);
        using var client = await running.ConnectAsync(deadline.Token);
        await SocketIo.SendAllAsync(client, "GET / HTTP/1.1\r\nHost: localhost\r\n\r\n"u8.ToArray(), deadline.Token);
        Assert.Equal(Body, (await new HttpResponseReader(client).ReadAsync(deadline.Token)).Body);

        var stop = running.StopAsync();
        Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10), deadline.Token)));
        await stop;
        Assert.Equal(0, await SocketIo.ReceiveUntilDroppedAsync(client, deadline.Token));
    }

    private sealed record HttpResponse(string StatusLine, IReadOnlyList<KeyValuePair<string, string>> Headers, string Body)
    {
        public string? Header(string name) =>
            Headers.Where(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).SingleOrDefault();
    }

    /// <summary>Reads HTTP/1.1 responses with a Content-Length off a raw socket, keeping bytes that belong to the next one.</summary>
    private sealed class HttpResponseReader(Socket socket)
    {
        private readonly List<byte> _pending = [];

        public async Task<HttpResponse> ReadAsync(CancellationToken cancellationToken)
        {
            int headerEnd;
            while ((headerEnd = IndexOfHeaderEnd()) < 0)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var head = Encoding.ASCII.GetString(_pending.GetRange(0, headerEnd).ToArray()).Split("\r\n");
            var headers = head.Skip(1)
                .Select(line => line.Split(':', 2))
                .Select(parts => new KeyValuePair<string, string>(parts[0].Trim(), parts[1].Trim()))
                .ToList();
            var length = int.Parse(headers.Single(h => string.Equals(h.Key, "Content-Length", StringComparison.OrdinalIgnoreCase)).Value, System.Globalization.CultureInfo.InvariantCulture);
            var bodyStart = headerEnd + 4;
            while (_pending.Count < bodyStart + length)
            {
                await FillAsync(cancellationToken).ConfigureAwait(false);
            }

            var body = Encoding.ASCII.GetString(_pending.GetRange(bodyStart, length).ToArray());
            _pending.RemoveRange(0, bodyStart + length);
            return new HttpResponse(head[0], headers, body);
        }

        private int IndexOfHeaderEnd()
        {
            for (var i = 0; i + 3 < _pending.Count; i++)
            {
                if (_pending[i] == '\r' && _pending[i + 1] == '\n' && _pending[i + 2] == '\r' && _pending[i + 3] == '\n')
                {
                    return i;
                }
            }

            return -1;
        }

        private async Task FillAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[4096];
            var read = await socket.ReceiveAsync(buffer, SocketFlags.None, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The server closed the connection mid-response.");
            }

            _pending.AddRange(buffer.AsSpan(0, read));
        }
    }
}
