using System.Buffers;
using System.Runtime.InteropServices;
using VmBench.Servers.Kestrel.Internal;

namespace VmBench.Servers.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class BlockMemoryPoolTests
{
    private const int BlockSize = 128 * 1024;

    [Theory]
    [InlineData(-1)]
    [InlineData(1)]
    [InlineData(4096)]
    [InlineData(BlockSize)]
    public void Every_rent_is_a_whole_block_whatever_was_asked(int asked)
    {
        using var pool = new BlockMemoryPool(BlockSize, 4);

        using var block = pool.Rent(asked);

        Assert.Equal(BlockSize, block.Memory.Length);
        Assert.Equal(BlockSize, pool.MaxBufferSize);
    }

    [Fact]
    public void The_factory_kestrel_asks_for_makes_pools_of_the_configured_block()
    {
        using var pool = new BlockMemoryPoolFactory(BlockSize, 4).Create();

        Assert.Equal(BlockSize, pool.MaxBufferSize);
        using var block = pool.Rent(2048);
        Assert.Equal(BlockSize, block.Memory.Length);
    }

    [Fact]
    public void A_returned_block_is_rented_again()
    {
        using var pool = new BlockMemoryPool(BlockSize, 4);
        var first = pool.Rent();
        var array = ArrayOf(first);
        first.Dispose();

        using var second = pool.Rent();

        Assert.Same(array, ArrayOf(second));
    }

    [Fact]
    public void Only_the_retained_number_of_free_blocks_is_kept()
    {
        const int retained = 3;
        using var pool = new BlockMemoryPool(BlockSize, retained);
        var burst = Enumerable.Range(0, retained + 5).Select(_ => pool.Rent()).ToList();
        var arrays = burst.Select(ArrayOf).ToHashSet(ReferenceEqualityComparer.Instance);
        burst.ForEach(b => b.Dispose());

        var again = Enumerable.Range(0, retained + 5).Select(_ => pool.Rent()).ToList();

        Assert.Equal(retained, again.Count(b => arrays.Contains(ArrayOf(b))));
        again.ForEach(b => b.Dispose());
    }

    [Fact]
    public void Returning_a_block_twice_is_refused()
    {
        using var pool = new BlockMemoryPool(BlockSize, 4);
        var block = pool.Rent();
        block.Dispose();

        Assert.Throws<InvalidOperationException>(block.Dispose);
    }

    [Fact]
    public void Asking_for_more_than_a_block_is_refused()
    {
        using var pool = new BlockMemoryPool(BlockSize, 4);

        Assert.Throws<ArgumentOutOfRangeException>(() => pool.Rent(BlockSize + 1));
    }

    private static byte[] ArrayOf(IMemoryOwner<byte> owner)
    {
        Assert.True(MemoryMarshal.TryGetArray<byte>(owner.Memory, out var segment));
        return segment.Array!;
    }
}
