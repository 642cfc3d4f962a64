using VmBench.Core.Runtimes;

namespace VmBench.Core.Tests.Runtimes;

[Trait(Tier.Key, Tier.Fast)]
public sealed class OpenFileLimitTests
{
    [Fact]
    public void A_limit_that_already_holds_is_left_as_it_is()
    {
        var before = OpenFileLimit.Current;
        Assert.NotNull(before);
        Assert.Null(OpenFileLimit.Ensure(before.Value));
        Assert.Equal(before, OpenFileLimit.Current);
    }

    [Fact]
    public void A_limit_the_kernel_refuses_is_named_with_the_fix()
    {
        // Above fs.nr_open no process may hold that many, root or not.
        var ceiling = long.Parse(File.ReadAllText("/proc/sys/fs/nr_open").Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var before = OpenFileLimit.Current;
        var problem = OpenFileLimit.Ensure(ceiling + 1);

        Assert.NotNull(problem);
        Assert.Contains($"{ceiling + 1} descriptors are needed", problem, StringComparison.Ordinal);
        Assert.Contains("ulimit -n", problem, StringComparison.Ordinal);
        Assert.Equal(before, OpenFileLimit.Current);
    }

    [Fact]
    public void Servers_get_the_limit_of_this_process_at_most_the_kernel_default_ceiling()
    {
        Assert.Equal(Math.Min(OpenFileLimit.Current!.Value, OpenFileLimit.Ceiling), OpenFileLimit.ForServers);
        Assert.Equal(10_000 + OpenFileLimit.Headroom, OpenFileLimit.Needed(10_000));
    }
}
