using System.Net.Sockets;
using System.Text;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class ReadlineTests
{
    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_answers_lines_split_across_writes(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline);
        using var client = await running.ConnectAsync(deadline.Token);
        var expected = "hello\nworld\n\nthree lines in one\n";
        var receive = SocketIo.ReceiveExactlyAsync(client, expected.Length, deadline.Token);

        foreach (var piece in new[] { "hel", "lo\nwor", "ld", "\n\nthree lines", " in one\n" })
        {
            await SocketIo.SendAllAsync(client, Encoding.ASCII.GetBytes(piece), deadline.Token);
            await Task.Delay(5, deadline.Token);
        }

        Assert.Equal(expected, Encoding.ASCII.GetString(await receive));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_holds_a_partial_line_until_its_newline(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline);
        using var client = await running.ConnectAsync(deadline.Token);

        await SocketIo.SendAllAsync(client, "a\nbb\ncc"u8.ToArray(), deadline.Token);
        Assert.Equal("a\nbb\n", Encoding.ASCII.GetString(await SocketIo.ReceiveExactlyAsync(client, 5, deadline.Token)));

        // Nothing more may come until the partial line is finished.
        using (var quiet = CancellationTokenSource.CreateLinkedTokenSource(deadline.Token))
        {
            quiet.CancelAfter(TimeSpan.FromMilliseconds(200));
            var early = new byte[16];
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await client.ReceiveAsync(early, SocketFlags.None, quiet.Token));
        }

        await SocketIo.SendAllAsync(client, "c\n"u8.ToArray(), deadline.Token);
        Assert.Equal("ccc\n", Encoding.ASCII.GetString(await SocketIo.ReceiveExactlyAsync(client, 4, deadline.Token)));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_echoes_a_long_line_below_the_bound(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline);
        using var client = await running.ConnectAsync(deadline.Token);
        var line = SocketIo.Pattern(3 * 1024 * 1024);
        line[^1] = (byte)'\n';

        Assert.Equal(line, await SocketIo.EchoAsync(client, line, deadline.Token));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_accepts_a_line_of_exactly_the_bound_and_drops_a_longer_one(string server, string address)
    {
        const int Bound = 1024;
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline, maxLineLength: Bound);
        using var client = await running.ConnectAsync(deadline.Token);
        var fits = SocketIo.Pattern(Bound);
        fits[^1] = (byte)'\n';

        Assert.Equal(fits, await SocketIo.EchoAsync(client, fits, deadline.Token));

        var tooLong = SocketIo.Pattern(Bound + 1);
        tooLong[^1] = (byte)'\n';
        await SendIgnoringDropAsync(client, tooLong, deadline.Token);
        Assert.Equal(0, await SocketIo.ReceiveUntilDroppedAsync(client, deadline.Token));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_drops_an_endless_line_and_keeps_serving(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline);
        using (var client = await running.ConnectAsync(deadline.Token))
        {
            var dropped = SocketIo.ReceiveUntilDroppedAsync(client, deadline.Token);

            // Four times the 4 MiB bound without a newline: the server must hang up long before.
            var chunk = SocketIo.Pattern(256 * 1024);
            var sent = 0L;
            while (sent < 4L * ServerOptions.DefaultMaxLineLength && !dropped.IsCompleted)
            {
                if (!await SendIgnoringDropAsync(client, chunk, deadline.Token))
                {
                    break;
                }

                sent += chunk.Length;
            }

            Assert.Equal(0, await dropped);
            Assert.True(sent < 4L * ServerOptions.DefaultMaxLineLength, $"The server took {sent} bytes of one line without dropping the connection.");
        }

        using var next = await running.ConnectAsync(deadline.Token);
        Assert.Equal("still here\n"u8.ToArray(), await SocketIo.EchoAsync(next, "still here\n"u8.ToArray(), deadline.Token));
    }

    [Theory]
    [MemberData(nameof(ServerCatalog.ServersAndAddresses), MemberType = typeof(ServerCatalog))]
    public async Task Readline_answers_complete_lines_then_closes_after_half_close(string server, string address)
    {
        using var deadline = new CancellationTokenSource(SocketIo.Deadline);
        await using var running = await TestServer.StartAsync(server, address, ServerMode.Readline);
        using var client = await running.ConnectAsync(deadline.Token);
        var lines = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, 5000).Select(i => $"line {i}\n")));
        var receive = SocketIo.ReceiveToEndAsync(client, deadline.Token);

        await SocketIo.SendAllAsync(client, lines, deadline.Token);
        client.Shutdown(SocketShutdown.Send);

        Assert.Equal(lines, await receive);
    }

    /// <summary>Sends; false when the server has already dropped the connection.</summary>
    private static async Task<bool> SendIgnoringDropAsync(Socket client, byte[] data, CancellationToken cancellationToken)
    {
        try
        {
            await SocketIo.SendAllAsync(client, data, cancellationToken);
            return true;
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.ConnectionReset or SocketError.Shutdown or SocketError.ConnectionAborted)
        {
            return false;
        }
    }
}
