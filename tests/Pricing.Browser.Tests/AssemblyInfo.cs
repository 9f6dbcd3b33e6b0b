// One browser and one or two silos at a time: on a 2-core machine parallel browser tests would
// measure each other (the benchmarks) and race for the CPU (the timing assertions).
[assembly: CollectionBehavior(DisableTestParallelization = true)]
