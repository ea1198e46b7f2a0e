using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// A handler that measures, on its own processor thread, the bytes allocated from just before it handles
/// sequence <c>firstMeasured</c> to just after it handles <c>lastMeasured</c>: everything the processor loop, the
/// barrier, the wait strategy and the handler allocate while those events flow. It does no allocating work itself
/// unless told to (<c>allocatePerEvent</c>), which is how the probe is shown to catch an allocation.
/// </summary>
internal sealed class AllocationProbeHandler : IValueEventHandler<TestEvent>, IDisposable
{
    private readonly long _firstMeasured;
    private readonly long _lastMeasured;
    private readonly bool _allocatePerEvent;
    private long _bytesBefore;
    private long _counterSum;
    private object? _lastAllocation;

    public AllocationProbeHandler(long firstMeasured, long lastMeasured, bool allocatePerEvent = false)
    {
        _firstMeasured = firstMeasured;
        _lastMeasured = lastMeasured;
        _allocatePerEvent = allocatePerEvent;
    }

    /// <summary>Set once every event before the measured ones was handled (the warm-up is over).</summary>
    public ManualResetEventSlim WarmedUp { get; } = new();

    /// <summary>Set once the last measured event was handled; <see cref="AllocatedBytes"/> is then final.</summary>
    public ManualResetEventSlim Finished { get; } = new();

    /// <summary>Bytes allocated on the processor thread over the measured events.</summary>
    public long AllocatedBytes { get; private set; } = -1;

    /// <summary>The sum of every counter seen, so the handler's work cannot be optimised away.</summary>
    public long CounterSum => _counterSum;

    /// <summary>The last object allocated when told to allocate, kept so the allocation escapes.</summary>
    public object? LastAllocation => _lastAllocation;

    public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == _firstMeasured)
        {
            _bytesBefore = GC.GetAllocatedBytesForCurrentThread();
        }

        _counterSum += data.Counter;
        if (_allocatePerEvent)
        {
            _lastAllocation = new long[1];
        }

        if (sequence == _firstMeasured - 1)
        {
            WarmedUp.Set();
        }
        else if (sequence == _lastMeasured)
        {
            AllocatedBytes = GC.GetAllocatedBytesForCurrentThread() - _bytesBefore;
            Finished.Set();
        }
    }

    public void Dispose()
    {
        WarmedUp.Dispose();
        Finished.Dispose();
    }
}
