using System.Reflection;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using VmBench.Servers.Hosting;
using VmBench.Servers.Kestrel;

if (args is ["--aspnetcore-version"])
{
    // The ASP.NET Core (Kestrel) the server runs on (run.json's versions).
    var assembly = typeof(KestrelServerOptions).Assembly;
    Console.Out.WriteLine(assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? assembly.GetName().Version?.ToString() ?? "unknown");
    return ServerHost.ExitOk;
}

return await ServerHost.RunAsync("kestrel", args, () => new KestrelEchoServer());
