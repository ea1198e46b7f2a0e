namespace MiniQuantDesk.Ring.Processing;

/// <summary>Thrown to the caller of a poller whose handler threw: carries the <see cref="HandlerFault"/>.</summary>
public sealed class HandlerFaultException : Exception
{
    /// <summary>Creates the exception for <paramref name="fault"/>.</summary>
    public HandlerFaultException(HandlerFault fault)
        : base((fault ?? throw new ArgumentNullException(nameof(fault))).ToString(), fault.Exception) => Fault = fault;

    /// <summary>Creates the exception with a message only.</summary>
    public HandlerFaultException()
        : this(new HandlerFault("unknown", -1, new InvalidOperationException("unknown fault"))) { }

    /// <summary>Creates the exception with a message only.</summary>
    public HandlerFaultException(string message)
        : this(new HandlerFault("unknown", -1, new InvalidOperationException(message))) { }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public HandlerFaultException(string message, Exception innerException)
        : this(new HandlerFault("unknown", -1, innerException ?? new InvalidOperationException(message))) { }

    /// <summary>Which handler threw, where, and what.</summary>
    public HandlerFault Fault { get; }
}
