using System.CommandLine;

namespace VmBench.Cli.Commands.Common;

/// <summary>Options shared by several verbs, made in one place.</summary>
public static class CommonOptions
{
    public static Option<string> Servers() => new("--servers")
    {
        Description = "The servers folder to discover servers/*/server.json in",
        DefaultValueFactory = _ => RepositoryPaths.Servers(),
    };

    public static Option<string[]> Benchmarks() => new("--benchmarks", "-b")
    {
        Description = "Comma-separated regular expressions over benchmark names (e.g. tcpecho-sockets,readline-.*); all when left out",
        AllowMultipleArgumentsPerToken = true,
        DefaultValueFactory = _ => [],
    };

    public static Option<string> Runtime()
    {
        var option = new Option<string>("--runtime")
        {
            Description = "Where servers run: auto (Docker when an engine answers, else local processes), local or docker",
            DefaultValueFactory = _ => "auto",
        };
        option.Validators.Add(result =>
        {
            var runtime = result.GetValueOrDefault<string>();
            if (!RuntimeFactory.Names.Contains(runtime))
            {
                result.AddError($"--runtime: unknown runtime '{runtime}': expected {string.Join(", ", RuntimeFactory.Names)} (e.g. --runtime local)");
            }
        });
        return option;
    }

    public static Option<string?> DockerHost() => new("--docker-host")
    {
        Description = "Docker engine to use (unix:///var/run/docker.sock or tcp://127.0.0.1:2375); default $DOCKER_HOST or the local socket",
    };

    /// <summary>A switch: true when given.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description };

    /// <summary><c>--output</c> / <c>-o</c>: the folder a verb writes into.</summary>
    public static Option<string?> Output(string description) => new("--output", "-o") { Description = description };
}
