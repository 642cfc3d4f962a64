using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;

namespace VmBench.Servers.Kestrel.Internal;

/// <summary>
/// Kestrel's memory pool with larger blocks. Kestrel's own pool hands out 4 KiB blocks, and its
/// socket transport receives into one block at a time, so a 100 KiB message costs 25 receives,
/// 25 flushes and 25 sends; with blocks the size of a socket read it costs one or two of each.
/// Registered as the <see cref="IMemoryPoolFactory{T}"/> the transport asks the container for.
/// </summary>
internal sealed class BlockMemoryPoolFactory(int blockSize, int retainedBlocks) : IMemoryPoolFactory<byte>
{
    public MemoryPool<byte> Create(MemoryPoolOptions? options = null) => new BlockMemoryPool(blockSize, retainedBlocks);
}

/// <summary>
/// Fixed-size pinned blocks, each its own reusable owner (a rent allocates nothing once warm).
/// At most <c>retainedBlocks</c> free blocks are kept; the rest go back to the GC, so a burst of
/// connections does not pin its peak memory for the life of the process.
/// </summary>
internal sealed class BlockMemoryPool : MemoryPool<byte>
{
    /// <summary>128 KiB: a 100 KiB message is read in one go, as the C reference server reads it.</summary>
    public const int DefaultBlockSize = 128 * 1024;

    /// <summary>Free blocks kept for reuse (4 MiB); more than that were a burst, and go back to the GC.</summary>
    public const int DefaultRetainedBlocks = 32;

    private readonly ConcurrentQueue<Block> _free = new();
    private readonly int _blockSize;
    private readonly int _retainedBlocks;
    private int _freeCount;
    private bool _disposed;

    public BlockMemoryPool(int blockSize, int retainedBlocks)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(blockSize, 4096);
        ArgumentOutOfRangeException.ThrowIfNegative(retainedBlocks);
        _blockSize = blockSize;
        _retainedBlocks = retainedBlocks;
    }

    public override int MaxBufferSize => _blockSize;

    public override IMemoryOwner<byte> Rent(int minBufferSize = -1)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minBufferSize, _blockSize);
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_free.TryDequeue(out var block))
        {
            Interlocked.Decrement(ref _freeCount);
            block.Rented = true;
            return block;
        }

        return new Block(this, GC.AllocateUninitializedArray<byte>(_blockSize, pinned: true)) { Rented = true };
    }

    protected override void Dispose(bool disposing)
    {
        _disposed = true;
        _free.Clear();
    }

    private void Return(Block block)
    {
        if (_disposed || Interlocked.Increment(ref _freeCount) > _retainedBlocks)
        {
            Interlocked.Decrement(ref _freeCount);
            return; // dropped: the GC takes it back
        }

        _free.Enqueue(block);
    }

    private sealed class Block(BlockMemoryPool pool, byte[] array) : IMemoryOwner<byte>
    {
        public bool Rented { get; set; }

        public Memory<byte> Memory => array;

        public void Dispose()
        {
            if (!Rented)
            {
                throw new InvalidOperationException("A memory block was returned to the pool twice.");
            }

            Rented = false;
            pool.Return(this);
        }
    }
}
