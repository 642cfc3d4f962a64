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

    public static bool TryParse(string text, out Mode mode)
    {
        foreach (var candidate in Enum.GetValues<Mode>())
        {
            if (Of(candidate) == text)
            {
                mode = candidate;
                return true;
            }
        }

        mode = default;
        return false;
    }

    public static bool TryParse(string text, out AddressKind kind)
    {
        foreach (var candidate in Enum.GetValues<AddressKind>())
        {
            if (Of(candidate) == text)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    public static bool TryParse(string text, out BuildKind kind)
    {
        foreach (var candidate in Enum.GetValues<BuildKind>())
        {
            if (Of(candidate) == text)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
