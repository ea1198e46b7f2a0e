using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Tests.Support;
using MiniQuantDesk.Journal.Writing;
using MiniQuantDesk.Ring.Dsl;
using MiniQuantDesk.Ring.Processing;
using Npgsql;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>
/// The journal writer on a real pipeline (one sma-cross engine on synthetic bars, a broker that fills everything)
/// against the embedded server: what each batch produced is committed in one transaction, in sequence order, and
/// nothing after the journal ever acts on an event that is not durable. Each test makes its own run.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class JournalWriterTests(PostgresCluster cluster)
{
    private const int Bars = 60;
    private static readonly TimeSpan s_timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Every_approved_order_and_every_broker_message_is_journaled_once_in_sequence_order()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        (ExpectedRows expected, AnsweringBroker broker, JournalWriter writer, TradingPipeline pipeline) = Threaded(database, runId, runNumber, "journal-all");

        RunBars(pipeline, broker, Bars);
        pipeline.DrainAndStop(s_timeout);
        writer.Dispose();
        broker.Dispose();

        Assert.True(expected.Outbox.Count >= 4, $"the wave should make sma-cross trade several times; it traded {expected.Outbox.Count} times");
        Assert.Equal(expected.OutboxThrough(long.MaxValue), JournalRig.Outbox(database, runId));
        Assert.Equal(expected.InboxThrough(long.MaxValue), JournalRig.Inbox(database, runId));
        Assert.Equal(2 * expected.Outbox.Count, expected.Inbox.Count);
        Assert.Equal(
            [expected.CursorThrough(long.MaxValue)!],
            JournalRig.Rows(database, "SELECT cursor FROM broker_cursor WHERE run_id = $1", runId));
        Assert.Equal(
            [expected.Outbox.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            JournalRig.Rows(database, "SELECT count(*)::text FROM broker_order_map m JOIN outbox o USING (client_order_id) WHERE o.run_id = $1", runId));
        Assert.Equal(["ARMED true"], JournalRig.Rows(database, "SELECT r.state || ' ' || a.armed FROM runs r JOIN arm_state a ON a.engine_id = r.engine_id WHERE r.run_id = $1", runId));
    }

    [Fact]
    public async Task An_outbox_row_carries_the_orders_terms_and_its_event_time_never_the_clock()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        var expected = new ExpectedRows();
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Polled, expected, writer);
        JournalRig.Arm(pipeline);

        Bar bar = default;
        for (int index = 0; expected.Outbox.Count == 0 && index < Bars; index++)
        {
            bar = JournalRig.WaveBar(index);
            pipeline.PublishBar(JournalRig.Engine, bar);
            pipeline.Poll();
        }

        string micros = (bar.EndNs / 1_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [$"1 SPY BUY 100 MARKET SUBMIT 0 {bar.EndNs} {micros} {micros}"],
            JournalRig.Rows(
                database,
                "SELECT engine_id || ' ' || symbol || ' ' || side || ' ' || quantity || ' ' || (payload->>'order_type') || ' ' || (payload->>'command') || ' ' || " +
                "(payload->>'limit_price_micros') || ' ' || (payload->>'event_time_ns') || ' ' || " +
                "(extract(epoch FROM created_at) * 1000000)::bigint || ' ' || (extract(epoch FROM updated_at) * 1000000)::bigint FROM outbox WHERE run_id = $1",
                runId));
    }

    [Fact]
    public async Task A_handler_after_the_journal_only_ever_sees_orders_whose_outbox_rows_are_committed()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        (ExpectedRows expected, AnsweringBroker broker, JournalWriter writer, TradingPipeline pipeline) = Threaded(database, runId, runNumber, "journal-visible");

        RunBars(pipeline, broker, Bars);
        pipeline.DrainAndStop(s_timeout);
        writer.Dispose();
        broker.Dispose();

        Assert.Empty(broker.Invisible);
        Assert.Equal(expected.Outbox.Count, broker.Sent.Count);
        Assert.NotEmpty(broker.Sent);
    }

    [Fact]
    public async Task A_broker_message_the_engine_ignored_as_a_duplicate_gets_no_inbox_row()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        var expected = new ExpectedRows();
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        using var broker = new AnsweringBroker(writer, database, runNumber);
        TradingPipeline pipeline = PolledUntilFirstOrder(runNumber, expected, writer, broker, out long timeNs);
        broker.AnswerPending(pipeline, timeNs);
        pipeline.Poll();
        var again = new BrokerOrderEvent
        {
            Kind = BrokerEventKind.Fill,
            ClientOrderId = Engine.Execution.ClientOrderId.Parse(broker.Sent[0]),
            MessageId = 500,
            FillId = 1,
            Symbol = JournalRig.Symbol,
            Side = Engine.Market.Side.Buy,
            Quantity = 100,
            Price = new Price(100 * Micros.PerUnit),
            EventTimeNs = timeNs,
        };

        pipeline.PublishBroker(in again);
        pipeline.Poll();

        Assert.Equal(2, (JournalRig.Inbox(database, runId)).Count);
        Assert.Equal(expected.InboxThrough(long.MaxValue), JournalRig.Inbox(database, runId));
        Assert.Equal(["500"], JournalRig.Rows(database, "SELECT cursor FROM broker_cursor WHERE run_id = $1", runId));
        Assert.Null(pipeline.Fault);
    }

    [Fact]
    public async Task A_fill_the_engine_applied_but_the_inbox_already_holds_halts_the_journal_and_commits_nothing_of_its_batch()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        var expected = new ExpectedRows();
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        using var broker = new AnsweringBroker(writer, database, runNumber);
        TradingPipeline pipeline = PolledUntilFirstOrder(runNumber, expected, writer, broker, out long timeNs);
        // An earlier process journaled fill 1 under another message, and this engine was not rebuilt from the inbox.
        JournalRig.Rows(
            database,
            "INSERT INTO inbox (run_id, seq, broker_message_id, broker_fill_id, kind, fill_quantity, fill_price_micros, payload, received_at, applied) " +
            "VALUES ($1, 0, 'earlier', '1', 'FILL', 100, 100000000, '{}', now(), true) RETURNING 'x'",
            runId);
        long committedBefore = writer.CommittedThrough;
        broker.AnswerPending(pipeline, timeNs);

        HandlerFaultException fault = Assert.Throws<HandlerFaultException>(() => pipeline.Poll());

        var breach = Assert.IsType<JournalInvariantBreachException>(fault.Fault.Exception);
        Assert.Contains("inbox_one_fill_per_run", breach.Message, StringComparison.Ordinal);
        Assert.Contains("counted twice", breach.Message, StringComparison.Ordinal);
        Assert.Equal(committedBefore, writer.CommittedThrough);
        Assert.Equal(["earlier"], JournalRig.Rows(database, "SELECT broker_message_id FROM inbox WHERE run_id = $1", runId));
        Assert.Equal(expected.OutboxThrough(committedBefore), JournalRig.Outbox(database, runId));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task An_ack_that_maps_an_order_to_another_broker_order_than_the_journal_holds_halts_the_journal(bool sameMapping)
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        var expected = new ExpectedRows();
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        using var broker = new AnsweringBroker(writer, database, runNumber);
        TradingPipeline pipeline = PolledUntilFirstOrder(runNumber, expected, writer, broker, out long timeNs);
        string order = expected.Outbox[0].Row.Split(' ')[1];
        string onRecord = sameMapping ? (broker.LastBrokerOrder + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : "some-other-order";
        // An earlier process journaled the ack already (the same, or another broker order for the same order).
        JournalRig.Rows(database, "INSERT INTO broker_order_map (client_order_id, broker_order_id, mapped_at) VALUES ($1, $2, now()) RETURNING 'x'", order, onRecord);
        broker.AnswerPending(pipeline, timeNs);

        Exception? fault = Record.Exception(() => pipeline.Poll());

        if (sameMapping)
        {
            Assert.Null(fault);
            Assert.Equal(expected.InboxThrough(long.MaxValue), JournalRig.Inbox(database, runId));
        }
        else
        {
            var breach = Assert.IsType<JournalInvariantBreachException>(Assert.IsType<HandlerFaultException>(fault).Fault.Exception);
            Assert.Contains($"order {order}", breach.Message, StringComparison.Ordinal);
            Assert.Contains("another broker order", breach.Message, StringComparison.Ordinal);
            Assert.Empty(JournalRig.Inbox(database, runId));
        }
    }

    [Fact]
    public async Task A_drawdown_flatten_journals_the_cancel_of_the_working_order_the_closing_order_and_the_halt()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        var expected = new ExpectedRows();
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        using var broker = new AnsweringBroker(writer, database, runNumber);
        EngineSpec spec = JournalRig.Spec(runNumber) with
        {
            Strategy = () => new StepStrategy(100, 200),
            InitialCash = new Money(20_000 * Micros.PerUnit),
            Risk = new Engine.Risk.RiskLimits { PatternDayTraderRule = false, MaxDrawdownBasisPoints = 1_000 },
        };
        TradingPipeline pipeline = JournalRig.Pipeline(spec, PipelineDriver.Polled, expected, writer, broker);
        JournalRig.Arm(pipeline);
        Bar first = JournalRig.DailyBar(0, 100 * Micros.PerUnit);
        pipeline.PublishBar(JournalRig.Engine, first);
        pipeline.Poll();
        broker.AnswerPending(pipeline, first.EndNs);
        Bar second = JournalRig.DailyBar(1, 100 * Micros.PerUnit);
        pipeline.PublishBar(JournalRig.Engine, second);
        pipeline.Poll();
        broker.AnswerPending(pipeline, second.EndNs, fill: false);
        string working = broker.Sent[^1];
        pipeline.Poll();

        Bar crash = JournalRig.DailyBar(2, 60 * Micros.PerUnit);
        pipeline.PublishBar(JournalRig.Engine, crash);
        pipeline.Poll();

        Assert.Null(pipeline.Fault);
        Assert.Equal(expected.OutboxThrough(long.MaxValue), JournalRig.Outbox(database, runId));
        Assert.Equal(
            ["SELL FLATTEN"],
            JournalRig.Rows(database, "SELECT side || ' ' || (payload->>'command') FROM outbox WHERE run_id = $1 AND payload->>'command' = 'FLATTEN'", runId));
        string brokerOrder = broker.LastBrokerOrder.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(
            [$"{working} CANCEL {brokerOrder} PENDING null"],
            JournalRig.Rows(database, "SELECT client_order_id || ' ' || kind || ' ' || target_broker_order_id || ' ' || state || ' ' || coalesce(quantity::text, 'null') FROM outbox_commands WHERE run_id = $1", runId));
        Assert.StartsWith("HALTED MAX_DRAWDOWN", Assert.Single(JournalRig.Rows(database, "SELECT state || ' ' || halt_reason FROM runs WHERE run_id = $1", runId)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_operator_halt_is_journaled_as_a_halted_run_and_a_disarmed_engine_and_clearing_it_stops_the_run()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        using JournalWriter writer = JournalRig.Writer(database, runId, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Polled, writer);
        JournalRig.Arm(pipeline);
        long at = JournalRig.WaveBar(0).EndNs;
        pipeline.PublishControl(JournalRig.Engine, at, ControlKind.Halt);
        pipeline.Poll();

        List<string> halted = JournalRig.Rows(database, "SELECT r.state || ' | ' || r.halt_reason || ' | ' || a.armed || ' | ' || a.reason FROM runs r JOIN arm_state a ON a.engine_id = r.engine_id WHERE r.run_id = $1", runId);
        pipeline.PublishControl(JournalRig.Engine, at + 1, ControlKind.ClearHalt);
        pipeline.Poll();
        List<string> cleared = JournalRig.Rows(database, "SELECT r.state || ' | ' || a.armed || ' | ' || a.reason FROM runs r JOIN arm_state a ON a.engine_id = r.engine_id WHERE r.run_id = $1", runId);

        Assert.StartsWith("HALTED | OPERATOR_HALT", Assert.Single(halted), StringComparison.Ordinal);
        Assert.Contains("| false | OPERATOR_HALT", halted[0], StringComparison.Ordinal);
        Assert.StartsWith("STOPPED | false | HALT_CLEARED", Assert.Single(cleared), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_database_lost_mid_run_faults_the_pipeline_with_the_database_the_events_and_the_cause_and_loses_nothing_committed()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        const string application = "journal-lost";
        (ExpectedRows expected, AnsweringBroker broker, JournalWriter writer, TradingPipeline pipeline) = Threaded(database, runId, runNumber, application);
        RunBars(pipeline, broker, 20);
        // Everything so far is committed before the database goes, so the batch that meets the loss is the next one.
        Assert.True(SpinWait.SpinUntil(() => writer.CommittedThrough == pipeline.Ring.Cursor, s_timeout), "the journal did not catch up before the loss");
        long committedBefore = writer.CommittedThrough;

        JournalRig.Terminate(database, application);
        // The remaining bars go in with one publish, so the business logic and then the journal take them as one
        // batch: the batch that meets the lost database holds orders, however fast the machine (each bar also moves
        // the risk checkpoint, so bars published one by one could meet it in a batch that holds nothing else).
        Ring.ValueRingBuffer<PipelineEvent> ring = pipeline.Ring;
        int remaining = Bars - 20;
        long high = ring.Next(remaining);
        long low = high - remaining + 1;
        for (long sequence = low; sequence <= high; sequence++)
        {
            ring[sequence].SetBar(JournalRig.Engine, JournalRig.WaveBar(20 + (int)(sequence - low)));
        }

        try
        {
            ring.Publish(low, high);
        }
        catch (Ring.RingHaltedException)
        {
            // The journal met the loss before Publish returned: the events went in, and the halt is the one this test
            // caused (the assertions below say so).
        }

        Assert.Throws<PipelineFaultedException>(() => pipeline.DrainAndStop(s_timeout));
        writer.Dispose();
        broker.Dispose();

        var lost = Assert.IsType<JournalUnavailableException>(writer.Failure);
        Assert.Contains($"database 'journalwritertests'", lost.Message, StringComparison.Ordinal);
        Assert.Matches(@"events \d+\.\.\d+", lost.Message);
        Assert.Contains("terminat", lost.Message, StringComparison.OrdinalIgnoreCase);
        long committed = writer.CommittedThrough;
        Assert.True(committed >= committedBefore);
        Assert.Equal(expected.OutboxThrough(committed), JournalRig.Outbox(database, runId));
        Assert.Equal(expected.InboxThrough(committed), JournalRig.Inbox(database, runId));
        Assert.True(expected.Outbox.Count > expected.OutboxThrough(committed).Count, "the lost batch should have held an order");
        Assert.All(broker.Sent, order => Assert.Contains(order, expected.OutboxThrough(committed).Select(row => row.Split(' ')[1])));
        Assert.Empty(broker.Invisible);
    }

    [Fact]
    public async Task A_database_that_is_down_at_start_stops_the_pipeline_before_any_event()
    {
        string database = await cluster.MigratedDatabaseForAsync(GetType());
        (Guid runId, long runNumber) = JournalRig.CreateRun(database);
        string down = new NpgsqlConnectionStringBuilder(database) { Port = FreePort(), Timeout = 3 }.ConnectionString;
        using JournalWriter writer = JournalRig.Writer(down, runId, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Threaded, writer);

        var refused = Assert.Throws<PipelineFaultedException>(pipeline.Start);

        var unavailable = Assert.IsType<JournalUnavailableException>(refused.Fault.Exception);
        Assert.Contains("before its first event", unavailable.Message, StringComparison.Ordinal);
        Assert.Contains("MQK_DATABASE_URL", unavailable.Message, StringComparison.Ordinal);
        Assert.Equal(-1, writer.CommittedThrough);
    }

    internal static (ExpectedRows, AnsweringBroker, JournalWriter, TradingPipeline) Threaded(string database, Guid runId, long runNumber, string application)
    {
        var expected = new ExpectedRows();
        JournalWriter writer = JournalRig.Writer(database, runId, runNumber, application);
        var broker = new AnsweringBroker(writer, database, runNumber);
        TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Threaded, expected, writer, broker);
        broker.PublishTo = pipeline;
        pipeline.Start();
        return (expected, broker, writer, pipeline);
    }

    /// <summary>Arms, publishes <paramref name="count"/> bars (each answered by the broker before the next) and
    /// waits until everything is handled.</summary>
    private static void RunBars(TradingPipeline pipeline, AnsweringBroker broker, int count)
    {
        JournalRig.Arm(pipeline);
        for (int index = 0; index < count; index++)
        {
            pipeline.PublishBar(JournalRig.Engine, JournalRig.WaveBar(index));
            broker.WaitUntilQuiet(pipeline, s_timeout);
        }
    }

    private static TradingPipeline PolledUntilFirstOrder(long runNumber, ExpectedRows expected, JournalWriter writer, AnsweringBroker broker, out long timeNs)
    {
        TradingPipeline pipeline = JournalRig.Pipeline(runNumber, PipelineDriver.Polled, expected, writer, broker);
        JournalRig.Arm(pipeline);
        for (int index = 0; index < Bars; index++)
        {
            Bar bar = JournalRig.WaveBar(index);
            pipeline.PublishBar(JournalRig.Engine, bar);
            pipeline.Poll();
            if (broker.PendingCount > 0)
            {
                timeNs = bar.EndNs;
                return pipeline;
            }
        }

        throw new InvalidOperationException("the wave never made sma-cross buy");
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
