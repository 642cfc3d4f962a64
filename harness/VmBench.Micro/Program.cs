using VmBench.Micro;

return MicroProgram.Run(args);
