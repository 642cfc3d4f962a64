namespace VmBench.Reporting.Charts;

/// <summary>
/// One colour per server, the same in every chart and in every report: a server's colour comes from a stable
/// hash of its id (FNV-1a, not <see cref="string.GetHashCode()"/>, which changes from process to process), so
/// libuv is drawn in the same colour whatever else was run. Two servers of one report whose hashes land on the
/// same colour are told apart by giving the later one (ordinal order) the next free colour. Shades of a
/// server's colour tell apart its variations and its A/A arm.
/// </summary>
public sealed class ServerPalette
{
    /// <summary>d3/matplotlib Category10.</summary>
    public static IReadOnlyList<string> Category10 { get; } =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>Category10 then the dark colours of d3's Category20b: saturated enough to keep a lighter shade apart.</summary>
    public static IReadOnlyList<string> Colors { get; } =
    [
        .. Category10,
        "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#5254a3",
    ];

    private readonly Dictionary<string, string> _colors;

    public ServerPalette(IEnumerable<string> serverIds)
    {
        ArgumentNullException.ThrowIfNull(serverIds);
        _colors = new Dictionary<string, string>(StringComparer.Ordinal);
        var taken = new HashSet<int>();
        foreach (var id in serverIds.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var slot = SlotOf(id);
            for (var probe = 0; probe < Colors.Count && taken.Contains(slot); probe++)
            {
                slot = (slot + 1) % Colors.Count;
            }

            taken.Add(slot);
            _colors[id] = Colors[slot];
        }
    }

    public IReadOnlyCollection<string> Servers => _colors.Keys;

    /// <summary>The colour a server takes when no other server of its report claims it first.</summary>
    public static string PreferredColorOf(string serverId)
    {
        ArgumentNullException.ThrowIfNull(serverId);
        return Colors[SlotOf(serverId)];
    }

    public string ColorOf(string serverId) => _colors.TryGetValue(serverId, out var color) ? color : "#333333";

    /// <summary>The server's colour mixed with white (<paramref name="towardsWhite"/> 0..1), for the variations of one server.</summary>
    public string ShadeOf(string serverId, double towardsWhite)
    {
        var color = ColorOf(serverId);
        var t = Math.Clamp(towardsWhite, 0, 1);
        int Mix(int start) => (int)Math.Round(Convert.ToInt32(color.Substring(start, 2), 16) + ((255 - Convert.ToInt32(color.Substring(start, 2), 16)) * t));
        return $"#{Mix(1):x2}{Mix(3):x2}{Mix(5):x2}";
    }

    /// <summary>FNV-1a (32 bit) of the id's UTF-16 code units, into the palette.</summary>
    private static int SlotOf(string serverId)
    {
        var hash = 2166136261u;
        foreach (var c in serverId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash % (uint)Colors.Count);
    }
}
