using MiniQuantDesk.Ring;

namespace MiniQuantDesk.Benchmarks.Infrastructure;

/// <summary>How a benchmark's producer waits, at the end of an invocation, for the last consumer to catch up.</summary>
public static class Completion
{
    /// <summary>
    /// Spins, yielding the core to ready threads but never sleeping a whole millisecond (which would distort an
    /// invocation that lasts a few milliseconds), until <paramref name="sequence"/> reaches <paramref name="target"/>.
    /// Volatile reads of the sequence.
    /// </summary>
    public static void WaitFor(Sequence sequence, long target)
    {
        var spinner = default(SpinWait);
        while (sequence.Value < target)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }

    /// <summary>Spins as <see cref="WaitFor(Sequence, long)"/> until every sequence reaches <paramref name="target"/>.</summary>
    public static void WaitForAll(Sequence[] sequences, long target)
    {
        foreach (Sequence sequence in sequences)
        {
            WaitFor(sequence, target);
        }
    }

    /// <summary>Spins until <paramref name="reader"/> has handled at least <paramref name="target"/> items.</summary>
    public static void WaitFor(SummingChannelReader reader, long target)
    {
        var spinner = default(SpinWait);
        while (reader.Handled < target)
        {
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
