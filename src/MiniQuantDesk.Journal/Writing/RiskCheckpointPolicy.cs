using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Journal.Writing;

/// <summary>
/// When the journal writes the engine's risk checkpoint in a transaction of its own. The equity peak moves with the
/// marks, so on a rising market nearly every bar raises it; a transaction for each would put the database on the path
/// of every bar. So a batch that commits anyway always carries the latest checkpoint, and a batch with nothing else
/// to commit writes it only when something a restart must not lose changed: the trading day, the day's starting
/// equity (the daily loss baseline), the kill switch — or a peak that rose by at least the step. The journaled peak
/// therefore never lags the engine's by more than the step: after a crash the drawdown is judged from a peak at most
/// that much low (10 basis points by default: a 3% drawdown limit acts as at most 3.1% until the next commit).
/// </summary>
public static class RiskCheckpointPolicy
{
    /// <summary>The default step: 10 basis points of the journaled peak.</summary>
    public const int DefaultPeakStepBasisPoints = 10;

    /// <summary>True when <paramref name="latest"/> must be written even though its batch commits nothing else.</summary>
    /// <param name="journaled">The checkpoint the journal holds (default when none).</param>
    /// <param name="latest">The engine's checkpoint after the batch.</param>
    /// <param name="peakStepBasisPoints">The step a peak-only rise must reach (0: any change).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="peakStepBasisPoints"/> is negative.</exception>
    public static bool MustWriteAlone(in RiskCheckpoint journaled, in RiskCheckpoint latest, int peakStepBasisPoints)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(peakStepBasisPoints);
        if (latest == journaled)
        {
            return false;
        }

        if (latest.HasEquity != journaled.HasEquity
            || latest.TradingDay != journaled.TradingDay
            || latest.DayStartEquity != journaled.DayStartEquity
            || latest.KillSwitch != journaled.KillSwitch)
        {
            return true;
        }

        // Only the peak moved. A peak that fell (a restore, a corporate action) is written at once, as is any rise
        // from a peak of zero or less, where a relative step means nothing.
        long journaledPeak = journaled.PeakEquity.Micros;
        long latestPeak = latest.PeakEquity.Micros;
        if (latestPeak < journaledPeak || journaledPeak <= 0)
        {
            return true;
        }

        // 128-bit, so no peak and no step can overflow the comparison.
        return (Int128)(latestPeak - journaledPeak) * 10_000 >= (Int128)journaledPeak * peakStepBasisPoints;
    }
}
