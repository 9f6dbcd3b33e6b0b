// The tests share Kafka, Redis and PostgreSQL (and restart some of them) and each runs real silo
// processes: they run one at a time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
