namespace MiniQuantDesk.Ring.Tests.Properties;

/// <summary>One random run of a pipeline: the ring, its producers and its handler graph.</summary>
/// <param name="RingSize">A power of two, 1 to 1024.</param>
/// <param name="ProducerType">Single for one producer; Multi for one or more.</param>
/// <param name="Producers">How many threads publish at once, 1 to 4.</param>
/// <param name="BatchSize">How many slots each claim takes (1 means Next()/Publish(sequence)).</param>
/// <param name="Topology">The shape of the handler graph.</param>
/// <param name="Width">Handlers in the chain or in the parallel group (1 to 3); 3 for a diamond.</param>
/// <param name="EventsPerProducer">How many events each producer publishes.</param>
public sealed record RingScenario(
    int RingSize,
    ProducerType ProducerType,
    int Producers,
    int BatchSize,
    Topology Topology,
    int Width,
    int EventsPerProducer)
{
    /// <summary>Every event published in the run.</summary>
    public long TotalEvents => (long)Producers * EventsPerProducer;
}
