namespace MiniQuantDesk.Ring;

/// <summary>How many threads may claim and publish on a ring at once.</summary>
public enum ProducerType
{
    /// <summary>Exactly one publishing thread: claims need no compare-and-swap. Publishing from two threads
    /// on a single-producer ring corrupts it, so pick this only when one thread owns all publishing.</summary>
    Single,

    /// <summary>Any number of publishing threads: claims are an atomic add, publication is tracked per slot.</summary>
    Multi,
}
