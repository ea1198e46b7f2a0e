using MiniQuantDesk.Ring.Processing;

namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// A handler that throws <see cref="Failure"/> when it reaches <c>failAt</c>, after waiting for
/// <see cref="AllowFailure"/>, so a test can publish everything first and then let the fault happen.
/// </summary>
internal sealed class ThrowingHandler : IValueEventHandler<TestEvent>, IDisposable
{
    private readonly long _failAt;
    private readonly ManualResetEventSlim _allowed = new();

    public ThrowingHandler(long failAt) => _failAt = failAt;

    /// <summary>The exception thrown at the failing sequence.</summary>
    public InvalidOperationException Failure { get; } = new("price feed returned a negative quantity");

    /// <summary>The sequences handled without throwing.</summary>
    public List<long> Handled { get; } = [];

    /// <summary>Lets the handler reach and throw at the failing sequence.</summary>
    public void AllowFailure() => _allowed.Set();

    public void OnEvent(ref TestEvent data, long sequence, bool endOfBatch)
    {
        if (sequence == _failAt)
        {
            if (!_allowed.Wait(Timeouts.Generous))
            {
                throw new TimeoutException("The test never allowed the failure.");
            }

            throw Failure;
        }

        Handled.Add(sequence);
    }

    public void Dispose() => _allowed.Dispose();
}
