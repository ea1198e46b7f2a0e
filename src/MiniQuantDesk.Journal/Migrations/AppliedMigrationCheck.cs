namespace MiniQuantDesk.Journal.Migrations;

/// <summary>How an applied migration compares with the one this program ships under the same version.</summary>
public enum AppliedMigrationCheck
{
    /// <summary>Same checksum: the database ran exactly this file.</summary>
    Matches = 0,

    /// <summary>The file changed after it was applied; migrating is refused.</summary>
    Changed = 1,

    /// <summary>This program has no migration of that version (the database is newer); migrating is refused.</summary>
    Unknown = 2,
}
