using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Tests.Pipeline.Support;

namespace MiniQuantDesk.Engine.Tests.Pipeline;

/// <summary>
/// Malformed events never crash the pipeline nor change the account: each is stopped at the first stage that can
/// judge it, with a named reason. One scenario per kind of bad input the issue names.
/// </summary>
public sealed class PipelineBadInputTests
{
    private const int Engine = 4;
    private static readonly SymbolId s_symbol = new(1);

    public static TheoryData<string, ReasonCode> SpoiledBars => new()
    {
        { "zero close", ReasonCode.NonPositivePrice },
        { "negative low", ReasonCode.NonPositivePrice },
        { "high below low", ReasonCode.InconsistentBar },
        { "open above high", ReasonCode.InconsistentBar },
        { "close below low", ReasonCode.InconsistentBar },
        { "timestamp goes backwards", ReasonCode.TimeWentBackwards },
        { "the last bar again", ReasonCode.DuplicateBar },
        { "unknown symbol", ReasonCode.UnknownSymbol },
        { "still forming", ReasonCode.IncompleteBar },
        { "negative volume", ReasonCode.NegativeVolume },
    };

    [Theory]
    [MemberData(nameof(SpoiledBars))]
    public void A_spoiled_bar_gets_its_named_reason_reaches_no_strategy_and_leaves_the_account_as_it_was(string spoil, ReasonCode expected)
    {
        (TradingPipeline pipeline, DecisionRecorder recorder) = ArmedWithOneBar();
        Bar bar = Sessions.Daily(s_symbol, Sessions.Day(5), 100 * Micros.PerUnit);
        switch (spoil)
        {
            case "zero close": bar.Close = new Price(0); break;
            case "negative low": bar.Low = new Price(-1); break;
            case "high below low": bar.High = new Price(bar.Low.Micros - 1); break;
            case "open above high": bar.Open = new Price(bar.High.Micros + 1); break;
            case "close below low": bar.Close = new Price(bar.Low.Micros - 1); break;
            case "timestamp goes backwards": bar = Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit); break;
            case "the last bar again": bar = Sessions.Daily(s_symbol, Sessions.Day(4), 101 * Micros.PerUnit); break;
            case "unknown symbol": bar.Symbol = new SymbolId(999); break;
            case "still forming": bar.IsComplete = false; break;
            default: bar.Volume = -5; break;
        }

        Money cash = pipeline.Gateway.BookAt(0).Portfolio.Cash;
        pipeline.PublishBar(Engine, in bar);
        pipeline.Poll();

        SlotRecord slot = recorder.Records[^1];
        Assert.Null(pipeline.Fault);
        Assert.Equal(expected, slot.IntegrityReason.Code);
        Assert.Equal(string.Empty, slot.Targets);
        Assert.Empty(slot.DecisionList);
        Assert.Equal(cash, pipeline.Gateway.BookAt(0).Portfolio.Cash);
    }

    [Fact]
    public void A_bar_for_an_engine_nobody_configured_is_refused_as_unknown_engine()
    {
        (TradingPipeline pipeline, DecisionRecorder recorder) = ArmedWithOneBar();

        pipeline.PublishBar(77, Sessions.Daily(s_symbol, Sessions.Day(5), 100 * Micros.PerUnit));
        pipeline.Poll();

        SlotRecord slot = recorder.Records[^1];
        Assert.Equal((ReasonCode.UnknownEngine, 77L), (slot.Refused.Code, slot.Refused.Observed));
        Assert.Equal(string.Empty, slot.Targets);
        Assert.Null(pipeline.Fault);
    }

    [Fact]
    public void An_event_of_no_known_kind_is_refused_as_malformed()
    {
        (TradingPipeline pipeline, DecisionRecorder recorder) = ArmedWithOneBar();

        pipeline.PublishRaw(0, static (ref PipelineEvent slot, int _) =>
        {
            slot.Kind = (PipelineEventKind)99;
            slot.EngineId = Engine;
            slot.EventTimeNs = 1;
            slot.Bar = default;
            slot.Broker = default;
            slot.Control = default;
        });
        pipeline.Poll();

        Assert.Equal(ReasonCode.MalformedEvent, recorder.Records[^1].Refused.Code);
        Assert.Null(pipeline.Fault);
    }

    [Fact]
    public void A_fill_of_zero_shares_halts_the_engine_with_a_named_reason_and_changes_no_position()
    {
        var broker = new InstantBroker();
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], broker, recorder);
        Engines.Arm(pipeline, Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 1).StartNs - 1);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 100 * Micros.PerUnit));
        pipeline.Poll();
        CommandDecision order = recorder.Records.SelectMany(r => r.DecisionList).Single();

        var fill = new BrokerOrderEvent
        {
            Kind = BrokerEventKind.Fill,
            ClientOrderId = order.Command.ClientOrderId,
            MessageId = 1,
            FillId = 1,
            Symbol = s_symbol,
            Side = Side.Buy,
            Quantity = 0,
            Price = new Price(100 * Micros.PerUnit),
            EventTimeNs = Sessions.Daily(s_symbol, Sessions.Day(1), 1).StartNs,
        };
        pipeline.PublishBroker(in fill);
        pipeline.Poll();

        SlotRecord slot = recorder.Records[^1];
        Assert.Equal(ReasonCode.NonPositiveQuantity, slot.OrderReason.Code);
        Assert.Equal(ReasonCode.NonPositiveQuantity, slot.EngineHalt.Code);
        Assert.Equal(0, pipeline.Gateway.BookAt(0).Portfolio.PositionOf(s_symbol).Quantity);
        Assert.Null(pipeline.Fault);
    }

    [Theory]
    [InlineData(double.NaN, ReasonCode.NotANumber)]
    [InlineData(double.PositiveInfinity, ReasonCode.NotANumber)]
    [InlineData(double.NegativeInfinity, ReasonCode.NotANumber)]
    [InlineData(1e300, ReasonCode.ArithmeticOverflow)]
    public void A_number_that_arrives_as_a_double_at_the_edge_becomes_a_named_reason_never_a_price(double value, ReasonCode expected)
    {
        NumericError error = EdgeNumbers.TryMicrosFromDouble(value, out long micros);

        Assert.Equal(expected, EdgeNumbers.ReasonFor(error));
        Assert.Equal(0, micros);
    }

    [Fact]
    public void A_finite_double_at_the_edge_becomes_micros_rounded_half_away_from_zero()
    {
        Assert.Equal(NumericError.None, EdgeNumbers.TryMicrosFromDouble(101.2500005, out long micros));
        Assert.Equal(101_250_001, micros);
    }

    private static (TradingPipeline Pipeline, DecisionRecorder Recorder) ArmedWithOneBar()
    {
        var recorder = new DecisionRecorder();
        TradingPipeline pipeline = Engines.Polled([Engines.Spec(Engine, () => new FlipStrategy(100))], recorder);
        Engines.Arm(pipeline, Engine, Sessions.Daily(s_symbol, Sessions.Day(0), 1).StartNs - 1);
        pipeline.PublishBar(Engine, Sessions.Daily(s_symbol, Sessions.Day(4), 101 * Micros.PerUnit));
        pipeline.Poll();
        return (pipeline, recorder);
    }
}
