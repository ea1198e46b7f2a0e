using MiniQuantDesk.Journal.Postgres;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Postgres;

public sealed class DatabaseUrlTests
{
    [Fact]
    public void A_postgres_url_gives_its_user_password_host_port_and_database()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://mqd:s3cret@db.internal:6543/journal"));

        Assert.Equal("db.internal", parsed.Host);
        Assert.Equal(6543, parsed.Port);
        Assert.Equal("mqd", parsed.Username);
        Assert.Equal("s3cret", parsed.Password);
        Assert.Equal("journal", parsed.Database);
    }

    [Fact]
    public void A_postgresql_url_without_a_port_uses_5432_and_decodes_escaped_characters()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgresql://trader%40desk:p%3Ass%2Fw@localhost/mqd%20db"));

        Assert.Equal(5432, parsed.Port);
        Assert.Equal("trader@desk", parsed.Username);
        Assert.Equal("p:ss/w", parsed.Password);
        Assert.Equal("mqd db", parsed.Database);
    }

    [Fact]
    public void Url_query_parameters_are_npgsql_settings()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("postgres://u@h/d?Timeout=7&Application%20Name=mqd"));

        Assert.Equal(7, parsed.Timeout);
        Assert.Equal("mqd", parsed.ApplicationName);
    }

    [Fact]
    public void A_key_value_connection_string_is_taken_as_it_is()
    {
        var parsed = new NpgsqlConnectionStringBuilder(DatabaseUrl.ToConnectionString("Host=10.0.0.5;Port=5433;Username=mqd;Password=pw;Database=journal"));

        Assert.Equal("10.0.0.5", parsed.Host);
        Assert.Equal(5433, parsed.Port);
        Assert.Equal("journal", parsed.Database);
    }

    [Theory]
    [InlineData("mysql://u:p@h/d")]
    [InlineData("postgres:///d")]
    [InlineData("Hots=localhost")]
    [InlineData("Port=5432")]
    [InlineData("   ")]
    [InlineData("postgres://u:p@h/d?NoSuchSetting=1")]
    public void A_value_that_is_neither_a_url_nor_a_connection_string_is_refused_naming_the_variable(string value)
    {
        FormatException refused = Assert.Throws<FormatException>(() => DatabaseUrl.ToConnectionString(value));

        Assert.Contains("MQK_DATABASE_URL", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_locator_uses_the_url_when_it_is_set_and_starts_nothing()
    {
        await using LocatedDatabase located = await DatabaseLocator.LocateAsync(
            "postgres://mqd:topsecret@db.internal:6543/journal", new EmbeddedPostgresOptions { SearchDirectories = [] });

        Assert.Null(located.Embedded);
        Assert.Contains("db.internal:6543/journal", located.Description, StringComparison.Ordinal);
        Assert.DoesNotContain("topsecret", located.Description, StringComparison.Ordinal);
        Assert.Equal("topsecret", new NpgsqlConnectionStringBuilder(located.ConnectionString).Password);
    }

    [Fact]
    public async Task Without_a_url_the_locator_turns_to_the_embedded_cluster()
    {
        await Assert.ThrowsAsync<PostgresBinariesNotFoundException>(() =>
            DatabaseLocator.LocateAsync(databaseUrl: null, new EmbeddedPostgresOptions { SearchDirectories = [] }));
    }
}
