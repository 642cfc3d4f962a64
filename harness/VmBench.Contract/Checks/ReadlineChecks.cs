using System.Net.Sockets;
using System.Text;
using VmBench.Core.Model;

namespace VmBench.Contract.Checks;

/// <summary>The contract's readline mode.</summary>
public static class ReadlineChecks
{
    public static readonly ContractCheck LinesUpToOneMiB = new("Answers_each_line_with_the_same_line_including_1_MiB_lines", ContractCheck.InMode(Mode.Readline), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        foreach (var size in new[] { 2, 1024, 100 * 1024, 1024 * 1024 })
        {
            var lines = Enumerable.Range(0, 5).SelectMany(i => Wire.Payload(size, size + i, line: true)).ToArray();
            var send = Wire.SendAsync(socket, lines);
            var echoed = await Wire.ReadAsync(socket, lines.Length).ConfigureAwait(false);
            await send.ConfigureAwait(false);
            ContractViolation.Unless(lines.AsSpan().SequenceEqual(echoed), $"five {size}-byte lines were not answered byte for byte ({echoed.Length} of {lines.Length} bytes came back)");
        }
    });

    public static readonly ContractCheck PartialLines = new("Lines_split_across_writes_are_answered_only_when_complete", ContractCheck.InMode(Mode.Readline), async c =>
    {
        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("hello wo")).ConfigureAwait(false);
        await Task.Delay(100, c.CancellationToken).ConfigureAwait(false);
        ContractViolation.Unless(socket.Available == 0, $"the server answered {socket.Available} bytes of a line before its newline arrived");
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("rld\nsecond line\nthi")).ConfigureAwait(false);
        var first = Encoding.ASCII.GetString(await Wire.ReadAsync(socket, "hello world\nsecond line\n".Length).ConfigureAwait(false));
        ContractViolation.Unless(first == "hello world\nsecond line\n", $"expected the two complete lines \"hello world\\nsecond line\\n\", got \"{first.ReplaceLineEndings("\\n")}\"");
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("rd\n")).ConfigureAwait(false);
        var third = Encoding.ASCII.GetString(await Wire.ReadAsync(socket, 6).ConfigureAwait(false));
        ContractViolation.Unless(third == "third\n", $"expected \"third\\n\" once its newline arrived, got \"{third.ReplaceLineEndings("\\n")}\"");
    });

    public static readonly ContractCheck EndlessLine = new("An_endless_line_is_cut_off_and_the_server_keeps_serving", ContractCheck.InMode(Mode.Readline), async c =>
    {
        using (var endless = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false))
        {
            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)'x');
            var dropped = false;
            for (var sent = 0; sent < 64 && !dropped; sent++)
            {
                try
                {
                    await Wire.SendAsync(endless, chunk).WaitAsync(Wire.Timeout, c.CancellationToken).ConfigureAwait(false);
                }
                catch (SocketException)
                {
                    dropped = true;
                }
            }

            ContractViolation.Unless(dropped || (await Wire.ReadToEndAsync(endless).ConfigureAwait(false)).Length == 0, "the server accepted a 64 MiB line without disconnecting (a line longer than its bound must drop the connection)");
        }

        using var socket = await Wire.ConnectAsync(c.Address, c.CancellationToken).ConfigureAwait(false);
        await Wire.SendAsync(socket, Encoding.ASCII.GetBytes("still here\n")).ConfigureAwait(false);
        var answer = Encoding.ASCII.GetString(await Wire.ReadAsync(socket, 11).ConfigureAwait(false));
        ContractViolation.Unless(answer == "still here\n", "after an endless line was cut off, a new connection's line was not answered");
    });
}
