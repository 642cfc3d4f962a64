using System.Reflection;

namespace VmBench.Testing;

/// <summary>
/// The test tiers, named once: every test class carries exactly one, <c>[Trait(Tier.Key, Tier.Fast)]</c> at its
/// declaration, and tests/run-tests.sh runs them by name (<c>--filter Tier=fast</c>), the fast tier first.
/// </summary>
public static class Tier
{
    public const string Key = "Tier";

    /// <summary>In-process tests of seconds: nothing built, no child process but a short-lived tool (bash, mkfifo, mount).</summary>
    public const string Fast = "fast";

    /// <summary>Tests that start real processes: vmbench itself, servers built from servers/, dotnet, node, Chromium.</summary>
    public const string Process = "process";

    /// <summary>Tests that need a Docker engine.</summary>
    public const string Docker = "docker";

    /// <summary>The robustness suite: hostile clients against every server, harness and process faults.</summary>
    public const string Robustness = "robustness";

    public static IReadOnlyList<string> All { get; } = [Fast, Process, Docker, Robustness];

    /// <summary>Each test class of <paramref name="assembly"/> without exactly one known tier, with what it has.</summary>
    public static IReadOnlyList<string> Problems(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        return assembly.GetTypes()
            .Where(t => t.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute), inherit: true)))
            .Select(t => (Type: t, Tiers: TiersOf(t).Concat(t.GetMethods().SelectMany(TiersOf)).ToArray()))
            .Where(c => c.Tiers.Length != 1 || !All.Contains(c.Tiers[0]))
            .Select(c => $"{c.Type.FullName}: {(c.Tiers.Length == 0 ? "no tier" : "tiers " + string.Join(", ", c.Tiers))}; give the class exactly one [Trait(Tier.Key, Tier.X)], X one of {string.Join(", ", All)}")
            .ToArray();
    }

    private static IEnumerable<string> TiersOf(MemberInfo member) =>
        member.GetCustomAttributesData()
            .Where(a => a.AttributeType == typeof(TraitAttribute) && Equals(a.ConstructorArguments[0].Value, Key))
            .Select(a => a.ConstructorArguments[1].Value as string ?? "(null)");
}
