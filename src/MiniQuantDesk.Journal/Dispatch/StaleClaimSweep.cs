namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>What a sweep of stale claims did.</summary>
/// <param name="Reclaimed">Claims older than the lease with no send started, given back to PENDING (to be sent once, later).</param>
/// <param name="MadeAmbiguous">Claims older than the lease after a send started, made AMBIGUOUS (never resent).</param>
public sealed record StaleClaimSweep(int Reclaimed, int MadeAmbiguous)
{
    /// <summary>No sweep ran, or it found nothing.</summary>
    public static StaleClaimSweep None { get; } = new(0, 0);
}
