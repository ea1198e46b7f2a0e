using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Portfolio;

namespace MiniQuantDesk.Engine.Tests.Portfolio.Support;

/// <summary>
/// The plainest first-in-first-out book the tests could write, with lists and 128-bit sums and none of the
/// portfolio's machinery (no pool, no plan, no ledger check): one share-lot list per symbol, matched share by
/// share against the oldest lot. The properties check the portfolio against it.
/// </summary>
internal sealed class NaiveFifoModel(long initialCashMicros)
{
    private readonly Dictionary<int, List<(long Quantity, long Price)>> _lots = [];
    private readonly Dictionary<int, Int128> _realized = [];
    private readonly HashSet<long> _applied = [];

    public Int128 Cash { get; private set; } = initialCashMicros;

    public Int128 Fees { get; private set; }

    public Int128 RealizedPnl => _realized.Values.Aggregate(Int128.Zero, (sum, value) => sum + value);

    public void Apply(Fill fill)
    {
        if (!_applied.Add(fill.FillId))
        {
            return;
        }

        List<(long Quantity, long Price)> lots = LotsOf(fill.Symbol);
        long remaining = fill.Quantity;
        int sign = fill.Side == Side.Buy ? 1 : -1;
        while (remaining > 0 && lots.Count > 0 && Math.Sign(lots[0].Quantity) == -sign)
        {
            (long lotQuantity, long lotPrice) = lots[0];
            long closed = Math.Min(remaining, Math.Abs(lotQuantity));

            // A long lot closed by a sell earns (sell − buy) per share; a short lot closed by a buy earns (sell − buy)
            // too, where it sold at the lot's price and buys back at the fill's.
            Int128 perShare = lotQuantity > 0 ? fill.Price.Micros - lotPrice : lotPrice - fill.Price.Micros;
            _realized[fill.Symbol.Value] = RealizedOf(fill.Symbol) + (perShare * closed);
            remaining -= closed;
            long left = lotQuantity - (Math.Sign(lotQuantity) * closed);
            if (left == 0)
            {
                lots.RemoveAt(0);
            }
            else
            {
                lots[0] = (left, lotPrice);
            }
        }

        if (remaining > 0)
        {
            lots.Add((sign * remaining, fill.Price.Micros));
        }

        Cash -= (Int128)sign * fill.Quantity * fill.Price.Micros;
        Cash -= fill.Fee.Micros;
        Fees += fill.Fee.Micros;
    }

    public long PositionOf(SymbolId symbol) => LotsOf(symbol).Sum(lot => lot.Quantity);

    public Int128 RealizedOf(SymbolId symbol) => _realized.GetValueOrDefault(symbol.Value);

    public Lot[] OpenLots(SymbolId symbol) => [.. LotsOf(symbol).Select(lot => new Lot(lot.Quantity, new Price(lot.Price)))];

    private List<(long Quantity, long Price)> LotsOf(SymbolId symbol)
    {
        if (!_lots.TryGetValue(symbol.Value, out List<(long Quantity, long Price)>? lots))
        {
            lots = [];
            _lots.Add(symbol.Value, lots);
        }

        return lots;
    }
}
