// The tests pin servers to CPU 1 on a 2-core machine and count the engine's containers: one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
