using VmBench.Core.Model;

namespace VmBench.Reporting.Tables;

/// <summary>Benchmark roles as the tables print them.</summary>
internal static class RoleText
{
    public static string Of(BenchmarkRole role) => role switch
    {
        BenchmarkRole.Reference => "reference",
        BenchmarkRole.AaArm => "a/a arm",
        _ => "measured",
    };
}
