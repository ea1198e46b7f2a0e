using System.Globalization;
using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// A handler that records what it sees and checks, on its own thread and at the moment it sees each event, the
/// laws of the ring: sequences arrive consecutively, payloads are intact and in each producer's order, every
/// upstream consumer has already handled the event, the slot still holds this sequence, and batches announced by
/// <c>OnBatchStart</c> end with <c>endOfBatch</c> on their last event. It can also hold at one sequence until
/// the test releases it, to make a consumer slow on purpose.
/// Read its results after the pipeline's threads were joined (DrainAndStop or Halt), or through
/// <see cref="HandledCount"/> while it runs.
/// </summary>
internal sealed class RecordingHandler : IValueEventHandler<TestEvent>, IDisposable
{
    private const int MaxProducers = 16;

    private readonly Sequencer _sequencer;
    private readonly long[] _nextCounterByProducer = new long[MaxProducers];
    private readonly ManualResetEventSlim _reachedHold = new();
    private readonly ManualResetEventSlim _release = new();
    private long _holdAt = long.MinValue;
    private long _expectedSequence;
    private long _batchRemaining;
    private long _handledCount;

    public RecordingHandler(Sequencer sequencer, string name = "handler")
    {
        _sequencer = sequencer;
        Name = name;
    }

    /// <summary>A name for assertion messages.</summary>
    public string Name { get; }

    /// <summary>The sequences of the consumers this handler follows; set before the pipeline starts.</summary>
    public IReadOnlyList<Sequence> Upstream { get; set; } = [];

    /// <summary>Every sequence seen, in the order seen.</summary>
    public List<long> Sequences { get; } = [];

    /// <summary>Every event seen (a copy of the slot as read).</summary>
    public List<TestEvent> Events { get; } = [];

    /// <summary>The sizes announced by <c>OnBatchStart</c>, in order.</summary>
    public List<long> BatchSizes { get; } = [];

    /// <summary>The sequences on which <c>endOfBatch</c> was true.</summary>
    public List<long> EndOfBatchSequences { get; } = [];

    /// <summary>A sequence other than the next expected one.</summary>
    public ViolationLog OrderViolations { get; } = new();

    /// <summary>A torn payload, or a producer's counter out of order.</summary>
    public ViolationLog PayloadViolations { get; } = new();

    /// <summary>An event seen before an upstream consumer had handled it.</summary>
    public ViolationLog UpstreamViolations { get; } = new();

    /// <summary>An event whose slot no longer held its sequence (a producer lapped the consumer).</summary>
    public ViolationLog OverwriteViolations { get; } = new();

    /// <summary>An <c>endOfBatch</c> flag that does not match the batch announced by <c>OnBatchStart</c>.</summary>
    public ViolationLog BatchViolations { get; } = new();

    /// <summary>How many events were handled so far. Volatile read; safe while the handler runs.</summary>
    public long HandledCount => Volatile.Read(ref _handledCount);

    /// <summary>Set when the handler reaches the sequence given to <see cref="HoldAt"/>.</summary>
    public ManualResetEventSlim ReachedHold => _reachedHold;

    /// <summary>The next counter expected from <paramref name="producerId"/> (how many of its events were seen).</summary>
    public long EventsSeenFrom(int producerId) => _nextCounterByProducer[producerId];

    /// <summary>Makes the handler stop at <paramref name="sequence"/>, before handling it, until
    /// <see cref="Release"/>. It gives up (throws, which faults the pipeline) after <see cref="Timeouts.Generous"/>,
    /// so a test that forgets to release fails instead of hanging. Call before the pipeline starts.</summary>
    public void HoldAt(long sequence) => _holdAt = sequence;

    /// <summary>Lets a held handler go on.</summary>
    public void Release() => _release.Set();

    public void OnBatchStart(long batchSize)
    {
        if (_batchRemaining != 0)
        {
            BatchViolations.Add(Describe($"a batch of {batchSize} started with {_batchRemaining} event(s) of the previous batch still due"));
        }

        BatchSizes.Add(batchSize);
        _batchRemaining = batchSize;
    }

    public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == _holdAt)
        {
            _reachedHold.Set();
            if (!_release.Wait(Timeouts.Generous))
            {
                throw new TimeoutException($"{Name} was held at sequence {sequence} and never released.");
            }
        }

        CheckUpstream(sequence);
        TestEvent copy = data;
        if (!_sequencer.IsAvailable(sequence))
        {
            OverwriteViolations.Add(Describe($"slot of sequence {sequence} no longer holds it"));
        }

        CheckOrder(sequence);
        CheckPayload(copy, sequence);
        CheckBatch(sequence, endOfBatch);
        Sequences.Add(sequence);
        Events.Add(copy);
        Volatile.Write(ref _handledCount, _handledCount + 1);
    }

    public void Dispose()
    {
        _reachedHold.Dispose();
        _release.Dispose();
    }

    private void CheckUpstream(long sequence)
    {
        foreach (Sequence upstream in Upstream)
        {
            long handled = upstream.Value;
            if (handled < sequence)
            {
                UpstreamViolations.Add(Describe($"saw {sequence} while an upstream consumer had handled only up to {handled}"));
            }
        }
    }

    private void CheckOrder(long sequence)
    {
        if (sequence != _expectedSequence)
        {
            OrderViolations.Add(Describe($"saw {sequence}, expected {_expectedSequence}"));
        }

        _expectedSequence = sequence + 1;
    }

    private void CheckPayload(TestEvent copy, long sequence)
    {
        if (!copy.IsIntact || copy.ProducerId is < 0 or >= MaxProducers)
        {
            PayloadViolations.Add(Describe($"torn payload at {sequence}: producer {copy.ProducerId}, counter {copy.Counter}"));
            return;
        }

        long expected = _nextCounterByProducer[copy.ProducerId];
        if (copy.Counter != expected)
        {
            PayloadViolations.Add(Describe($"producer {copy.ProducerId} counter {copy.Counter} at {sequence}, expected {expected}"));
        }

        _nextCounterByProducer[copy.ProducerId] = copy.Counter + 1;
    }

    private void CheckBatch(long sequence, bool endOfBatch)
    {
        _batchRemaining--;
        if (endOfBatch != (_batchRemaining == 0))
        {
            BatchViolations.Add(Describe($"endOfBatch was {endOfBatch} at {sequence} with {_batchRemaining} event(s) of the batch left"));
        }

        if (endOfBatch)
        {
            EndOfBatchSequences.Add(sequence);
        }
    }

    private string Describe(string what) => string.Create(CultureInfo.InvariantCulture, $"{Name}: {what}");
}
