using System.CommandLine;
using VmBench.Cli.Commands.Common;

namespace VmBench.Cli.Commands.NewServer;

/// <summary>`vmbench new-server`: the options and the wiring, no behaviour.</summary>
public static class NewServerCommandDefinition
{
    public static readonly Argument<string> Id = new("id")
    {
        Description = "The new server's id and folder name: lower-case letters, digits and '-', starting with a letter",
    };

    public static readonly Option<string> Template = new("--template")
    {
        Description = "dotnet (a C# project on servers/Hosting) or command (any language: a Python starting point, its Dockerfile and manifest)",
        DefaultValueFactory = _ => "dotnet",
    };

    public static readonly Option<string> Servers = CommonOptions.Servers();

    public static Command Create()
    {
        var command = new VerbCommand(
            "new-server",
            "Scaffold servers/<id>/ (manifest, code, Dockerfile) that builds, passes the conformance suite and shows up in `vmbench list`",
            "vmbench new-server my-loop",
            "vmbench new-server my-script --template command")
            .With(Id, Template, Servers);
        command.SetAction(parseResult => new NewServerCommand(parseResult.GetValue(Servers)!, Console.Out, Console.Error)
            .Execute(parseResult.GetValue(Id)!, parseResult.GetValue(Template)!));
        return command;
    }
}
