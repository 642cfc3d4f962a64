namespace VmBench.Cli.Tests.Commands.Common;

/// <summary>Bad input, whichever verb or the parser finds it: one layout, the value named, what was expected in words, the fix.</summary>
[Trait(Tier.Key, Tier.Process)]
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "vmbench-cli-errors-" + Guid.NewGuid().ToString("N"));

    public CommandLineErrorTests()
    {
        Directory.CreateDirectory(_temp);
        File.WriteAllText(Blocker, "a file, not a folder");
    }

    private string Blocker => Path.Combine(_temp, "blocker");

    [Theory]
    [InlineData("'run'", "rnu")]
    [InlineData("'list'", "lsit")]
    [InlineData("'--sizes'", "run", "--sizs", "1024")]
    [InlineData("'--addr'", "load", "--adr", "127.0.0.1:1")]
    [InlineData("'--threshold'", "compare", "a", "b", "--treshold", "5")]
    public async Task A_mistyped_verb_or_option_gets_the_nearest_name_and_no_misleading_line(string suggestion, params string[] args)
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, exit);
        Assert.Contains($"did you mean {suggestion}?", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Required command was not provided", stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("'1024'", stderr, StringComparison.Ordinal); // the value of the unknown option is not a second error
    }

    [Fact]
    public async Task No_verb_at_all_names_the_verbs()
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(2, exit);
        Assert.Contains("no command given", stderr, StringComparison.Ordinal);
        Assert.Contains("run, list, build", stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--sizes: 'abc' is not valid: expected a whole number of bytes from 2 to 67108864 (e.g. --sizes 1024 10240)", "run", "--sizes", "abc")]
    [InlineData("--trials: '2.5' is not valid: expected a whole number of trials from 1 to 1000 (e.g. --trials 4)", "run", "--trials", "2.5")]
    [InlineData("--concurrency: 'ten' is not valid: expected a whole number of connections from 1 to 100000 (e.g. --concurrency 10 100)", "run", "--concurrency", "ten")]
    [InlineData("--seed: 'x' is not valid: expected a whole number from 0 to 2147483647 (e.g. --seed 42)", "run", "--seed", "x")]
    [InlineData("--duration: a value is missing: expected a number of seconds more than 0 and at most 3600 (e.g. --duration 2)", "run", "--duration")]
    [InlineData("--msize: '1k' is not valid: expected a whole number of bytes from 2 to 67108864 (e.g. --msize 1024)", "load", "--addr", "127.0.0.1:1", "--msize", "1k")]
    [InlineData("--threshold: 'five' is not valid: expected a percentage from 0 to less than 100 (e.g. --threshold 5)", "compare", "a", "b", "--threshold", "five")]
    [InlineData("--runtime: unknown runtime 'podman': expected auto, local, docker (e.g. --runtime local)", "build", "--runtime", "podman")]
    public async Task A_value_that_does_not_parse_is_named_with_what_was_expected_in_words_and_an_example(string message, params string[] args)
    {
        var (exit, _, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), args);

        Assert.Equal(2, exit);
        Assert.Contains("error: " + message, stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", stderr, StringComparison.Ordinal);
    }

    public static TheoryData<string, string[]> BadInputOfEveryVerb() => new()
    {
        { string.Empty, ["rnu"] },
        { "run", ["run", "--trials", "0"] },
        { "run", ["run", "--benchmarks", "no-such-thing"] },
        { "run", ["run", "--benchmarks", "tcpecho-sockets", "--warmup", "2", "--output", "BLOCKER/run"] },
        { "list", ["list", "--servers"] },
        { "build", ["build", "--benchmarks", "no-such-thing"] },
        { "new-server", ["new-server", "My_Server"] },
        { "load", ["load", "--addr", "127.0.0.1:1", "--mode", "gopher"] },
        { "micro", ["micro", "--output", "BLOCKER/run"] },
        { "report", ["report", "/nonexistent-vmbench-run"] },
        { "compare", ["compare", "/nonexistent-vmbench-a", "/nonexistent-vmbench-b"] },
        { "compare", ["compare", "a", "b", "--threshold", "100"] },
    };

    [Theory]
    [MemberData(nameof(BadInputOfEveryVerb))]
    public async Task Bad_input_has_one_layout_in_every_verb_and_exits_2(string verb, string[] args)
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), [.. args.Select(a => a.Replace("BLOCKER", Blocker, StringComparison.Ordinal))]);

        Assert.True(exit == 2, $"exit {exit}\n{stdout}\n{stderr}");
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(l => !l.StartsWith("warning: ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length >= 2, stderr);
        Assert.All(lines[..^1], l => Assert.StartsWith("error: ", l, StringComparison.Ordinal));
        Assert.Equal(verb.Length == 0 ? "(see `vmbench --help`)" : $"(see `vmbench {verb} --help`)", lines[^1]);
    }

    [Theory]
    [InlineData("--duration", "NaN")]
    [InlineData("--duration", "Infinity")]
    [InlineData("--duration", "1e12")]
    [InlineData("--duration", "0")]
    [InlineData("--warmup", "NaN")]
    [InlineData("--warmup-min", "NaN")]
    [InlineData("--steady-cv", "NaN")]
    [InlineData("--cell-warmup", "Infinity")]
    [InlineData("--rate", "NaN")]
    [InlineData("--ready-timeout", "NaN")]
    [InlineData("--sizes", "1")]
    public async Task A_non_finite_or_out_of_bounds_run_option_is_refused_before_run_json_or_any_server(string option, string value)
    {
        var output = Path.Combine(_temp, "run");
        using var vmbench = Vmbench.Start(
            "run", "--benchmarks", "tcpecho-sockets", "--reference", "none", "--runtime", "local", "--trials", "1", "--sizes", "1024",
            "--server-cpus", "", "--client-cpus", "", "--output", output, option, value);
        var exit = await vmbench.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.True(exit == 2, $"exit {exit}\n{vmbench.StdOut}\n{vmbench.StdErr}");
        Assert.Contains($"error: {option}: '{value}' is not valid: expected ", vmbench.StdErr, StringComparison.Ordinal);
        Assert.Contains($"(e.g. {option} ", vmbench.StdErr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output), "the run folder was created");
        Assert.DoesNotContain("runtime:", vmbench.StdOut, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--duration", "NaN")]
    [InlineData("--duration", "1e12")]
    [InlineData("--warmup", "Infinity")]
    [InlineData("--rate", "NaN")]
    [InlineData("--rate", "-5")]
    [InlineData("--concurrency", "0")]
    [InlineData("--mpr", "0")]
    public async Task A_non_finite_or_out_of_bounds_load_option_is_refused_before_it_connects(string option, string value)
    {
        var (exit, stdout, stderr) = await Vmbench.RunAsync(TimeSpan.FromMinutes(1), "load", "--addr", "127.0.0.1:1", option, value);

        Assert.True(exit == 2, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains($"error: {option}: '{value}' is not valid: expected ", stderr, StringComparison.Ordinal);
        Assert.Contains($"(e.g. {option} ", stderr, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Directory.Delete(_temp, recursive: true);
    }
}
