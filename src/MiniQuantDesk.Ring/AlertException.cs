namespace MiniQuantDesk.Ring;

/// <summary>
/// Raised inside a wait when the barrier was alerted (the ring or processor is halting). It is control flow
/// between a barrier and its processor, never seen by a handler; one shared instance is thrown so that halting
/// allocates nothing.
/// </summary>
public sealed class AlertException : Exception
{
    /// <summary>The one instance that is thrown.</summary>
    public static readonly AlertException Instance = new();

    private AlertException()
        : base("The sequence barrier was alerted: the processor is halting.") { }
}
