using System.Text.Json;
using VmBench.Core.Text;

namespace VmBench.Core.Catalog;

/// <summary>The fields an object of a manifest may have: every other one is named, with the known field it is closest to.</summary>
internal sealed class KnownFields
{
    private readonly string[] _names;

    public KnownFields(params string[] names) => _names = names;

    public IReadOnlyList<string> Names => _names;

    /// <summary>Reports each field of <paramref name="element"/> that is not known; <paramref name="prefix"/> is the object's path ("build", "requires[0]"), empty for the root.</summary>
    public void Check(JsonElement element, string prefix, Action<string, string> error)
    {
        foreach (var property in element.EnumerateObject().Where(p => !_names.Contains(p.Name, StringComparer.Ordinal)))
        {
            var name = prefix.Length == 0 ? property.Name : $"{prefix}.{property.Name}";
            var near = Nearest(property.Name);
            var hint = near is null ? string.Empty : $"; did you mean \"{near}\"?";
            error(name, $"unknown field{hint} (known: {string.Join(", ", _names.Where(f => !f.StartsWith('$')))})");
        }
    }

    /// <summary>The known name a typo most likely meant: at most one edit per three letters (at least one), or null.</summary>
    public string? Nearest(string name)
    {
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var known in _names)
        {
            var distance = EditDistance.Between(name.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance <= Math.Max(1, known.Length / 3) && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }
}
