namespace MiniQuantDesk.Ring.Processing;

/// <summary>
/// What stopped a pipeline: which handler threw, at which sequence, and the exception. The event at
/// <paramref name="Sequence"/> was not completely handled by that handler, and no handler after it saw it.
/// </summary>
/// <param name="HandlerName">The handler's name (its type name unless named otherwise).</param>
/// <param name="Sequence">The sequence of the event being handled, or the next expected one when the handler threw
/// from <c>OnStart</c>, <c>OnBatchStart</c> or <c>OnShutdown</c>.</param>
/// <param name="Exception">What the handler threw.</param>
public sealed record HandlerFault(string HandlerName, long Sequence, Exception Exception)
{
    /// <summary>A one-line description for logs and halt reasons.</summary>
    public override string ToString() =>
        $"handler '{HandlerName}' threw at sequence {Sequence}: {Exception.GetType().Name}: {Exception.Message}";
}
