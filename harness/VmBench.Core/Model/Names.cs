namespace VmBench.Core.Model;

/// <summary>The manifest spelling of the model's enums (one place, used by parsing and printing).</summary>
public static class Names
{
    public static string Of(Mode mode) => mode switch
    {
        Mode.Echo => "echo",
        Mode.Readline => "readline",
        Mode.Http => "http",
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    public static string Of(AddressKind kind) => kind switch
    {
        AddressKind.Tcp => "tcp",
        AddressKind.Unix => "unix",
        AddressKind.Tls => "tls",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(BuildKind kind) => kind switch
    {
        BuildKind.Dotnet => "dotnet",
        BuildKind.Command => "command",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public static string Of(CpuUse use) => use switch
    {
        CpuUse.One => "one",
        CpuUse.All => "all",
        _ => throw new ArgumentOutOfRangeException(nameof(use)),
    };

    public static bool TryParse(string text, out CpuUse use) => TryParse(text, Of, out use);

    public static bool TryParse(string text, out Mode mode) => TryParse(text, Of, out mode);

    public static bool TryParse(string text, out AddressKind kind) => TryParse(text, Of, out kind);

    public static bool TryParse(string text, out BuildKind kind) => TryParse(text, Of, out kind);

    /// <summary>The value of <typeparamref name="T"/> whose spelling (<paramref name="of"/>) is <paramref name="text"/>.</summary>
    private static bool TryParse<T>(string text, Func<T, string> of, out T value)
        where T : struct, Enum
    {
        foreach (var candidate in Enum.GetValues<T>())
        {
            if (of(candidate) == text)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
