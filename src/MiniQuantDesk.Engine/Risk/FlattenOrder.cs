using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Risk;

/// <summary>One order that closes a position: the opposite side, the whole size.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Side">Sell to close a long, buy to close a short.</param>
/// <param name="Quantity">The position's absolute size.</param>
public readonly record struct FlattenOrder(SymbolId Symbol, Side Side, long Quantity)
{
    /// <summary>
    /// Writes the orders that close every non-zero position of <paramref name="positions"/> (signed shares indexed
    /// by symbol id) into <paramref name="orders"/>, and returns how many it wrote. This is what FlattenAndHalt
    /// executes: allocation-free, in symbol order, so the same book always gives the same orders.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="orders"/> is too short for every open position.</exception>
    public static int Plan(ReadOnlySpan<long> positions, Span<FlattenOrder> orders)
    {
        int written = 0;
        for (int symbol = 1; symbol < positions.Length; symbol++)
        {
            long position = positions[symbol];
            if (position == 0)
            {
                continue;
            }

            if (written == orders.Length)
            {
                throw new ArgumentException($"Room for {orders.Length} flattening orders, but more positions are open.", nameof(orders));
            }

            orders[written++] = new FlattenOrder(
                new SymbolId(symbol),
                position > 0 ? Side.Sell : Side.Buy,
                Math.Abs(position));
        }

        return written;
    }
}
