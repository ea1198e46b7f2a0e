namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// A failure the paper broker can simulate on a submit (<see cref="PaperBrokerOptions.SubmitFault"/>), for tests and
/// the crash harness: the two ways a real submit ends with an unknown outcome.
/// </summary>
public enum PaperSubmitFault
{
    /// <summary>No fault: the submit commits and its answer is returned.</summary>
    None,

    /// <summary>
    /// The request reached the broker but the answer was lost: the order and its events commit, and the submit
    /// answers <c>Unknown</c>.
    /// </summary>
    AnswerLost,

    /// <summary>
    /// The request never took effect: the transaction rolls back (nothing is created, no id is used up), and the
    /// submit answers <c>Unknown</c>, because the sender cannot tell this apart from <see cref="AnswerLost"/>.
    /// </summary>
    FailBeforeCommit,
}
