namespace MiniQuantDesk.Journal.Dispatch;

/// <summary>How an <see cref="OutboxDispatcher"/> claims and how long its claims last.</summary>
public sealed record OutboxDispatcherOptions
{
    /// <summary>
    /// The claimer's name, written to <c>claimed_by</c>. Every dispatcher running against one database needs its own:
    /// the guarded updates trust it to tell claims apart.
    /// </summary>
    public required string Name { get; init; }

    /// <summary>How many rows one claim takes (1 to 10,000; default 256).</summary>
    public int BatchSize { get; init; } = 256;

    /// <summary>
    /// How long a claim stays valid. An older claim is stale: reclaimed to PENDING when no send started, made
    /// AMBIGUOUS when one did. Must be longer than the broker adapter's submit timeout times the batch size, or a
    /// live dispatcher's sends are declared ambiguous under it. Default 30 seconds.
    /// </summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <see cref="OutboxDispatcher.RunAsync"/> waits after finding nothing to claim. Default 50 ms.</summary>
    public TimeSpan IdleDelay { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentException">An option is out of range.</exception>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Name))
        {
            throw new ArgumentException("the dispatcher needs a name (claimed_by) that no other dispatcher uses", nameof(Name));
        }

        if (BatchSize is < 1 or > 10_000)
        {
            throw new ArgumentException($"batch size {BatchSize.ToString(System.Globalization.CultureInfo.InvariantCulture)} is outside 1 to 10,000", nameof(BatchSize));
        }

        if (Lease <= TimeSpan.Zero)
        {
            throw new ArgumentException("the claim lease must be positive", nameof(Lease));
        }

        if (IdleDelay < TimeSpan.Zero)
        {
            throw new ArgumentException("the idle delay cannot be negative", nameof(IdleDelay));
        }
    }
}
