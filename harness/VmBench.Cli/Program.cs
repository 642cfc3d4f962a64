using VmBench.Cli;

return await VmBenchCommands.Create().Parse(args).InvokeAsync().ConfigureAwait(false);
