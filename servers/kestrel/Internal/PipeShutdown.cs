using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>What the connection handlers share: stopping on Kestrel's close request, copying input to output, telling a disconnect from a bug.</summary>
internal static class PipeShutdown
{
    /// <summary>
    /// When Kestrel asks the connection to close (server stop), wakes the handler's pending read
    /// or flush so it returns and Kestrel can close the socket without waiting for its timeout.
    /// </summary>
    public static CancellationTokenRegistration OnCloseRequested(ConnectionContext connection) =>
        connection.Features.Get<IConnectionLifetimeNotificationFeature>() is not { } lifetime
            ? default
            : lifetime.ConnectionClosedRequested.UnsafeRegister(
                static state =>
                {
                    var transport = ((ConnectionContext)state!).Transport;
                    try
                    {
                        transport.Input.CancelPendingRead();
                        transport.Output.CancelPendingFlush();
                    }
                    catch (ObjectDisposedException)
                    {
                        // TLS: the middleware's stream reader resumes the cancelled read inline (UnsafePreferInlineScheduling),
                        // and that read disposes the token source the cancel is still running; the read was woken all the same.
                    }
                },
                connection);

    /// <summary>Copies the bytes into the output pipe's own buffers (the one copy pipes need); the caller flushes.</summary>
    public static void Copy(in ReadOnlySequence<byte> buffer, PipeWriter output)
    {
        if (buffer.IsSingleSegment)
        {
            output.Write(buffer.FirstSpan);
            return;
        }

        foreach (var segment in buffer)
        {
            output.Write(segment.Span);
        }
    }

    /// <summary>
    /// The client closed its side (everything owed is flushed): over TLS, send our close_notify before Kestrel closes
    /// the socket (its TLS middleware only disposes the stream, which sends none). Plain connections: nothing to do.
    /// </summary>
    public static async ValueTask CloseNotifyAsync(ConnectionContext connection)
    {
        if (connection.Features.Get<SslStream>() is { } tls)
        {
            await tls.ShutdownAsync().ConfigureAwait(false);
        }
    }

    public static bool IsDisconnect(Exception ex) => ex is IOException or ConnectionAbortedException or ObjectDisposedException;
}
