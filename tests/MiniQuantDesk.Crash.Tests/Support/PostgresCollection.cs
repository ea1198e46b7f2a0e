namespace MiniQuantDesk.Crash.Tests.Support;

/// <summary>The tests that share the one embedded cluster.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
