namespace MiniQuantDesk.Ring;

/// <summary>
/// Thrown to a producer that tries to claim a slot on a ring that was halted (by its owner, by a handler fault or
/// after a drain-and-stop). Nothing published after a halt would ever be handled, so the claim fails instead of
/// letting the producer believe its event will be processed, or wait forever for capacity.
/// </summary>
public sealed class RingHaltedException : InvalidOperationException
{
    /// <summary>Creates the exception for a ring halted for <paramref name="reason"/>.</summary>
    public RingHaltedException(string reason)
        : base($"The ring is halted and accepts no more events: {reason}") => Reason = reason;

    /// <summary>Creates the exception with a default reason.</summary>
    public RingHaltedException()
        : this("halted") { }

    /// <summary>Creates the exception with an inner exception.</summary>
    public RingHaltedException(string reason, Exception innerException)
        : base($"The ring is halted and accepts no more events: {reason}", innerException) => Reason = reason;

    /// <summary>Why the ring was halted, as given by whoever halted it.</summary>
    public string Reason { get; }
}
