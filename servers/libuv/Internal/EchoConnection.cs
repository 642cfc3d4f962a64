using VmBench.Servers.Hosting;
using VmBench.Servers.Libuv.Interop;

namespace VmBench.Servers.Libuv.Internal;

/// <summary>
/// One accepted stream. Echo: each read lands in a pooled native block that is written straight back
/// (<c>uv_try_write</c> first; a queued <c>uv_write</c> for whatever the kernel did not take) and
/// returned to the pool once sent. Readline: complete lines are sent the same way; the unterminated
/// rest is kept in a carry buffer bounded by <see cref="ServerOptions.MaxLineLength"/>.
/// Reading pauses while too many bytes wait to be sent, so a client that does not read stays bounded.
/// </summary>
internal sealed unsafe class EchoConnection : IUvStreamHandler, IUvShutdownCallback
{
    private const int PauseReadingAt = 256 * 1024;
    private const int ResumeReadingBelow = 64 * 1024;

    private readonly EchoLoopContext _context;
    private readonly UvStreamHandle _stream;
    private int _pendingBytes;
    private bool _paused;
    private bool _endOfFile;
    private bool _closed;
    private BufferBlock _carry;
    private int _carryLength;

    public EchoConnection(EchoLoopContext context, UvStreamHandle stream)
    {
        _context = context;
        _stream = stream;
    }

    private bool IsClosed => _closed || _stream.IsClosed;

    public void Start()
    {
        if (_stream.ReadStart(this) < 0)
        {
            Close();
        }
    }

    public void OnAlloc(nuint suggestedSize, UvBuf* buffer)
    {
        var block = _context.Buffers.Rent();
        buffer->Base = (byte*)block.Pointer;
        buffer->Length = (nuint)block.Capacity;
    }

    public void OnRead(nint nread, UvBuf* buffer)
    {
        var block = new BufferBlock((nint)buffer->Base, NativeBufferPool.BlockSize);
        if (nread > 0)
        {
            if (_context.Readline)
            {
                Readline(block, (int)nread);
            }
            else
            {
                var send = new UvBuf(buffer->Base, (int)nread);
                Send(&send, 1, (int)nread, block, default);
            }

            return;
        }

        _context.Buffers.Return(block);
        if (nread == 0)
        {
            return; // EAGAIN: nothing to read after all
        }

        if (nread == UvErrors.EndOfFile)
        {
            OnEndOfFile();
        }
        else
        {
            Close(); // ECONNRESET and friends
        }
    }

    public void OnWriteCompleted(int bytes, int status)
    {
        _pendingBytes -= bytes;
        if (status < 0)
        {
            Close();
            return;
        }

        if (_paused && _pendingBytes < ResumeReadingBelow && !_endOfFile && !IsClosed)
        {
            _paused = false;
            if (_stream.ReadStart(this) < 0)
            {
                Close();
            }
        }
    }

    public void OnShutdownCompleted(UvShutdownRequest request, int status)
    {
        request.Dispose();
        Close();
    }

    public void OnClosed()
    {
        _closed = true;
        _context.Buffers.Return(_carry);
        _carry = default;
        _carryLength = 0;
    }

    private void Readline(BufferBlock block, int count)
    {
        var data = (byte*)block.Pointer;
        var complete = LineScanner.CompleteLength(new ReadOnlySpan<byte>(data, count));
        if (complete == 0)
        {
            var kept = AppendCarry(data, count);
            _context.Buffers.Return(block);
            if (!kept)
            {
                Close(); // an endless line: drop the connection, memory stays bounded
            }

            return;
        }

        if (!LineScanner.LinesFit(new ReadOnlySpan<byte>(data, complete), _carryLength, _context.MaxLineLength))
        {
            _context.Buffers.Return(block);
            Close(); // a line longer than the bound: drop the connection, as every server does
            return;
        }

        // Send the carried start of the first line and the complete lines of this read as they
        // are (no copy): both blocks belong to the write now; the rest starts a new carry.
        var buffers = stackalloc UvBuf[2];
        var buffersCount = 0;
        var total = complete;
        var carry = _carry;
        if (_carryLength > 0)
        {
            buffers[buffersCount++] = new UvBuf((byte*)carry.Pointer, _carryLength);
            total += _carryLength;
        }

        buffers[buffersCount++] = new UvBuf(data, complete);
        _carry = default;
        _carryLength = 0;
        var remainder = count - complete;
        var remainderKept = remainder == 0 || AppendCarry(data + complete, remainder);
        Send(buffers, buffersCount, total, carry, block);
        if (!remainderKept)
        {
            Close();
        }
    }

    private bool AppendCarry(byte* data, int count)
    {
        var needed = _carryLength + count;
        if (needed >= _context.MaxLineLength)
        {
            return false;
        }

        if (needed > _carry.Capacity)
        {
            var capacity = _carry.IsEmpty ? NativeBufferPool.BlockSize : _carry.Capacity;
            while (capacity < needed)
            {
                capacity *= 2;
            }

            var larger = _context.Buffers.Allocate(Math.Min(capacity, _context.MaxLineLength));
            if (_carryLength > 0)
            {
                Buffer.MemoryCopy((void*)_carry.Pointer, (void*)larger.Pointer, larger.Capacity, _carryLength);
            }

            _context.Buffers.Return(_carry);
            _carry = larger;
        }

        Buffer.MemoryCopy(data, (byte*)_carry.Pointer + _carryLength, _carry.Capacity - _carryLength, count);
        _carryLength = needed;
        return true;
    }

    /// <summary>Sends <paramref name="total"/> bytes described by <paramref name="buffers"/>, then returns both blocks to the pool.</summary>
    private void Send(UvBuf* buffers, int count, int total, BufferBlock first, BufferBlock second)
    {
        // With writes queued uv_try_write would answer EAGAIN anyway: skip the call.
        var written = _pendingBytes == 0 ? _stream.TryWrite(buffers, count) : UvErrors.TryAgain;
        if (written == total)
        {
            _context.Buffers.Return(first);
            _context.Buffers.Return(second);
            return;
        }

        if (written < 0)
        {
            if (written != UvErrors.TryAgain)
            {
                _context.Buffers.Return(first);
                _context.Buffers.Return(second);
                Close(); // EPIPE, ECONNRESET: the peer is gone
                return;
            }

            written = 0;
        }

        // Skip what the kernel took; libuv sends the rest when the socket is writable.
        while (written > 0)
        {
            var length = (int)buffers->Length;
            if (written >= length)
            {
                written -= length;
                buffers++;
                count--;
                total -= length;
            }
            else
            {
                buffers->Base += written;
                buffers->Length -= (nuint)written;
                total -= written;
                written = 0;
            }
        }

        var write = _context.RentWrite();
        if (write.Submit(this, _stream, buffers, count, total, first, second) < 0)
        {
            Close();
            return;
        }

        _pendingBytes += total;
        if (!_paused && _pendingBytes >= PauseReadingAt)
        {
            _paused = true;
            _stream.ReadStop();
        }
    }

    private void OnEndOfFile()
    {
        // The peer half-closed: drop an unterminated line, let queued writes finish, shut our
        // write side (uv_shutdown waits for them), then close.
        _endOfFile = true;
        _context.Buffers.Return(_carry);
        _carry = default;
        _carryLength = 0;
        var request = new UvShutdownRequest(_context.Loop);
        if (_stream.Shutdown(request, this) < 0)
        {
            request.Dispose();
            Close();
        }
    }

    private void Close()
    {
        if (IsClosed)
        {
            return;
        }

        _closed = true;
        _stream.Dispose();
    }
}
