namespace VmBench.Servers.Libuv.Internal;

/// <summary>A block of native memory (a pooled read block, or a readline carry buffer of another size); empty when <see cref="Pointer"/> is 0.</summary>
internal readonly record struct BufferBlock(nint Pointer, int Capacity)
{
    public bool IsEmpty => Pointer == IntPtr.Zero;
}
