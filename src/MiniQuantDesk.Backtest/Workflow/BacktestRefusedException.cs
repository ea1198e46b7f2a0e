namespace MiniQuantDesk.Backtest.Workflow;

/// <summary>A run that must not start (or must not write where it was told), with the reason and the fix.</summary>
public sealed class BacktestRefusedException : Exception
{
    /// <summary>Creates the exception.</summary>
    public BacktestRefusedException()
    {
    }

    /// <summary>Creates the exception with the message a person reads.</summary>
    public BacktestRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the message and its cause.</summary>
    public BacktestRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
