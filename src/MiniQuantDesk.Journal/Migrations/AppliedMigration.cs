namespace MiniQuantDesk.Journal.Migrations;

/// <summary>A row of <c>schema_migrations</c>: a migration the database has applied.</summary>
/// <param name="Version">Its number.</param>
/// <param name="Name">Its name when it was applied.</param>
/// <param name="Checksum">The SHA-256 of its SQL when it was applied.</param>
/// <param name="AppliedAt">When it was applied (the database's clock).</param>
/// <param name="Check">How it compares with the migration this program ships.</param>
public sealed record AppliedMigration(int Version, string Name, string Checksum, DateTimeOffset AppliedAt, AppliedMigrationCheck Check);
