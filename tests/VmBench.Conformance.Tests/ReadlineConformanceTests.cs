using System.Text;
using VmBench.Core.Model;

namespace VmBench.Conformance.Tests;

/// <summary>The server contract's readline mode, run against every server that declares it.</summary>
[Collection(ConformanceCollection.Name)]
public sealed class ReadlineConformanceTests(BuiltServers servers)
{
    public static TheoryData<string> ReadlineBenchmarks => BuiltServers.Benchmarks(p => p.Mode == Mode.Readline);

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public async Task Answers_each_line_with_the_same_line_including_1_MiB_lines(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        foreach (var size in new[] { 2, 1024, 100 * 1024, 1024 * 1024 })
        {
            var lines = Enumerable.Range(0, 5).SelectMany(i => Wire.Payload(size, size + i, line: true)).ToArray();
            var send = Wire.SendAsync(socket, lines);
            var echoed = await Wire.ReadAsync(socket, lines.Length);
            await send;
            Assert.True(lines.AsSpan().SequenceEqual(echoed), $"{benchmark}: five {size}-byte lines not answered byte for byte");
        }
    }

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public async Task Lines_split_across_writes_are_answered_only_when_complete(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using var socket = await Wire.ConnectAsync(server.Address);
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("hello wo"));
        await Task.Delay(100);
        Assert.Equal(0, socket.Available);
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("rld\nsecond line\nthi"));
        var first = await Wire.ReadAsync(socket, "hello world\nsecond line\n".Length);
        Assert.Equal("hello world\nsecond line\n", Encoding.ASCII.GetString(first));
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("rd\n"));
        Assert.Equal("third\n", Encoding.ASCII.GetString(await Wire.ReadAsync(socket, 6)));
    }

    [Theory]
    [MemberData(nameof(ReadlineBenchmarks))]
    public async Task An_endless_line_is_cut_off_and_the_server_keeps_serving(string benchmark)
    {
        await using var server = await servers.StartAsync(benchmark);
        using (var endless = await Wire.ConnectAsync(server.Address))
        {
            var chunk = Wire.Payload(1024 * 1024, 5);
            Array.Fill(chunk, (byte)'x');
            var dropped = false;
            for (var sent = 0; sent < 64 && !dropped; sent++)
            {
                try
                {
                    await Wire.SendAsync(endless, chunk).WaitAsync(Wire.Timeout);
                }
                catch (System.Net.Sockets.SocketException)
                {
                    dropped = true;
                }
            }

            Assert.True(dropped || (await Wire.ReadToEndAsync(endless)).Length == 0, $"{benchmark} accepted a 64 MiB line without disconnecting");
        }

        using var socket = await Wire.ConnectAsync(server.Address);
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("still here\n"));
        Assert.Equal("still here\n", Encoding.ASCII.GetString(await Wire.ReadAsync(socket, 11)));
    }
}
