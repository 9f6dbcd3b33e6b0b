// Each silo ingests thousands of ticks a second; on a shared 2-core machine, silos of different
// test classes running at once would compete for CPU and blur the rate and pace assertions.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
