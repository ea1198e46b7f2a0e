namespace MiniQuantDesk.Journal.Recovery;

/// <summary>
/// The journal cannot be restored: a row that cannot be read back into the engine (named by table, row id and
/// field), or a run that would reuse the ids of the runs restored. Nothing is skipped: the engine must not start
/// until a person repairs the row or starts a proper run.
/// </summary>
public sealed class RecoveryException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecoveryException()
    {
        Table = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message.</summary>
    public RecoveryException(string message)
        : base(message)
    {
        Table = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and its cause.</summary>
    public RecoveryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Table = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception for one row's field.</summary>
    /// <param name="table">The table (<c>outbox</c>, <c>outbox_commands</c>, <c>inbox</c>, <c>runs</c>).</param>
    /// <param name="rowId">The row's id (for <c>runs</c>, the run number).</param>
    /// <param name="field">The column, or <c>payload.name</c> for a payload field.</param>
    /// <param name="message">What is wrong and what to do.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RecoveryException(string table, long rowId, string field, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Table = table;
        RowId = rowId;
        Field = field;
    }

    /// <summary>The table of the row refused.</summary>
    public string Table { get; }

    /// <summary>The row's id.</summary>
    public long RowId { get; }

    /// <summary>The field that could not be read.</summary>
    public string Field { get; }
}
