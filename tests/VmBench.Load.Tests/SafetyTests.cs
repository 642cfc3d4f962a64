using VmBench.Core.Load;
using VmBench.Core.Model;

namespace VmBench.Load.Tests;

[Trait(Tier.Key, Tier.Fast)]
public sealed class SafetyTests
{
    private readonly LoadGenerator _load = new();

    [Theory]
    [InlineData("10.1.2.3:7000")]
    [InlineData("192.168.0.1:80")]
    [InlineData("[2001:db8::1]:80")]
    [InlineData("vmbench-no-such-host.invalid:80")]
    public async Task NonLoopbackTargetsAreRefusedWithoutTheOptIn(string address)
    {
        var ex = await Assert.ThrowsAsync<NonLoopbackTargetException>(() => _load.RunAsync(Specs.Echo(Address.Parse(address)), null, CancellationToken.None));

        Assert.IsAssignableFrom<ArgumentException>(ex);
        Assert.Contains("--allow-remote", ex.Message, StringComparison.Ordinal);
        Assert.Contains(address, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHostNameIsRefusedWithoutALookup()
    {
        // A lookup of a .invalid name fails (RFC 6761), which would be an ArgumentException about resolving, not the refusal.
        var ex = await Assert.ThrowsAsync<NonLoopbackTargetException>(() => _load.RunAsync(Specs.Echo(Address.Parse("vmbench-no-such-host.invalid:7000")), null, CancellationToken.None));

        Assert.Contains("not looked up", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithTheOptInAHostNameIsLookedUp()
    {
        var spec = Specs.Echo(Address.Parse("vmbench-no-such-host.invalid:7000")) with { AllowNonLoopback = true };
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _load.RunAsync(spec, null, CancellationToken.None));

        Assert.Contains("cannot resolve", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 1024, 1, 1.0, "concurrency")]
    [InlineData(1, 0, 1, 1.0, "message size")]
    [InlineData(1, 1024, 0, 1.0, "messages per request")]
    [InlineData(1, 1024, 1, 0.0, "duration")]
    public async Task BadSpecsAreRefusedWithAMessageNamingTheField(int concurrency, int size, int perRequest, double seconds, string field)
    {
        var spec = new LoadSpec(Address.Parse("127.0.0.1:9"), Mode.Echo, size, concurrency, perRequest, TimeSpan.FromSeconds(seconds), TimeSpan.Zero);
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _load.RunAsync(spec, null, CancellationToken.None));

        Assert.Contains(field, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadlineNeedsRoomForAPrintableByteAndTheNewline()
    {
        var spec = new LoadSpec(Address.Parse("127.0.0.1:9"), Mode.Readline, 1, 1, 5, TimeSpan.FromSeconds(1), TimeSpan.Zero);
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _load.RunAsync(spec, null, CancellationToken.None));

        Assert.Contains("at least 2 bytes in readline mode", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANegativeRateIsRefused()
    {
        var ex = await Assert.ThrowsAnyAsync<ArgumentException>(() => _load.RunAsync(Specs.Echo(Address.Parse("127.0.0.1:9"), rate: -5), null, CancellationToken.None));

        Assert.Contains("rate", ex.Message, StringComparison.Ordinal);
    }
}
