namespace MiniQuantDesk.Engine.Reconcile;

/// <summary>
/// Whether the engine's view of orders, positions and cash last matched the broker's, and when. The gateway lets
/// new risk out only while the last reconcile was clean and is no older than <see cref="MaxAgeNs"/>; a dirty
/// reconcile is sticky until a later clean one. Boot state is "never reconciled": nothing trades before the first
/// clean reconcile.
/// </summary>
public sealed class ReconcileStatus
{
    private long _lastCleanNs = long.MinValue;
    private Reason _dirty;

    /// <summary>Creates the status with the freshness bound.</summary>
    /// <param name="maxAgeNs">How old, in event-time nanoseconds, a clean reconcile may be and still count.</param>
    public ReconcileStatus(long maxAgeNs)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxAgeNs);
        MaxAgeNs = maxAgeNs;
    }

    /// <summary>The freshness bound, in nanoseconds.</summary>
    public long MaxAgeNs { get; }

    /// <summary>Why the last reconcile was not clean, or <see cref="Reason.None"/>.</summary>
    public Reason DirtyReason => _dirty;

    /// <summary>Records a clean reconcile taken at <paramref name="snapshotTimeNs"/>. A snapshot older than the last
    /// clean one is ignored: snapshots must be monotonic.</summary>
    public void MarkClean(long snapshotTimeNs)
    {
        if (snapshotTimeNs >= _lastCleanNs)
        {
            _lastCleanNs = snapshotTimeNs;
            _dirty = Reason.None;
        }
    }

    /// <summary>Records a reconcile that found a difference; it stays dirty until a later clean one.</summary>
    public void MarkDirty(Reason reason) => _dirty = reason;

    /// <summary>True when the last reconcile was clean and is fresh at <paramref name="eventTimeNs"/>.</summary>
    public bool IsCleanAt(long eventTimeNs) =>
        !_dirty.IsSet && _lastCleanNs != long.MinValue && eventTimeNs - _lastCleanNs <= MaxAgeNs && eventTimeNs >= _lastCleanNs;

    /// <summary>The age of the last clean reconcile at <paramref name="eventTimeNs"/>, or -1 when there was none.</summary>
    public long AgeAt(long eventTimeNs) => _lastCleanNs == long.MinValue ? -1 : eventTimeNs - _lastCleanNs;
}
