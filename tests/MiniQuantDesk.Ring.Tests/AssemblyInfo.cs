// Every test class runs on its own, one after the other. Most tests start processor and producer threads that
// spin or yield while they wait; on a 2-core machine two such tests side by side starve each other, turning the
// generous timeouts into flaky failures. The zero-allocation proof also reads the process-wide allocation counter,
// which only means something when no other test is allocating at the same time.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
