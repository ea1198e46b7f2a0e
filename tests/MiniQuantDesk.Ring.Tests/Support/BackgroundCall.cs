namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// A call made on a background thread of its own, so a test can watch it block, release it, and see how it ended
/// (with a bounded join, never an unbounded wait).
/// </summary>
internal sealed class BackgroundCall
{
    private readonly Thread _thread;
    private Exception? _failure;

    private BackgroundCall(Action call, string name)
    {
        _thread = new Thread(() =>
        {
            try
            {
                call();
            }
            catch (Exception exception) when (exception is not OutOfMemoryException)
            {
                _failure = exception;
            }
        })
        { IsBackground = true, Name = name };
    }

    /// <summary>The thread's name.</summary>
    public string Name => _thread.Name ?? "background call";

    /// <summary>What the call threw, or null; read after <see cref="Join"/> returned true.</summary>
    public Exception? Failure => _failure;

    /// <summary>True while the thread sleeps on a monitor or wait handle.</summary>
    public bool IsBlocked => _thread.ThreadState.HasFlag(ThreadState.WaitSleepJoin);

    /// <summary>Starts <paramref name="call"/> on a new background thread.</summary>
    public static BackgroundCall Start(Action call, string name)
    {
        var background = new BackgroundCall(call, name);
        background._thread.Start();
        return background;
    }

    /// <summary>Waits for the call to end; false when it did not within <paramref name="timeout"/>.</summary>
    public bool Join(TimeSpan timeout) => _thread.Join(timeout);

    /// <summary>Waits up to <see cref="Timeouts.Generous"/> for the call to end and rethrows what it threw.</summary>
    public void JoinAndRethrow(string what)
    {
        if (!Join(Timeouts.Generous))
        {
            throw new TimeoutException($"{what} did not return within {Timeouts.Generous.TotalSeconds} s.");
        }

        if (_failure is not null)
        {
            throw new InvalidOperationException($"{what} threw.", _failure);
        }
    }
}
