using System.Buffers;
using System.Net.Sockets;
using VmBench.Servers.Hosting;

namespace VmBench.Servers.Saea.Internal;

/// <summary>
/// One connection's state machine over a single <see cref="SocketAsyncEventArgs"/>: receive into
/// the buffer, send those bytes back, receive again. An operation that completes synchronously
/// (the call returns false) is handled by the loop that issued it, one that completes later by
/// the Completed callback, so the stack never grows with the number of messages. Reused for
/// another socket once released.
/// </summary>
internal sealed class SaeaConnection : IThreadPoolWorkItem, IDisposable
{
    private const int BufferSize = 128 * 1024;

    private readonly SocketAsyncEventArgs _args = new();
    private readonly byte[] _ownBuffer = GC.AllocateUninitializedArray<byte>(BufferSize, pinned: true);
    private readonly Action<SaeaConnection, Socket> _release;
    private byte[] _buffer;
    private Socket? _socket;
    private ServerMode _mode;
    private int _maxLineLength;
    private int _filled;
    private int _sendOffset;
    private int _sendEnd;

    public SaeaConnection(Action<SaeaConnection, Socket> release)
    {
        _release = release;
        _buffer = _ownBuffer;
        _args.UserToken = this;
        _args.Completed += static (_, args) => ((SaeaConnection)args.UserToken!).OnCompleted(args);
    }

    public void Start(Socket socket, ServerOptions options)
    {
        _socket = socket;
        _mode = options.Mode;
        _maxLineLength = options.MaxLineLength;
        _filled = 0;

        // The first receive runs on the thread pool: a client that never stops sending keeps
        // completing synchronously, and must not hold the accept loop.
        ThreadPool.UnsafeQueueUserWorkItem(this, preferLocal: false);
    }

    void IThreadPoolWorkItem.Execute() => Receive();

    public void Dispose() => _args.Dispose();

    private void OnCompleted(SocketAsyncEventArgs args)
    {
        if (args.LastOperation == SocketAsyncOperation.Receive)
        {
            if (OnReceived())
            {
                Receive();
            }
        }
        else if (OnSent() && SendRest())
        {
            OnAllSent();
            Receive();
        }
    }

    /// <summary>Receives until a receive or a send is pending, or the connection is closed.</summary>
    private void Receive()
    {
        while (true)
        {
            var room = (_mode == ServerMode.Readline ? Math.Min(_buffer.Length, _maxLineLength) : _buffer.Length) - _filled;
            _args.SetBuffer(_buffer, _filled, room);
            bool pending;
            try
            {
                pending = _socket!.ReceiveAsync(_args);
            }
            catch (ObjectDisposedException)
            {
                Close();
                return;
            }

            if (pending || !OnReceived())
            {
                return;
            }
        }
    }

    /// <summary>Handles a finished receive; true when the next receive should start now.</summary>
    private bool OnReceived()
    {
        if (_args.SocketError != SocketError.Success)
        {
            Close();
            return false;
        }

        var read = _args.BytesTransferred;
        if (read == 0)
        {
            // Half-close: everything read so far has been sent back already.
            try
            {
                _socket!.Shutdown(SocketShutdown.Send);
            }
            catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
            {
                // Reset meanwhile: nothing left to flush.
            }

            Close();
            return false;
        }

        if (_mode == ServerMode.Readline)
        {
            var scanFrom = _filled;
            _filled += read;
            var complete = LineScanner.CompleteLength(_buffer.AsSpan(scanFrom, read));
            if (complete == 0)
            {
                return KeepPartialLine();
            }

            _sendEnd = scanFrom + complete;
        }
        else
        {
            _sendEnd = read;
        }

        _sendOffset = 0;
        if (!SendRest())
        {
            return false;
        }

        OnAllSent();
        return true;
    }

    /// <summary>Sends what is left of [offset, end); true when all of it went synchronously.</summary>
    private bool SendRest()
    {
        while (_sendOffset < _sendEnd)
        {
            _args.SetBuffer(_buffer, _sendOffset, _sendEnd - _sendOffset);
            bool pending;
            try
            {
                pending = _socket!.SendAsync(_args);
            }
            catch (ObjectDisposedException)
            {
                Close();
                return false;
            }

            if (pending || !OnSent())
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Accounts a finished send; false when the connection is closed.</summary>
    private bool OnSent()
    {
        if (_args.SocketError != SocketError.Success || _args.BytesTransferred == 0)
        {
            Close();
            return false;
        }

        _sendOffset += _args.BytesTransferred;
        return true;
    }

    private void OnAllSent()
    {
        if (_mode == ServerMode.Readline)
        {
            // Keep the partial line after the last newline at the start of the buffer.
            var rest = _filled - _sendEnd;
            if (rest > 0)
            {
                Buffer.BlockCopy(_buffer, _sendEnd, _buffer, 0, rest);
            }

            _filled = rest;
        }
    }

    /// <summary>No newline yet: grow the buffer toward the bound, or drop an endless line.</summary>
    private bool KeepPartialLine()
    {
        if (_filled >= _maxLineLength)
        {
            Close(); // an endless line: memory per connection stays bounded
            return false;
        }

        if (_filled == _buffer.Length)
        {
            var larger = ArrayPool<byte>.Shared.Rent(Math.Min(_buffer.Length * 2, _maxLineLength));
            Buffer.BlockCopy(_buffer, 0, larger, 0, _filled);
            ReturnRented();
            _buffer = larger;
        }

        return true;
    }

    private void ReturnRented()
    {
        if (!ReferenceEquals(_buffer, _ownBuffer))
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = _ownBuffer;
        }
    }

    /// <summary>Called once per connection, by whichever path saw it end; hands this object back to the pool.</summary>
    private void Close()
    {
        var socket = _socket!;
        _socket = null;
        socket.Dispose();
        ReturnRented();
        _filled = 0;
        _release(this, socket);
    }
}
