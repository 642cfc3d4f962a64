// Load tests measure time: run them one at a time so they do not compete for the two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
