using MiniQuantDesk.Journal.Tests.Support;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Schema;

/// <summary>
/// Every invariant the schema states as a constraint refuses a row that breaks it. Each test makes its own runs
/// (fresh ids), so the tests share the class's database without seeing each other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class SchemaConstraintTests(PostgresCluster cluster)
{
    private const string UniqueViolation = "23505";
    private const string CheckViolation = "23514";
    private const string ForeignKeyViolation = "23503";
    private const string NotNullViolation = "23502";

    [Fact]
    public async Task A_second_outbox_row_with_the_same_client_order_id_is_refused()
    {
        Guid run = await CreateRunAsync("LIVE", "CREATED");
        await ExecuteAsync(Outbox(run, "coid-dup-1"));

        await AssertRefusedAsync(Outbox(run, "coid-dup-1"), UniqueViolation, "outbox_client_order_id_key");
    }

    [Fact]
    public async Task A_fill_id_delivered_twice_in_one_run_is_refused()
    {
        Guid run = await CreateRunAsync("PAPER", "RUNNING");
        await ExecuteAsync(Fill(run, "msg-1", "fill-1"));

        await AssertRefusedAsync(Fill(run, "msg-2", "fill-1"), UniqueViolation, "inbox_one_fill_per_run");
    }

    [Fact]
    public async Task The_same_fill_id_in_another_run_is_accepted()
    {
        Guid first = await CreateRunAsync("PAPER", "RUNNING");
        Guid second = await CreateRunAsync("PAPER", "RUNNING");
        await ExecuteAsync(Fill(first, "msg-1", "fill-1"));

        await ExecuteAsync(Fill(second, "msg-1", "fill-1"));
    }

    [Fact]
    public async Task A_broker_message_delivered_twice_in_one_run_is_refused()
    {
        Guid run = await CreateRunAsync("PAPER", "RUNNING");
        await ExecuteAsync(Ack(run, "msg-ack"));

        await AssertRefusedAsync(Ack(run, "msg-ack"), UniqueViolation, "inbox_one_message_per_run");
    }

    [Fact]
    public async Task A_fill_without_its_fill_id_or_an_ack_with_one_is_refused()
    {
        Guid run = await CreateRunAsync("PAPER", "RUNNING");

        await AssertRefusedAsync(Fill(run, "msg-f", "fill-x").Replace("'fill-x'", "NULL", StringComparison.Ordinal), CheckViolation, "inbox_fill_is_whole");
        await AssertRefusedAsync(Ack(run, "msg-a").Replace("NULL, 'ACK'", "'fill-y', 'ACK'", StringComparison.Ordinal), CheckViolation, "inbox_fill_is_whole");
    }

    [Theory]
    [InlineData("UPDATE runs SET state = 'PAUSED' WHERE run_id = '{run}'", "runs_state_check")]
    [InlineData("UPDATE runs SET mode = 'DEMO' WHERE run_id = '{run}'", "runs_mode_check")]
    [InlineData("UPDATE runs SET state = 'HALTED' WHERE run_id = '{run}'", "runs_halted_has_reason")]
    [InlineData("UPDATE outbox SET state = 'LOST' WHERE run_id = '{run}'", "outbox_state_check")]
    [InlineData("UPDATE outbox SET state = 'CLAIMED' WHERE run_id = '{run}'", "outbox_claimed_has_claimer")]
    [InlineData("UPDATE outbox SET state = 'ACKED', attempts = 1 WHERE run_id = '{run}'", "outbox_acked_has_broker_order")]
    [InlineData("UPDATE outbox SET state = 'SENT' WHERE run_id = '{run}'", "outbox_sent_was_attempted")]
    [InlineData("UPDATE outbox SET quantity = 0 WHERE run_id = '{run}'", "outbox_quantity_check")]
    [InlineData("UPDATE outbox SET quantity = -5 WHERE run_id = '{run}'", "outbox_quantity_check")]
    [InlineData("UPDATE outbox SET attempts = -1 WHERE run_id = '{run}'", "outbox_attempts_check")]
    [InlineData("UPDATE outbox SET side = 'HOLD' WHERE run_id = '{run}'", "outbox_side_check")]
    [InlineData("UPDATE outbox SET payload = '[1]' WHERE run_id = '{run}'", "outbox_payload_check")]
    [InlineData("UPDATE inbox SET kind = 'GOSSIP', broker_fill_id = NULL, fill_quantity = NULL, fill_price_micros = NULL WHERE run_id = '{run}'", "inbox_kind_check")]
    [InlineData("UPDATE inbox SET fill_quantity = -1 WHERE run_id = '{run}'", "inbox_fill_quantity_check")]
    [InlineData("UPDATE inbox SET fill_price_micros = 0 WHERE run_id = '{run}'", "inbox_fill_price_micros_check")]
    [InlineData("INSERT INTO arm_state (engine_id, armed, reason, changed_at) VALUES ('{run}', false, NULL, now())", "arm_state_disarmed_has_reason")]
    [InlineData("INSERT INTO reconcile_checkpoints (run_id, at, clean, details) VALUES ('{run}', now(), true, '\"text\"')", "reconcile_checkpoints_details_check")]
    public async Task A_row_that_breaks_a_check_is_refused(string statement, string constraint)
    {
        Guid run = await CreateRunAsync("PAPER", "RUNNING");
        await ExecuteAsync(Outbox(run, $"coid-{run:N}"));
        await ExecuteAsync(Fill(run, "msg-1", "fill-1"));

        await AssertRefusedAsync(statement.Replace("{run}", run.ToString(), StringComparison.Ordinal), CheckViolation, constraint);
    }

    [Fact]
    public async Task A_second_armed_or_running_live_run_for_an_engine_is_refused()
    {
        string engine = $"engine-{Guid.NewGuid():N}";
        await CreateRunAsync("LIVE", "ARMED", engine);

        await AssertRefusedAsync(RunInsert(Guid.NewGuid(), "LIVE", "RUNNING", engine), UniqueViolation, "runs_one_active_live_run_per_engine");
        await AssertRefusedAsync(RunInsert(Guid.NewGuid(), "LIVE", "ARMED", engine), UniqueViolation, "runs_one_active_live_run_per_engine");
    }

    [Fact]
    public async Task Stopped_live_runs_and_paper_runs_do_not_count_against_the_one_active_live_run()
    {
        string engine = $"engine-{Guid.NewGuid():N}";
        await CreateRunAsync("LIVE", "RUNNING", engine);

        await CreateRunAsync("LIVE", "STOPPED", engine);
        await CreateRunAsync("LIVE", "CREATED", engine);
        await CreateRunAsync("PAPER", "RUNNING", engine);
        await CreateRunAsync("LIVE", "RUNNING", $"other-{engine}");
    }

    [Fact]
    public async Task Rows_for_a_run_that_does_not_exist_are_refused()
    {
        var missing = Guid.NewGuid();

        await AssertRefusedAsync(Outbox(missing, "coid-orphan"), ForeignKeyViolation, "outbox_run_id_fkey");
        await AssertRefusedAsync(Ack(missing, "msg-orphan"), ForeignKeyViolation, "inbox_run_id_fkey");
        await AssertRefusedAsync($"INSERT INTO broker_cursor (run_id, cursor, updated_at) VALUES ('{missing}', 'c1', now())", ForeignKeyViolation, "broker_cursor_run_id_fkey");
        await AssertRefusedAsync(
            $"INSERT INTO reconcile_checkpoints (run_id, at, clean, details) VALUES ('{missing}', now(), true, '{{}}')", ForeignKeyViolation, "reconcile_checkpoints_run_id_fkey");
    }

    [Fact]
    public async Task A_broker_order_is_mapped_only_to_an_existing_client_order_and_only_once()
    {
        Guid run = await CreateRunAsync("PAPER", "RUNNING");
        string first = $"coid-a-{run:N}";
        string second = $"coid-b-{run:N}";
        await ExecuteAsync(Outbox(run, first));
        await ExecuteAsync(Outbox(run, second));
        string broker = $"B-{run:N}";
        await ExecuteAsync($"INSERT INTO broker_order_map (client_order_id, broker_order_id, mapped_at) VALUES ('{first}', '{broker}', now())");

        await AssertRefusedAsync(
            $"INSERT INTO broker_order_map (client_order_id, broker_order_id, mapped_at) VALUES ('{second}', '{broker}', now())", UniqueViolation, "broker_order_map_broker_order_id_key");
        await AssertRefusedAsync(
            $"INSERT INTO broker_order_map (client_order_id, broker_order_id, mapped_at) VALUES ('coid-none-{run:N}', 'B2-{run:N}', now())", ForeignKeyViolation, "broker_order_map_client_order_id_fkey");
    }

    [Fact]
    public async Task A_run_without_an_engine_mode_or_creation_time_is_refused()
    {
        await AssertRefusedAsync(
            $"INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ('{Guid.NewGuid()}', 'e', NULL, 'CREATED', now())", NotNullViolation, null);
        await AssertRefusedAsync(
            $"INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ('{Guid.NewGuid()}', '', 'LIVE', 'CREATED', now())", CheckViolation, "runs_engine_id_check");
        await AssertRefusedAsync(
            $"INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ('{Guid.NewGuid()}', 'e', 'LIVE', 'CREATED', NULL)", NotNullViolation, null);
    }

    private static string RunInsert(Guid run, string mode, string state, string engine) =>
        $"INSERT INTO runs (run_id, engine_id, mode, state, created_at) VALUES ('{run}', '{engine}', '{mode}', '{state}', '2026-01-05T14:30:00Z')";

    private static string Outbox(Guid run, string clientOrderId) =>
        "INSERT INTO outbox (run_id, client_order_id, engine_id, seq, symbol, side, quantity, payload, state, created_at, updated_at) " +
        $"VALUES ('{run}', '{clientOrderId}', 'engine', 7, 'SPY', 'BUY', 100, '{{\"limit_micros\": 1000000}}', 'PENDING', now(), now())";

    private static string Fill(Guid run, string messageId, string fillId) =>
        "INSERT INTO inbox (run_id, seq, broker_message_id, broker_fill_id, kind, client_order_id, fill_quantity, fill_price_micros, payload, received_at) " +
        $"VALUES ('{run}', 9, '{messageId}', '{fillId}', 'FILL', 'c1', 100, 401250000, '{{}}', now())";

    private static string Ack(Guid run, string messageId) =>
        "INSERT INTO inbox (run_id, seq, broker_message_id, broker_fill_id, kind, client_order_id, payload, received_at) " +
        $"VALUES ('{run}', 8, '{messageId}', NULL, 'ACK', 'c1', '{{}}', now())";

    private async Task<Guid> CreateRunAsync(string mode, string state, string engine = "engine")
    {
        var run = Guid.NewGuid();
        await ExecuteAsync(RunInsert(run, mode, state, engine));
        return run;
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await cluster.MigratedDatabaseForAsync(GetType()));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private async Task AssertRefusedAsync(string sql, string sqlState, string? constraint)
    {
        PostgresException refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(sql));
        Assert.Equal(sqlState, refused.SqlState);
        if (constraint is not null)
        {
            Assert.Equal(constraint, refused.ConstraintName);
        }
    }
}
