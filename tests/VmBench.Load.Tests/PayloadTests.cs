using VmBench.Core.Model;
using VmBench.Load.Internal;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class PayloadTests
{
    [Theory]
    [InlineData(1024)]
    [InlineData(102400)]
    [InlineData(1000)]
    public void EveryEchoWindowStartsOnACacheLine(int size)
    {
        using var payload = Payload.Create(Mode.Echo, size, 1, "localhost");

        for (var variant = 0; variant < payload.Variants; variant++)
        {
            Assert.Equal(0, payload.WindowAddress(variant) % Payload.Alignment);
        }

        Assert.True((long)(payload.Variants - 1) * payload.VariantStride + payload.RequestBytes <= payload.Length);
    }

    [Fact]
    public void ConsecutiveRequestsAndNeighbouringConnectionsSendDifferentBytes()
    {
        using var payload = Payload.Create(Mode.Echo, 102400, 1, "localhost");

        for (var variant = 0; variant + 1 < payload.Variants; variant++)
        {
            Assert.False(payload.Window(variant).SequenceEqual(payload.Window(variant + 1)), $"windows {variant} and {variant + 1} are equal");
        }

        var first = Enumerable.Range(0, 100).Select(payload.FirstVariant).ToArray();
        Assert.Equal(first.Length, first.Distinct().Count());
    }
}
