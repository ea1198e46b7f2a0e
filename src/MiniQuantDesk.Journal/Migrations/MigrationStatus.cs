namespace MiniQuantDesk.Journal.Migrations;

/// <summary>What a database has applied and what is still pending, in version order.</summary>
/// <param name="Applied">The rows of <c>schema_migrations</c>, each checked against the shipped file.</param>
/// <param name="Pending">Shipped migrations the database has not applied.</param>
public sealed record MigrationStatus(IReadOnlyList<AppliedMigration> Applied, IReadOnlyList<Migration> Pending)
{
    /// <summary>True when every applied migration matches the shipped file and none is unknown.</summary>
    public bool Consistent => Applied.All(applied => applied.Check == AppliedMigrationCheck.Matches);

    /// <summary>True when nothing is pending and everything matches.</summary>
    public bool UpToDate => Consistent && Pending.Count == 0;
}
