using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>Echo: everything read from the connection's input pipe is written to its output pipe, in order.</summary>
internal sealed class EchoConnectionHandler : ConnectionHandler
{
    public override async Task OnConnectedAsync(ConnectionContext connection)
    {
        var input = connection.Transport.Input;
        var output = connection.Transport.Output;
        using var closing = PipeShutdown.OnCloseRequested(connection);
        try
        {
            while (true)
            {
                var result = await input.ReadAsync().ConfigureAwait(false);
                if (result.IsCanceled)
                {
                    return;
                }

                var buffer = result.Buffer;
                if (!buffer.IsEmpty)
                {
                    PipeShutdown.Copy(buffer, output);
                }

                input.AdvanceTo(buffer.End);
                if (!buffer.IsEmpty)
                {
                    var flush = await output.FlushAsync().ConfigureAwait(false);
                    if (flush.IsCompleted || flush.IsCanceled)
                    {
                        return;
                    }
                }

                if (result.IsCompleted)
                {
                    await PipeShutdown.CloseNotifyAsync(connection).ConfigureAwait(false);
                    return; // half-closed by the client: all it sent is flushed, Kestrel closes the socket
                }
            }
        }
        catch (Exception ex) when (PipeShutdown.IsDisconnect(ex))
        {
            // The peer reset the connection or the server is stopping.
        }
    }
}
