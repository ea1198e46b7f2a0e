namespace MiniQuantDesk.Journal.Runs;

/// <summary>
/// A run operation the journal refused, with a message a person can act on: an illegal transition, an unknown run, a
/// second active live run, a disarmed engine, or a race lost to another process. Nothing was changed.
/// </summary>
public sealed class RunRefusedException : Exception
{
    /// <summary>A refusal without a message (serializers need it; prefer the others).</summary>
    public RunRefusedException()
    {
    }

    /// <summary>A refusal explained by <paramref name="message"/>.</summary>
    public RunRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>A refusal explained by <paramref name="message"/>, caused by <paramref name="innerException"/>.</summary>
    public RunRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
