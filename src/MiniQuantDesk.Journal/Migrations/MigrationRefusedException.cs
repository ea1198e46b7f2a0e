namespace MiniQuantDesk.Journal.Migrations;

/// <summary>
/// Migrating was refused: a migration changed after it was applied (checksum differs) or the database has one this
/// program does not know (then nothing was applied), or a migration's SQL failed (then it was rolled back whole and
/// the ones before it stay applied).
/// </summary>
public sealed class MigrationRefusedException : Exception
{
    /// <summary>Creates the error.</summary>
    public MigrationRefusedException()
    {
    }

    /// <summary>Creates the error with its message.</summary>
    public MigrationRefusedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the error with its message and cause.</summary>
    public MigrationRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
