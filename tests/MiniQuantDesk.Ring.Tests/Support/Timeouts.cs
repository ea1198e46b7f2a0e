namespace MiniQuantDesk.Ring.Tests.Support;

/// <summary>
/// Every wait in these tests is bounded, so that a bug fails a test instead of hanging the run.
/// </summary>
internal static class Timeouts
{
    /// <summary>For something that must happen: long enough that only a bug reaches it, even on a loaded 2-core
    /// machine.</summary>
    public static readonly TimeSpan Generous = TimeSpan.FromSeconds(30);

    /// <summary>For something that must not happen (a claim returning while the ring is full): the window in which
    /// a bug would show. A correct ring passes whatever the scheduling; a broken one is caught unless its thread
    /// is descheduled for this whole window.</summary>
    public static readonly TimeSpan Brief = TimeSpan.FromMilliseconds(200);

    /// <summary>Spins (yielding) until <paramref name="condition"/> holds; fails the test with
    /// <paramref name="what"/> when it does not within <see cref="Generous"/>.</summary>
    public static void WaitUntil(Func<bool> condition, string what)
    {
        if (!SpinWait.SpinUntil(condition, Generous))
        {
            throw new TimeoutException($"Gave up after {Generous.TotalSeconds} s waiting until {what}.");
        }
    }

    /// <summary>Waits for <paramref name="signal"/>; fails the test with <paramref name="what"/> when it is not set
    /// within <see cref="Generous"/>.</summary>
    public static void WaitFor(ManualResetEventSlim signal, string what)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (!signal.Wait(Generous))
        {
            throw new TimeoutException($"Gave up after {Generous.TotalSeconds} s waiting for {what}.");
        }
    }
}
