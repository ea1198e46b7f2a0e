using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Journal.Writing;

namespace MiniQuantDesk.Journal.Tests.Writing;

/// <summary>When the journal writes the risk checkpoint in a transaction of its own (<see cref="RiskCheckpointPolicy"/>).</summary>
public sealed class RiskCheckpointPolicyTests
{
    private static readonly RiskCheckpoint s_held = new(HasEquity: true, TradingDay: 100, DayStartEquity: Money(1_000_000), PeakEquity: Money(1_000_000), KillSwitch: false);

    [Fact]
    public void A_new_day_a_new_day_start_equity_or_the_kill_switch_is_written_at_once()
    {
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { TradingDay = 101 }, 10));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { DayStartEquity = Money(999_999) }, 10));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { KillSwitch = true }, 10));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(default, s_held, 10));
    }

    [Fact]
    public void A_peak_that_rose_less_than_the_step_waits_and_one_that_rose_by_the_step_is_written()
    {
        Assert.False(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held, 10));
        Assert.False(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { PeakEquity = Money(1_000_999) }, 10));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { PeakEquity = Money(1_001_000) }, 10));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { PeakEquity = Money(1_000_001) }, 0));
        Assert.True(RiskCheckpointPolicy.MustWriteAlone(s_held, s_held with { PeakEquity = Money(999_999) }, 10));
    }

    [Fact]
    public void A_negative_step_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => RiskCheckpointPolicy.MustWriteAlone(s_held, s_held, -1));
    }

    [Fact]
    public void The_journaled_peak_never_lags_the_engines_peak_by_the_step_or_more()
    {
        // Random rises of the peak (in micros, up to 5% of it at a time), sometimes in a batch that commits anyway.
        Gen<(int Step, (long Rise, bool CommitsAnyway)[] Moves)> cases =
            from step in Gen.Choose(0, 200)
            from moves in Gen.ArrayOf(
                from rise in Gen.Choose(0, 50_000_000)
                from commits in Gen.Elements(false, false, false, true)
                select ((long)rise, commits))
            select (step, moves);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            RiskCheckpoint journaled = s_held;
            RiskCheckpoint engine = s_held;
            foreach ((long rise, bool commitsAnyway) in c.Moves)
            {
                engine = engine with { PeakEquity = new Money(checked(engine.PeakEquity.Micros + rise)) };
                if (commitsAnyway || RiskCheckpointPolicy.MustWriteAlone(journaled, engine, c.Step))
                {
                    journaled = engine;
                }

                // Lagging by less than the step: (engine - journaled) * 10,000 < journaled * step, or nothing lags.
                Int128 lag = (Int128)(engine.PeakEquity.Micros - journaled.PeakEquity.Micros) * 10_000;
                if (engine != journaled && lag >= (Int128)journaled.PeakEquity.Micros * c.Step)
                {
                    return false;
                }
            }

            return true;
        }).QuickCheckThrowOnFailure();
    }

    private static Money Money(long units) => new(units * Micros.PerUnit);
}
