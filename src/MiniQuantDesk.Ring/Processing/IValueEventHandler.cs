namespace MiniQuantDesk.Ring.Processing;

/// <summary>
/// Handles the events of a ring, one processor thread per handler. Events arrive in sequence order, in batches:
/// everything published since the last batch, handed over without waiting again in between.
/// A handler that throws halts the whole pipeline (fail closed): the failing event is never skipped.
/// </summary>
/// <typeparam name="T">The ring's event struct.</typeparam>
public interface IValueEventHandler<T>
    where T : struct
{
    /// <summary>Handles one event, by reference to its slot.</summary>
    /// <param name="data">The slot. Read it; write only fields that downstream handlers are meant to read.</param>
    /// <param name="sequence">The event's sequence number.</param>
    /// <param name="endOfBatch">True for the last event of a batch: the end-of-batch hook (flush, commit).</param>
    void OnEvent(ref T data, long sequence, bool endOfBatch);

    /// <summary>Called before the first event of each batch with the batch's size (the batch-start hook).</summary>
    void OnBatchStart(long batchSize)
    {
    }

    /// <summary>Called once on the processor's thread before the first event.</summary>
    void OnStart()
    {
    }

    /// <summary>Called once on the processor's thread after the last event, when the processor stops.</summary>
    void OnShutdown()
    {
    }
}
