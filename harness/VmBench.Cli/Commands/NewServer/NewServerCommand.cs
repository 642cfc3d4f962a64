using System.Globalization;
using System.Reflection;
using VmBench.Cli.Commands.Common;
using VmBench.Core.Catalog;

namespace VmBench.Cli.Commands.NewServer;

/// <summary>`vmbench new-server`: writes a working server folder from the embedded templates.</summary>
public sealed class NewServerCommand
{
    private const string ResourcePrefix = "templates/";
    private readonly string _servers;
    private readonly TextWriter _out;
    private readonly TextWriter _error;

    public NewServerCommand(string servers, TextWriter output, TextWriter error)
    {
        _servers = servers;
        _out = output;
        _error = error;
    }

    public int Execute(string id, string template)
    {
        if (!ManifestParser.IdPattern().IsMatch(id))
        {
            _error.WriteLine($"error: '{id}' is not a valid server id (lower-case letters, digits and '-', starting with a letter, at most 40; e.g. my-loop)");
            return ExitCodes.Usage;
        }

        var resources = Resources(template);
        if (resources.Count == 0)
        {
            _error.WriteLine($"error: --template: unknown template '{template}' (dotnet or command)");
            return ExitCodes.Usage;
        }

        var folder = Path.Combine(_servers, id);
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            _error.WriteLine($"error: {folder} already exists: choose another id (servers are never overwritten)");
            return ExitCodes.Usage;
        }

        if (template == "dotnet" && !Directory.Exists(Path.Combine(_servers, "Hosting")))
        {
            _error.WriteLine($"error: {Path.Combine(_servers, "Hosting")} is missing: the dotnet template builds on servers/Hosting (pass --servers with the repository's servers folder)");
            return ExitCodes.Usage;
        }

        var name = PascalCase(id);
        Directory.CreateDirectory(folder);
        foreach (var resource in resources)
        {
            var file = FileName(resource[(ResourcePrefix.Length + template.Length + 1)..], name);
            using var stream = typeof(NewServerCommand).Assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var text = reader.ReadToEnd().Replace("{{id}}", id, StringComparison.Ordinal).Replace("{{Name}}", name, StringComparison.Ordinal);
            File.WriteAllText(Path.Combine(folder, file), text);
            _out.WriteLine($"  created {Path.Combine(folder, file)}");
        }

        _out.WriteLine($"""
            server '{id}' created. Next:
              vmbench list                                  # it is discovered: tcpecho-{id}, unixecho-{id}, readline-{id}
              dotnet test tests/VmBench.Conformance.Tests   # the contract, checked against it
              vmbench run --benchmarks '-{id}$'             # measured; the report is in results/<stamp>/report.html
            """);
        return ExitCodes.Ok;
    }

    private static List<string> Resources(string template) =>
        typeof(NewServerCommand).Assembly.GetManifestResourceNames()
            .Where(r => r.StartsWith($"{ResourcePrefix}{template}/", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    private static string FileName(string template, string name) => template switch
    {
        "Project.csproj.template" => $"VmBench.Servers.{name}.csproj",
        "EchoServer.cs.template" => $"{name}EchoServer.cs",
        _ => template[..^".template".Length],
    };

    private static string PascalCase(string id) =>
        string.Concat(id.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
