using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Brokers.Tests.Support;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Tests.Paper;

/// <summary>
/// The pump feeds the broker's events into a real polled pipeline:
/// <code>
/// paper_broker.events ──(id &gt; cursor)──▶ pump ──PublishBroker──▶ ring ──▶ business logic ──▶ recorder
/// </code>
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PaperBrokerEventPumpTests(PostgresCluster cluster)
{
    private const long Spy = 500_000_000;

    [Fact]
    public async Task The_pump_publishes_every_event_once_in_cursor_order_with_ids_taken_from_the_broker_numbers()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "pump_order", new PaperBrokerOptions { FeePerShareMicros = 1_000 });
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 10), default);
        await broker.SubmitAsync(Orders.Limit(2, OutboxSide.Sell, 4, Spy + 1), default);
        await broker.SubmitAsync(Orders.Market(3, OutboxSide.Buy, 5, "QQQ"), default);
        await broker.SetPriceAsync("SPY", Spy + 2, 9);
        (TradingPipeline pipeline, BrokerEventRecorder recorder, SymbolTable symbols) = Pipelines.Polled();
        var pump = new PaperBrokerEventPump(broker, pipeline, symbols, batchSize: 2);

        long cursor = await pump.PublishAllAsync(0);
        pipeline.Poll();

        Assert.Equal(5, cursor);
        Assert.Equal([1L, 2L, 3L, 4L, 5L], recorder.Seen.Select(e => e.MessageId));
        Assert.Equal(
            [BrokerEventKind.Ack, BrokerEventKind.Fill, BrokerEventKind.Ack, BrokerEventKind.Reject, BrokerEventKind.Fill],
            recorder.Seen.Select(e => e.Kind));
        BrokerOrderEvent firstFill = recorder.Seen[1];
        Assert.Equal(
            (ClientOrderId.Parse(Orders.Id(1)), new BrokerOrderId(1), 1L, symbols.TryGet("SPY", out SymbolId spy) ? spy : default, Side.Buy, 10L, Spy, 10_000L, 1_000L),
            (firstFill.ClientOrderId, firstFill.BrokerOrderId, firstFill.FillId, firstFill.Symbol, firstFill.Side, firstFill.Quantity, firstFill.Price.Micros, firstFill.Fee.Micros, firstFill.EventTimeNs));
        BrokerOrderEvent reject = recorder.Seen[3];
        Assert.Equal((BrokerEventKind.Reject, BrokerOrderId.None, 0L), (reject.Kind, reject.BrokerOrderId, reject.FillId));
        BrokerOrderEvent restingFill = recorder.Seen[4];
        Assert.Equal((ClientOrderId.Parse(Orders.Id(2)), new BrokerOrderId(2), 2L, Spy + 2, 9L), (restingFill.ClientOrderId, restingFill.BrokerOrderId, restingFill.FillId, restingFill.Price.Micros, restingFill.EventTimeNs));
        Assert.Equal(5, await pump.PublishAllAsync(cursor));
        Assert.Equal(5, recorder.Seen.Count);
    }

    [Fact]
    public async Task A_restarted_pump_resumes_after_the_journal_cursor_without_losing_or_repeating_an_event()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "pump_resume");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        for (long seq = 1; seq <= 5; seq++)
        {
            await broker.SubmitAsync(Orders.Market(seq, seq % 2 == 0 ? OutboxSide.Sell : OutboxSide.Buy, seq), default);
        }

        (TradingPipeline first, BrokerEventRecorder beforeCrash, SymbolTable symbols) = Pipelines.Polled();
        long published = await new PaperBrokerEventPump(broker, first, symbols, batchSize: 3).PublishBatchAsync(0);
        first.Poll();
        // The journal had committed through event 2 when the process died (event 3 was published, not yet durable),
        // and wrote the message handle's decimal text as its cursor.
        string journalCursor = "2";
        for (long seq = 6; seq <= 7; seq++)
        {
            await broker.SubmitAsync(Orders.Market(seq, OutboxSide.Buy, 1), default);
        }

        (TradingPipeline second, BrokerEventRecorder afterRestart, _) = Pipelines.Polled();
        long resumedFrom = PaperBrokerIds.CursorFromJournal(journalCursor);
        long last = await new PaperBrokerEventPump(broker, second, symbols, batchSize: 3).PublishAllAsync(resumedFrom);
        second.Poll();

        Assert.Equal(3, published);
        Assert.Equal([1L, 2L, 3L], beforeCrash.Seen.Select(e => e.MessageId));
        Assert.Equal(Enumerable.Range(3, 12).Select(id => (long)id), afterRestart.Seen.Select(e => e.MessageId));
        Assert.Equal(14, last);
        Assert.Equal(
            Enumerable.Range(1, 14).Select(id => (long)id),
            beforeCrash.Seen.Take(2).Concat(afterRestart.Seen).Select(e => e.MessageId));
    }

    [Theory]
    [InlineData(null, 0L)]
    [InlineData("42", 42L)]
    [InlineData("M42", 42L)]
    public void The_journal_cursor_reads_back_to_the_event_id_to_resume_after(string? cursor, long eventId) =>
        Assert.Equal(eventId, PaperBrokerIds.CursorFromJournal(cursor));

    [Fact]
    public void The_broker_texts_given_to_the_journal_name_the_broker_ids_and_its_cursor_reads_back_to_the_event_id()
    {
        Assert.Equal(
            ["M42", "F7", "P3"],
            new[] { PaperBrokerIds.JournalText(Journal.Writing.BrokerIdKind.Message, 42), PaperBrokerIds.JournalText(Journal.Writing.BrokerIdKind.Fill, 7), PaperBrokerIds.JournalText(Journal.Writing.BrokerIdKind.Order, 3) });
        Assert.Equal(42, PaperBrokerIds.CursorFromJournal(PaperBrokerIds.JournalText(Journal.Writing.BrokerIdKind.Message, 42)));
    }

    [Theory]
    [InlineData("042")]
    [InlineData("M0")]
    [InlineData("F42")]
    [InlineData("abc")]
    [InlineData("")]
    public void A_cursor_that_is_not_a_paper_event_id_is_refused_rather_than_guessed(string cursor)
    {
        FormatException refused = Assert.Throws<FormatException>(() => PaperBrokerIds.CursorFromJournal(cursor));
        Assert.Contains("is not a paper broker event id", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_event_in_a_symbol_no_engine_registered_stops_the_pump_before_it_with_a_reason()
    {
        (PaperBroker broker, _) = await PaperDatabase.FreshAsync(cluster, "pump_unknown_symbol");
        await using PaperBroker disposeAtEnd = broker;
        await broker.SetPriceAsync("SPY", Spy, 1);
        await broker.SetPriceAsync("IWM", Spy, 1);
        await broker.SubmitAsync(Orders.Market(1, OutboxSide.Buy, 1), default);
        await broker.SubmitAsync(Orders.Market(2, OutboxSide.Buy, 1, "IWM"), default);
        (TradingPipeline pipeline, BrokerEventRecorder recorder, SymbolTable symbols) = Pipelines.Polled();
        var pump = new PaperBrokerEventPump(broker, pipeline, symbols);

        InvalidOperationException refused = await Assert.ThrowsAsync<InvalidOperationException>(() => pump.PublishAllAsync(0));
        pipeline.Poll();

        Assert.Contains("paper broker event M3", refused.Message, StringComparison.Ordinal);
        Assert.Contains("symbol IWM, which no engine registered", refused.Message, StringComparison.Ordinal);
        Assert.Equal([1L, 2L], recorder.Seen.Select(e => e.MessageId));
    }
}
