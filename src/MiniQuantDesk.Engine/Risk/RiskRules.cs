using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>
/// The per-order risk checks, pure: given the limits, the account's <see cref="RiskSnapshot"/> and the order, the
/// decision. They are split around the account-level limits (daily loss, drawdown), which need the equity and are
/// judged by <see cref="RiskEngine"/> as the equity moves: <see cref="CheckBeforeAccount"/> is bad input, kill
/// switch, sticky halt and PDT; <see cref="CheckAfterAccount"/> is the reject storm and the per-order and
/// per-symbol limits. Together with the account check between them they are the order, exactly.
/// </summary>
public static class RiskRules
{
    /// <summary>Bad input (halt), kill switch, sticky halt, pattern day trader (reject).</summary>
    public static RiskDecision CheckBeforeAccount(RiskLimits limits, in RiskSnapshot snapshot, in OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(limits);

        // 1. Bad input: our own code produced a nonsense order; never guess, halt.
        if (!order.Symbol.IsSet)
        {
            return Halt(new Reason(ReasonCode.UnknownSymbol, order.Symbol, order.EventTimeNs, order.Symbol.Value, 0));
        }

        if (order.Quantity <= 0 || order.Side == Side.None)
        {
            return Halt(new Reason(ReasonCode.NonPositiveQuantity, order.Symbol, order.EventTimeNs, order.Quantity, 1));
        }

        if (!order.ReferencePrice.IsValid)
        {
            return Halt(new Reason(ReasonCode.NonPositivePrice, order.Symbol, order.EventTimeNs, order.ReferencePrice.Micros, 1));
        }

        // 2. Kill switch, 3. sticky halt.
        if (snapshot.KillSwitch)
        {
            return Reject(ReasonCode.KillSwitch, order, 1, 0);
        }

        if (snapshot.Halt.IsSet)
        {
            return Reject(ReasonCode.Halted, order, (long)snapshot.Halt.Code, 0);
        }

        if (!TryPositionAfter(in order, out long positionAfter))
        {
            return Halt(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.Position, order.Quantity));
        }

        // 4. Pattern day trader: reducing a position opened today completes a day trade.
        bool reduces = Math.Abs(positionAfter) < Math.Abs(order.Position) || Math.Sign(positionAfter) != Math.Sign(order.Position);
        if (limits.PatternDayTraderRule && order.OpenedToday && order.Position != 0 && reduces
            && order.Equity < limits.PatternDayTraderEquity && snapshot.DayTradesInWindow >= limits.MaxDayTrades)
        {
            return Reject(ReasonCode.PatternDayTrader, order, snapshot.DayTradesInWindow, limits.MaxDayTrades);
        }

        return RiskDecision.Allow;
    }

    /// <summary>Reject storm (halt); max order quantity and notional, max position, gross exposure (reject).</summary>
    public static RiskDecision CheckAfterAccount(RiskLimits limits, in RiskSnapshot snapshot, in OrderRequest order)
    {
        ArgumentNullException.ThrowIfNull(limits);
        if (snapshot.RejectStorm)
        {
            return Halt(new Reason(ReasonCode.RejectStorm, order.Symbol, order.EventTimeNs, snapshot.RecentRejects, limits.RejectStormCount));
        }

        if (!TryPositionAfter(in order, out long positionAfter))
        {
            return Halt(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.Position, order.Quantity));
        }

        if (order.Quantity > limits.MaxOrderQuantity)
        {
            return Reject(ReasonCode.MaxOrderQuantity, order, order.Quantity, limits.MaxOrderQuantity);
        }

        if (!Notional.TryOf(order.ReferencePrice, order.Quantity, out Money notional))
        {
            return Halt(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.ReferencePrice.Micros, order.Quantity));
        }

        if (notional > limits.MaxOrderNotional)
        {
            return Reject(ReasonCode.MaxOrderNotional, order, notional.Micros, limits.MaxOrderNotional.Micros);
        }

        bool increases = Math.Abs(positionAfter) > Math.Abs(order.Position);
        if (!increases)
        {
            return RiskDecision.Allow;
        }

        if (Math.Abs(positionAfter) > limits.MaxPositionShares)
        {
            return Reject(ReasonCode.MaxPosition, order, Math.Abs(positionAfter), limits.MaxPositionShares);
        }

        // Exposure added by the order at its reference price: the growth of |position| times the price.
        long added = Math.Abs(positionAfter) - Math.Abs(order.Position);
        if (!Notional.TryOf(order.ReferencePrice, added, out Money addedExposure)
            || !Money.TryAdd(order.GrossExposure, addedExposure, out Money grossAfter))
        {
            return Halt(new Reason(ReasonCode.ArithmeticOverflow, order.Symbol, order.EventTimeNs, order.GrossExposure.Micros, added));
        }

        return grossAfter > limits.MaxGrossExposure
            ? Reject(ReasonCode.GrossExposure, order, grossAfter.Micros, limits.MaxGrossExposure.Micros)
            : RiskDecision.Allow;
    }

    private static bool TryPositionAfter(in OrderRequest order, out long positionAfter)
    {
        long signedQuantity = order.Side == Side.Buy ? order.Quantity : -order.Quantity;
        try
        {
            positionAfter = checked(order.Position + signedQuantity);
            return true;
        }
        catch (OverflowException)
        {
            positionAfter = 0;
            return false;
        }
    }

    private static RiskDecision Halt(Reason reason) => new(RiskAction.Halt, reason);

    private static RiskDecision Reject(ReasonCode code, in OrderRequest order, long observed, long limit) =>
        new(RiskAction.Reject, new Reason(code, order.Symbol, order.EventTimeNs, observed, limit));
}
