using BenchmarkDotNet.Attributes;
using VmBench.Core.Model;
using VmBench.Load.Internal;

namespace VmBench.Micro.HotPath;

/// <summary>
/// The load client's check of every echoed chunk (EventLoop.OnEchoReadable): the received bytes compared
/// with the request's window of the shared <see cref="Payload"/> buffer, one whole request at a time.
/// </summary>
[MemoryDiagnoser]
public unsafe class PayloadVerificationBenchmarks
{
    private Payload _payload = null!;
    private byte[] _received = [];
    private int _offset;

    [Params(1, 1024, 64 * 1024)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _payload = Payload.Create(Mode.Echo, Size, 1, "127.0.0.1");
        _offset = _payload.FirstVariant(7) * _payload.VariantStride;
        _received = new ReadOnlySpan<byte>(_payload.Base + _offset, Size).ToArray();
    }

    [Benchmark]
    public bool VerifyEcho()
    {
        var actual = new ReadOnlySpan<byte>(_received);
        var expected = new ReadOnlySpan<byte>(_payload.Base + _offset, actual.Length);
        return actual.SequenceEqual(expected);
    }

    [GlobalCleanup]
    public void Cleanup() => _payload.Dispose();
}
