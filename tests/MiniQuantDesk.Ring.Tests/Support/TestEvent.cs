namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// The event the tests publish. Its payload proves its own integrity: which producer wrote it, that producer's
/// running counter, and a checksum of both, so a torn or overwritten slot is visible to the consumer.
/// </summary>
internal struct TestEvent
{
    public int ProducerId;
    public long Counter;
    public long Checksum;

    /// <summary>True when the checksum matches the producer id and counter.</summary>
    public readonly bool IsIntact => Checksum == ChecksumOf(ProducerId, Counter);

    /// <summary>Overwrites every field, as a producer must on a reused slot.</summary>
    public void Write(int producerId, long counter)
    {
        ProducerId = producerId;
        Counter = counter;
        Checksum = ChecksumOf(producerId, counter);
    }

    private static long ChecksumOf(int producerId, long counter) =>
        unchecked((counter * -7046029254386353131L) ^ ((producerId + 1) * 0x5DEECE66DL));
}
