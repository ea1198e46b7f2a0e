using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Integrity;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Tests.Market;

namespace MiniQuantDesk.Engine.Tests.Integrity;

/// <summary>Whatever arrives, the guard answers with a decision a person can read: never an exception, never a
/// refusal without a named reason.</summary>
public sealed class IntegrityGuardProperties
{
    private static readonly Config s_config = Config.QuickThrowOnFailure.WithMaxTest(300);
    private static readonly long s_sessionOpen = NewYork.At(2024, 3, 5, 9, 30);

    private static readonly Gen<long> s_anyLong =
        from high in Gen.Choose(0, int.MaxValue)
        from low in Gen.Choose(0, int.MaxValue)
        from negative in Gen.Elements(false, true)
        select negative ? ~(((long)high << 32) | (uint)low) : ((long)high << 32) | (uint)low;

    /// <summary>Any time at all, the edges of a long, or whole minutes around a few real sessions (so that many bars
    /// get past the first checks and exercise the later ones).</summary>
    private static readonly Gen<long> s_time = Gen.OneOf(
        s_anyLong,
        Gen.Elements(long.MinValue, long.MaxValue, 0L, -1L),
        Gen.Choose(-3_000, 12_000).Select(minutes => s_sessionOpen + (minutes * 60_000_000_000L)),
        Gen.Choose(-3_000, 12_000).Select(minutes => s_sessionOpen + (minutes * 60_000_000_000L)));

    private static readonly Gen<long> s_price = Gen.OneOf(
        s_anyLong,
        Gen.Elements(0L, -1L, long.MaxValue, long.MinValue),
        Gen.Choose(99, 101).Select(dollars => dollars * 1_000_000L),
        Gen.Choose(99, 101).Select(dollars => dollars * 1_000_000L));

    private static readonly Gen<Bar> s_bar =
        from symbol in Gen.Choose(-1, 66)
        from minutes in Gen.Elements(0, 1, 1, 1, 5, 390, 391, -1, int.MaxValue, int.MinValue)
        from feed in Gen.Choose(-1, 2)
        from start in s_time
        from length in Gen.OneOf(Gen.Constant(60_000_000_000L), Gen.Constant(300_000_000_000L), s_anyLong, Gen.Constant(0L))
        from open in s_price
        from high in s_price
        from low in s_price
        from close in s_price
        from volume in Gen.OneOf(s_anyLong, Gen.Choose(0, 1_000).Select(v => (long)v))
        from complete in Gen.Elements(true, true, true, false)
        select new Bar
        {
            Symbol = new SymbolId(symbol),
            Timeframe = new Timeframe(minutes),
            FeedId = feed,
            StartNs = start,
            EndNs = unchecked(start + length),
            Open = new Price(open),
            High = new Price(high),
            Low = new Price(low),
            Close = new Price(close),
            Volume = volume,
            IsComplete = complete,
        };

    /// <summary>Bars (mostly handled at their close, sometimes at any time), timers, and operator actions.</summary>
    private static readonly Arbitrary<(int Kind, Bar Bar, long Time)[]> s_events =
        Gen.ArrayOf(
            from kind in Gen.Elements(0, 0, 0, 0, 0, 0, 1, 2, 3)
            from bar in s_bar
            from delay in Gen.Choose(0, 120).Select(seconds => seconds * 1_000_000_000L)
            from anyTime in s_time
            from onTime in Gen.Elements(true, true, true, false)
            select (kind, bar, onTime ? unchecked(bar.EndNs + delay) : anyTime))
        .ToArbitrary();

    [Fact]
    public void Random_garbage_never_throws_and_always_yields_acceptance_or_a_named_reason()
    {
        Check.One(s_config, Prop.ForAll(s_events, events =>
        {
            var guard = new IntegrityGuard(
                NyseCalendar.Default,
                new IntegrityOptions { FeedCount = 2, Timeframes = [Timeframe.Daily, Timeframe.OneMinute, new Timeframe(5)], CopyWindowBars = 4 });
            foreach ((int kind, Bar bar, long time) in events)
            {
                switch (kind)
                {
                    case 0:
                        Assert.True(IsReadable(guard.OnBar(in bar, time)));
                        break;
                    case 1:
                        Assert.True(IsReadable(guard.OnTimer(time)));
                        break;
                    case 2:
                        guard.ClearHalt();
                        break;
                    default:
                        guard.Arm();
                        break;
                }
            }

            return true;
        }));
    }

    private static bool IsReadable(IntegrityDecision decision)
    {
        bool named = decision.Action is IntegrityAction.Accept or IntegrityAction.Corroborate
            ? !decision.Reason.IsSet
            : decision.Reason.IsSet && Enum.IsDefined(decision.Reason.Code);
        return named && Enum.IsDefined(decision.Action) && decision.Describe().Length > 0;
    }
}
