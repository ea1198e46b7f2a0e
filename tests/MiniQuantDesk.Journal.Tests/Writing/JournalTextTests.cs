using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>The engine's enums as the journal spells them: every defined value has its text, and anything else is
/// refused, never guessed.</summary>
public sealed class JournalTextTests
{
    [Theory]
    [InlineData(Side.Buy, "BUY")]
    [InlineData(Side.Sell, "SELL")]
    public void A_side_is_written_as_the_outbox_spells_it(Side side, string text) => Assert.Equal(text, SideText.Of(side));

    [Theory]
    [InlineData(BrokerEventKind.Ack, "ACK")]
    [InlineData(BrokerEventKind.Reject, "REJECT")]
    [InlineData(BrokerEventKind.Fill, "FILL")]
    [InlineData(BrokerEventKind.CancelAck, "CANCEL_ACK")]
    [InlineData(BrokerEventKind.CancelReject, "CANCEL_REJECT")]
    [InlineData(BrokerEventKind.ReplaceAck, "REPLACE_ACK")]
    [InlineData(BrokerEventKind.ReplaceReject, "REPLACE_REJECT")]
    [InlineData(BrokerEventKind.Expired, "EXPIRED")]
    public void A_broker_message_kind_is_written_as_the_inbox_spells_it(BrokerEventKind kind, string text) =>
        Assert.Equal(text, InboxKindText.Of(kind));

    [Fact]
    public void Every_broker_message_kind_the_engine_defines_has_an_inbox_kind()
    {
        foreach (BrokerEventKind kind in Enum.GetValues<BrokerEventKind>().Where(kind => kind != BrokerEventKind.None))
        {
            Assert.Matches("^[A-Z_]+$", InboxKindText.Of(kind));
        }
    }

    [Theory]
    [InlineData(CommandKind.Submit, "SUBMIT", true)]
    [InlineData(CommandKind.Flatten, "FLATTEN", true)]
    [InlineData(CommandKind.Cancel, "CANCEL", false)]
    [InlineData(CommandKind.Replace, "REPLACE", false)]
    public void A_command_kind_is_written_as_the_journal_spells_it(CommandKind kind, string text, bool newOrder)
    {
        Assert.Equal(text, CommandKindText.Of(kind));
        Assert.Equal(newOrder, CommandKindText.IsNewOrder(kind));
    }

    [Fact]
    public void A_zero_limit_is_a_market_order_and_a_positive_one_a_limit_order()
    {
        Assert.Equal("MARKET", OrderTypeText.Of(new Price(0)));
        Assert.Equal("LIMIT", OrderTypeText.Of(new Price(1)));
    }

    [Fact]
    public void A_missing_or_unknown_value_is_refused_never_guessed()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SideText.Of(Side.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => SideText.Of((Side)9));
        Assert.Throws<ArgumentOutOfRangeException>(() => InboxKindText.Of(BrokerEventKind.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => InboxKindText.Of((BrokerEventKind)99));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandKindText.Of(CommandKind.None));
        Assert.Throws<ArgumentOutOfRangeException>(() => CommandKindText.Of((CommandKind)42));
        Assert.Throws<ArgumentOutOfRangeException>(() => OrderTypeText.Of(new Price(-1)));
    }

    [Fact]
    public void An_event_time_becomes_its_utc_instant_to_the_tick()
    {
        DateTime instant = EventTimestamp.Of(1_609_772_400_123_456_789);

        Assert.Equal(DateTimeKind.Utc, instant.Kind);
        Assert.Equal(new DateTime(2021, 1, 4, 15, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567), instant);
        Assert.Equal(2262, EventTimestamp.Of(long.MaxValue).Year);
        Assert.Equal(1677, EventTimestamp.Of(long.MinValue).Year);
    }
}
