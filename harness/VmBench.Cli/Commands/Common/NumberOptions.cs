using System.CommandLine;
using System.CommandLine.Parsing;
using System.Numerics;

namespace VmBench.Cli.Commands.Common;

/// <summary>
/// Numeric options whose values are checked while parsing against a <see cref="NumberRule{T}"/>, so a bad
/// value (NaN, Infinity, out of bounds, not a number, missing) is refused before anything starts, and whose
/// help states the bounds. Their arity is left open so that a missing value gets vmbench's message, not the parser's.
/// </summary>
public static class NumberOptions
{
    public static Option<T> Single<T>(string name, string[] aliases, string description, NumberRule<T> rule, T defaultValue)
        where T : struct, INumber<T> => Checked(
            new Option<T>(name, aliases)
            {
                Description = Describe(description, rule),
                Arity = ArgumentArity.ZeroOrOne,
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => ParseAll(result, rule).FirstOrDefault(defaultValue),
            },
            rule);

    /// <summary>An option without a default: null when it is left out.</summary>
    public static Option<T?> Optional<T>(string name, string[] aliases, string description, NumberRule<T> rule)
        where T : struct, INumber<T> => Checked(
            new Option<T?>(name, aliases)
            {
                Description = Describe(description, rule),
                Arity = ArgumentArity.ZeroOrOne,
                CustomParser = result => ParseAll(result, rule).Select(v => (T?)v).FirstOrDefault(),
            },
            rule);

    /// <summary>One or more values after the option (<c>--sizes 1024 10240</c>).</summary>
    public static Option<T[]> List<T>(string name, string[] aliases, string description, NumberRule<T> rule, T[] defaultValue)
        where T : struct, INumber<T> => Checked(
            new Option<T[]>(name, aliases)
            {
                Description = Describe(description, rule),
                AllowMultipleArgumentsPerToken = true,
                Arity = ArgumentArity.ZeroOrMore,
                DefaultValueFactory = _ => defaultValue,
                CustomParser = result => ParseAll(result, rule),
            },
            rule);

    private static Option<TOption> Checked<TOption, T>(Option<TOption> option, NumberRule<T> rule)
        where T : struct, INumber<T>
    {
        option.Validators.Add(result =>
        {
            if (!result.Implicit && result.Tokens.Count == 0)
            {
                result.AddError(rule.Missing(option.Name));
            }
        });
        return option;
    }

    private static string Describe<T>(string description, NumberRule<T> rule)
        where T : struct, INumber<T> => $"{description} ({rule.Expected})";

    private static T[] ParseAll<T>(ArgumentResult result, NumberRule<T> rule)
        where T : struct, INumber<T>
    {
        var option = result.Parent is OptionResult parent ? parent.Option.Name : result.Argument.Name;
        var values = new List<T>();
        foreach (var token in result.Tokens)
        {
            if (rule.Parse(option, token.Value, out var error) is { } value)
            {
                values.Add(value);
            }
            else
            {
                result.AddError(error!);
            }
        }

        return [.. values];
    }
}
