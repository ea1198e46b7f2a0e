using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Backtest.Artifacts;

/// <summary>A quantity opened and closed again, matched first in, first out: a row of <c>trades.csv</c>.</summary>
/// <param name="Symbol">The symbol.</param>
/// <param name="Direction"><see cref="Side.Buy"/> for a long (bought, then sold), <see cref="Side.Sell"/> for a
/// short (sold, then bought back).</param>
/// <param name="EntryTimeNs">Time of the opening fill.</param>
/// <param name="EntryPriceMicros">Price of the opening fill.</param>
/// <param name="ExitTimeNs">Time of the closing fill.</param>
/// <param name="ExitPriceMicros">Price of the closing fill.</param>
/// <param name="Quantity">Matched shares, positive.</param>
/// <param name="PnlMicros">(exit − entry) × quantity, negated for a short, minus <paramref name="FeesMicros"/>.</param>
/// <param name="FeesMicros">The opening and closing fills' fees allocated to this quantity.</param>
public sealed record RoundTrip(
    string Symbol,
    Side Direction,
    long EntryTimeNs,
    long EntryPriceMicros,
    long ExitTimeNs,
    long ExitPriceMicros,
    long Quantity,
    long PnlMicros,
    long FeesMicros);
