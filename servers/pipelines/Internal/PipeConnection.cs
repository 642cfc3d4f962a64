using System.Buffers;
using System.IO.Pipelines;
using System.Net.Security;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Pipelines.Internal;

/// <summary>
/// One connection: a <see cref="PipeReader"/> and a <see cref="PipeWriter"/> over the socket's <see cref="NetworkStream"/>,
/// or over an <see cref="SslStream"/> on it for TLS (the pipes then hold plaintext: the stream decrypts into the
/// reader's segments and encrypts the writer's bytes into its own buffer, a record at a time).
/// </summary>
internal sealed class PipeConnection : IAsyncDisposable
{
    /// <summary>Segments as large as one socket read, so a large message costs few syscalls (the default is 4 KiB).</summary>
    private const int SegmentSize = 128 * 1024;

    private static readonly StreamPipeReaderOptions s_readerOptions = new(bufferSize: SegmentSize, minimumReadSize: SegmentSize / 4, leaveOpen: true, useZeroByteReads: true);
    private static readonly StreamPipeWriterOptions s_writerOptions = new(minimumBufferSize: SegmentSize, leaveOpen: true);

    /// <summary>Completing the writer with an error discards its unflushed bytes instead of writing them.</summary>
    private static readonly OperationCanceledException s_discarded = new("The connection is closed.");

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly PipeReader _input;
    private readonly PipeWriter _output;

    /// <summary>Over the socket itself.</summary>
    public PipeConnection(Socket socket)
        : this(socket, new NetworkStream(socket, ownsSocket: true))
    {
    }

    /// <summary>Over <paramref name="stream"/>, which owns <paramref name="socket"/> (an authenticated <see cref="SslStream"/>).</summary>
    public PipeConnection(Socket socket, Stream stream)
    {
        _socket = socket;
        _stream = stream;
        _input = PipeReader.Create(_stream, s_readerOptions);
        _output = PipeWriter.Create(_stream, s_writerOptions);
    }

    /// <summary>Echo: writes back every byte read; on the client's half-close, flushes and shuts down the send side.</summary>
    public async Task EchoAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            await WriteAsync(buffer, cancellationToken).ConfigureAwait(false);
            _input.AdvanceTo(buffer.End);

            if (result.IsCompleted)
            {
                await CloseSendAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>
    /// Readline: writes back every complete line; keeps the partial line in the reader (consumed up
    /// to the last newline, examined to the end) and drops the connection once it reaches the bound.
    /// </summary>
    public async Task ReadlineAsync(int maxLineLength, CancellationToken cancellationToken)
    {
        long partialLength = 0; // the buffer starts with a partial line already searched
        while (true)
        {
            var result = await _input.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            if (!LineFraming.TryFindLinesEnd(buffer, maxLineLength, ref partialLength, out var linesEnd))
            {
                return; // a line over the bound: drop the connection, memory stays bounded
            }

            if (linesEnd is { } end)
            {
                await WriteAsync(buffer.Slice(buffer.Start, end), cancellationToken).ConfigureAwait(false);
                _input.AdvanceTo(end, buffer.End);
            }
            else
            {
                _input.AdvanceTo(buffer.Start, buffer.End);
            }

            if (result.IsCompleted)
            {
                await CloseSendAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
        }
    }

    /// <summary>
    /// Closes the socket first, then completes the reader and writer: the loops flush all they
    /// owe before returning, so whatever is still buffered here (a stop, a reset) has no one to
    /// go to, and a flush to a client that is not reading must never hold the stop.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        _socket.Dispose();
        await _input.CompleteAsync().ConfigureAwait(false);
        await _output.CompleteAsync(s_discarded).ConfigureAwait(false);
        await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>The client has closed its side: close_notify first over TLS, then the TCP FIN.</summary>
    private async ValueTask CloseSendAsync(CancellationToken cancellationToken)
    {
        if (_stream is SslStream tls)
        {
            await ServerTls.CloseAsync(tls, _socket, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            _socket.Shutdown(SocketShutdown.Send);
        }
    }

    /// <summary>
    /// Writes the bytes out of the reader's own buffers: with nothing buffered, the stream writer
    /// hands each segment straight to the socket, so an echo copies nothing in user space.
    /// The reader is advanced only afterwards, so the segments stay valid until they are sent.
    /// </summary>
    private async ValueTask WriteAsync(ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
    {
        foreach (var segment in buffer)
        {
            if (!segment.IsEmpty)
            {
                await _output.WriteAsync(segment, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
