using Microsoft.AspNetCore.Connections;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>
/// Readline: answers each <c>\n</c>-terminated line with the same bytes. A partial line stays in
/// the input pipe (consumed up to the last newline, examined to the end); a line longer than the
/// bound, newline included, drops the connection.
/// </summary>
internal sealed class ReadlineConnectionHandler(int maxLineLength) : ConnectionHandler
{
    private readonly int _maxLineLength = maxLineLength;

    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        using var closing = PipeShutdown.OnCloseRequested(connection);
        try
        {
            long partialLength = 0; // the buffer starts with a partial line already searched
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    return;
                }

                var buffer = result.Buffer;
                if (!LineFraming.TryFindLinesEnd(buffer, _maxLineLength, ref partialLength, out var linesEnd))
                {
                    return; // a line over the bound: drop the connection, memory stays bounded
                }

                if (linesEnd is not { } end)
                {
                    input.AdvanceTo(buffer.Start, buffer.End);
                    if (result.IsCompleted)
                    {
                        await PipeShutdown.CloseNotifyAsync(connection).ConfigureAwait(false);
                        return; // EOF inside a line
                    }

                    continue;
                }

                PipeShutdown.Copy(buffer.Slice(buffer.Start, end), output);
                input.AdvanceTo(end, buffer.End);
                var flush = await output.FlushAsync().ConfigureAwait(false);
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    return;
                }

                if (result.IsCompleted)
                {
                    await PipeShutdown.CloseNotifyAsync(connection).ConfigureAwait(false);
                    return;
                }
            }
        }
        catch (Exception ex) when (PipeShutdown.IsDisconnect(ex))
        {
            // The peer reset the connection or the server is stopping.
        }
    }
}
