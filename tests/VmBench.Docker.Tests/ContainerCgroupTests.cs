using VmBench.Runtimes.Docker.Internal;

namespace VmBench.Docker.Tests;

/// <summary>The cgroup files of a container, found through a fake /proc (no engine needed).</summary>
[Trait(Tier.Key, Tier.Fast)]
public sealed class ContainerCgroupTests : IDisposable
{
    private const string Id = "252fb11996ebbeac6f0e614396293978eb42bf06f8841e78c5187f910e5db692";
    private readonly string _root = Directory.CreateTempSubdirectory("vmbench-cgroup-").FullName;

    [Fact]
    public void Cgroup_v1_reads_cpuacct_in_nanoseconds_and_the_memory_files()
    {
        var cpu = Write($"fs/cpuacct/docker/{Id}/cpuacct.usage", "2500000000\n");
        Write($"fs/memory/docker/{Id}/memory.usage_in_bytes", "1048576\n");
        Write($"fs/memory/docker/{Id}/memory.max_usage_in_bytes", "4194304\n");
        Proc($"4:memory:/docker/{Id}\n2:cpuacct:/docker/{Id}\n1:cpu:/docker/{Id}\n0::/docker/{Id}\n",
            $"30 25 0:26 / {_root}/fs/cpuacct rw,relatime shared:8 - cgroup cgroup rw,cpuacct\n31 25 0:27 / {_root}/fs/memory rw,relatime shared:9 - cgroup cgroup rw,memory\n");

        var cgroup = ContainerCgroup.Find(42, Id, Path.Combine(_root, "proc"));

        Assert.NotNull(cgroup);
        Assert.Equal((2.5, 1048576L, 4194304L), cgroup.Read());
        File.WriteAllText(cpu, "4000000000\n");
        Assert.Equal(4.0, cgroup.Read()!.Value.CpuSeconds);
    }

    [Fact]
    public void Cgroup_v2_reads_usage_usec_from_cpu_stat()
    {
        Write($"fs/unified/system.slice/docker-{Id}.scope/cpu.stat", "usage_usec 1500000\nuser_usec 1000000\nsystem_usec 500000\n");
        Write($"fs/unified/system.slice/docker-{Id}.scope/memory.current", "2097152\n");
        Proc($"0::/system.slice/docker-{Id}.scope\n", $"25 24 0:22 / {_root}/fs/unified rw,nosuid - cgroup2 cgroup2 rw,nsdelegate\n");

        var usage = ContainerCgroup.Find(42, Id, Path.Combine(_root, "proc"))!.Read();

        Assert.Equal((1.5, 2097152L, 2097152L), usage);
    }

    [Fact]
    public void A_process_whose_cgroup_does_not_name_the_container_is_not_trusted()
    {
        Write("fs/unified/user.slice/cpu.stat", "usage_usec 1\n");
        Proc("0::/user.slice\n", $"25 24 0:22 / {_root}/fs/unified rw - cgroup2 cgroup2 rw\n");

        Assert.Null(ContainerCgroup.Find(42, Id, Path.Combine(_root, "proc")));
        Assert.Null(ContainerCgroup.Find(43, Id, Path.Combine(_root, "proc"))); // no such process
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, string text)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private void Proc(string cgroup, string mountinfo)
    {
        Write("proc/42/cgroup", cgroup);
        Write("proc/self/mountinfo", mountinfo);
    }
}
