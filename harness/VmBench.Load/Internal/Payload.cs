using System.Runtime.InteropServices;
using System.Text;
using VmBench.Core.Model;

namespace VmBench.Load.Internal;

/// <summary>
/// What the connections send, in one native buffer shared by all of them. Request k of a connection is the
/// window starting at variant v = (connection x 97 + k) mod Variants, so neighbouring connections and
/// consecutive requests send different bytes (a server that mixes connections or repeats a stale buffer is
/// caught) without copying anything per request. Echo: random bytes, windows 64 bytes apart, so every window
/// starts on a cache line (the kernel's copy from it and the comparison with it run aligned; windows 1 byte
/// apart left both unaligned for most requests); readline: random printable lines, windows
/// one line apart; http: the fixed GET request. The buffer is 64-byte aligned.
/// </summary>
internal sealed unsafe class Payload : IDisposable
{
    private const int EchoVariants = 1021;
    private const int ReadlineVariants = 31;
    /// <summary>Echo windows start a cache line apart.</summary>
    public const int EchoStride = 64;

    /// <summary>The buffer's alignment (a cache line).</summary>
    public const int Alignment = 64;

    private byte* _buffer;

    private Payload(byte* buffer, long length, int requestBytes, int variants, int variantStride)
    {
        _buffer = buffer;
        Length = length;
        RequestBytes = requestBytes;
        Variants = variants;
        VariantStride = variantStride;
    }

    public byte* Base => _buffer;

    public long Length { get; }

    /// <summary>Bytes sent per request (echo and readline: also the bytes expected back).</summary>
    public int RequestBytes { get; }

    public int Variants { get; }

    public int VariantStride { get; }

    public static Payload Create(Mode mode, int messageSize, int messagesPerRequest, string host)
    {
        switch (mode)
        {
            case Mode.Http:
            {
                var request = Encoding.ASCII.GetBytes($"GET / HTTP/1.1\r\nHost: {host}\r\n\r\n");
                var buffer = (byte*)NativeMemory.AlignedAlloc((nuint)request.Length, Alignment);
                request.CopyTo(new Span<byte>(buffer, request.Length));
                return new Payload(buffer, request.Length, request.Length, 1, 0);
            }

            case Mode.Readline:
            {
                var requestBytes = checked(messageSize * messagesPerRequest);
                var lines = messagesPerRequest + ReadlineVariants - 1;
                var length = (long)lines * messageSize;
                var buffer = (byte*)NativeMemory.AlignedAlloc((nuint)length, Alignment);
                var random = new Random(0x5EED);
                var span = new Span<byte>(buffer, checked((int)length));
                for (var i = 0; i < span.Length; i++)
                {
                    span[i] = (i + 1) % messageSize == 0 ? (byte)'\n' : (byte)random.Next(0x21, 0x7F);
                }

                return new Payload(buffer, length, requestBytes, ReadlineVariants, messageSize);
            }

            default:
            {
                var requestBytes = checked(messageSize * messagesPerRequest);
                var length = (long)requestBytes + ((long)(EchoVariants - 1) * EchoStride);
                var buffer = (byte*)NativeMemory.AlignedAlloc((nuint)length, Alignment);
                new Random(0x5EED).NextBytes(new Span<byte>(buffer, checked((int)length)));
                return new Payload(buffer, length, requestBytes, EchoVariants, EchoStride);
            }
        }
    }

    /// <summary>Where request window <paramref name="variant"/> starts (its address, for alignment checks).</summary>
    public nint WindowAddress(int variant) => (nint)(_buffer + ((long)variant * VariantStride));

    /// <summary>The bytes request window <paramref name="variant"/> sends.</summary>
    public ReadOnlySpan<byte> Window(int variant) => new(_buffer + ((long)variant * VariantStride), RequestBytes);

    public int FirstVariant(int connection) => (int)((long)connection * 97 % Variants);

    public void Dispose()
    {
        if (_buffer is not null)
        {
            NativeMemory.AlignedFree(_buffer);
            _buffer = null;
        }
    }
}
