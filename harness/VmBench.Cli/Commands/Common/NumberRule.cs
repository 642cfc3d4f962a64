using System.Globalization;
using System.Numerics;

namespace VmBench.Cli.Commands.Common;

/// <summary>
/// What a numeric option accepts, in words and bounds: a finite number (parsed with the invariant culture)
/// between <see cref="Min"/> and <see cref="Max"/>, each inclusive or not. A value it refuses gets a message
/// naming the option, the value, what was expected and an example of a good one.
/// </summary>
public sealed record NumberRule<T>(string Words, T Min, bool MinIncluded, T Max, bool MaxIncluded, string Example)
    where T : struct, INumber<T>
{
    /// <summary>The accepted values in words, e.g. "a whole number of bytes from 2 to 67108864".</summary>
    public string Expected => $"{Words} {Bounds}";

    private string Bounds => (MinIncluded, MaxIncluded) switch
    {
        (true, true) => $"from {Format(Min)} to {Format(Max)}",
        (false, true) => $"more than {Format(Min)} and at most {Format(Max)}",
        (true, false) => $"from {Format(Min)} to less than {Format(Max)}",
        _ => $"more than {Format(Min)} and less than {Format(Max)}",
    };

    /// <summary>Parses one token; null and a message for <paramref name="option"/> when it is not a number in bounds.</summary>
    public T? Parse(string option, string token, out string? error)
    {
        var styles = typeof(T) == typeof(double) || typeof(T) == typeof(float) || typeof(T) == typeof(decimal) ? NumberStyles.Float : NumberStyles.Integer;
        if (T.TryParse(token, styles, CultureInfo.InvariantCulture, out var value) && T.IsFinite(value) && InBounds(value))
        {
            error = null;
            return value;
        }

        error = $"{option}: '{token}' is not valid: expected {Expected} (e.g. {option} {Example})";
        return null;
    }

    public string Missing(string option) => $"{option}: a value is missing: expected {Expected} (e.g. {option} {Example})";

    private bool InBounds(T value) =>
        (MinIncluded ? value >= Min : value > Min) && (MaxIncluded ? value <= Max : value < Max);

    private static string Format(T value) => value.ToString(null, CultureInfo.InvariantCulture);
}
