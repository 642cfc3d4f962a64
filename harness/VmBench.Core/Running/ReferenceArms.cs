using VmBench.Core.Model;

namespace VmBench.Core.Running;

/// <summary>
/// Adds the reference to a selection: for every protocol the selection uses, the reference server's benchmark
/// of that protocol (role Reference), and with A/A a second, independent instance of it (role AaArm).
/// </summary>
public static class ReferenceArms
{
    public sealed record Result(IReadOnlyList<Benchmark> Benchmarks, string? Error);

    /// <param name="all">Every discovered benchmark.</param>
    /// <param name="selected">What <c>--benchmarks</c> chose.</param>
    /// <param name="reference">The reference server's id; null for none.</param>
    public static Result Add(IReadOnlyList<Benchmark> all, IReadOnlyList<Benchmark> selected, string? reference, bool aa)
    {
        ArgumentNullException.ThrowIfNull(all);
        ArgumentNullException.ThrowIfNull(selected);
        if (reference is null)
        {
            return aa ? new Result([], "--aa measures the reference against itself: it needs a reference (drop --reference none)") : new Result(selected, null);
        }

        var candidates = all.Where(b => b.Server.Id == reference).ToArray();
        if (candidates.Length == 0)
        {
            var servers = string.Join(", ", all.Select(b => b.Server.Id).Distinct());
            return new Result([], $"--reference: no server '{reference}' was discovered (servers: {servers}); name one, or pass --reference none");
        }

        var references = candidates.Where(r => selected.Any(b => b.Protocol == r.Protocol)).Select(r => r with { Role = BenchmarkRole.Reference }).ToArray();
        var measured = selected.Where(b => b.Server.Id != reference).ToArray();
        var arms = aa ? references.Select(r => r with { Role = BenchmarkRole.AaArm }).ToArray() : [];
        return new Result([.. references, .. measured, .. arms], null);
    }
}
