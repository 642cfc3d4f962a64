using System.Text.Json;

namespace VmBench.Core.Catalog;

/// <summary>The fields an object of a manifest may have: every other one is named, with the known field it is closest to.</summary>
internal sealed class KnownFields
{
    private readonly string[] _names;

    public KnownFields(params string[] names) => _names = names;

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
            var distance = Distance(name.ToLowerInvariant(), known.ToLowerInvariant());
            if (distance <= Math.Max(1, known.Length / 3) && distance < bestDistance)
            {
                best = known;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Edits (insert, delete, substitute, swap two neighbours) that turn <paramref name="a"/> into <paramref name="b"/>.</summary>
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
