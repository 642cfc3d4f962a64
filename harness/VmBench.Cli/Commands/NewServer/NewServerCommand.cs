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
            return UsageError.Write(_error, Verb, $"'{id}' is not a valid server id (lower-case letters, digits and '-', starting with a letter, at most 40; e.g. my-loop)");
        }

        var resources = Resources(template);
        if (resources.Count == 0)
        {
            return UsageError.Write(_error, Verb, $"--template: unknown template '{template}': expected dotnet or command (e.g. --template command)");
        }

        var folder = Path.Combine(_servers, id);
        if (Directory.Exists(folder) || File.Exists(folder))
        {
            return UsageError.Write(_error, Verb, $"{folder} already exists: choose another id (servers are never overwritten)");
        }

        if (template == "dotnet" && !Directory.Exists(Path.Combine(_servers, "Hosting")))
        {
            return UsageError.Write(_error, Verb, $"{Path.Combine(_servers, "Hosting")} is missing: the dotnet template builds on servers/Hosting (pass --servers with the repository's servers folder)");
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

        _out.WriteLine($"server '{id}' created. Next steps, from the repository root (README.md, \"Adding a server\"):");
        _out.WriteLine(NextSteps(id));
        return ExitCodes.Ok;
    }

    /// <summary>What to do after scaffolding; README.md's "Adding a server" shows these lines for my-loop, word for word (a test checks it).</summary>
    public static string NextSteps(string id) => $"""
          2. Replace the I/O code in servers/{id}/ with the loop you want to measure (the contract: servers/README.md).
          3. See it discovered (tcpecho-{id}, unixecho-{id}, readline-{id}, connect-{id}):
               dotnet harness/VmBench.Cli/bin/Release/net10.0/vmbench.dll list
          4. Check the contract against it alone (a pass/FAIL line per check; --runtime local or docker):
               dotnet harness/VmBench.Cli/bin/Release/net10.0/vmbench.dll check {id}
             or, the same checks as a test suite:
               dotnet test tests/VmBench.Conformance.Tests -c Release --filter DisplayName~{id}
          5. Measure it beside the others (the report is results/<stamp>/report.html):
               ./run-benchmarks.sh --benchmarks '-{id}$,-sockets$'
        """;

    private const string Verb = "new-server";

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
