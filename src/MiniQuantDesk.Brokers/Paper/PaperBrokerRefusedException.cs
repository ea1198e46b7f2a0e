namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// The paper broker refused to open or to act because its stored state contradicts what was asked (a different
/// starting cash than the stored one, a missing account row). The message says what and what to do.
/// </summary>
public sealed class PaperBrokerRefusedException : InvalidOperationException
{
    /// <summary>Creates the exception with no message (serialization and tooling use).</summary>
    public PaperBrokerRefusedException()
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PaperBrokerRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public PaperBrokerRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
