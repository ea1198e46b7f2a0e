using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Brokers.Paper;

/// <summary>
/// The paper broker's account as one consistent snapshot: what a reconcile or a crash test compares the engine's
/// portfolio with.
/// </summary>
/// <param name="InitialCash">The account's starting cash.</param>
/// <param name="Cash">Starting cash − Σ(sign · quantity · price) − Σ fees over every fill (sign +1 buy, −1 sell).</param>
/// <param name="Positions">Net filled shares per symbol, signed (short negative); symbols that net to zero are left out.</param>
/// <param name="Fills">Every fill, in fill order.</param>
/// <param name="LastEventId">The highest event id in the snapshot (0 when there is none): the cursor it is current to.</param>
public sealed record PaperBrokerTruth(
    Money InitialCash,
    Money Cash,
    IReadOnlyDictionary<string, long> Positions,
    IReadOnlyList<PaperFill> Fills,
    long LastEventId)
{
    /// <summary>The net position in <paramref name="symbol"/> (0 when flat or never traded).</summary>
    public long PositionOf(string symbol) => Positions.TryGetValue(symbol, out long shares) ? shares : 0;
}
