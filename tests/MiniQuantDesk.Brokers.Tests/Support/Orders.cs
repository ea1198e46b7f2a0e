using System.Globalization;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Tests.Support;

/// <summary>Outbox orders as the dispatcher would hand them to a broker.</summary>
internal static class Orders
{
    public static readonly Guid RunId = new("6f1c2c9e-3a1b-4d2e-9f00-0000000000a5");

    /// <summary>The canonical client order id of engine 1, run 7, sequence <paramref name="seq"/>.</summary>
    public static string Id(long seq, int engine = 1) =>
        string.Create(CultureInfo.InvariantCulture, $"E{engine}-R7-S{seq:D9}-I0");

    public static OutboxOrder Market(long seq, OutboxSide side, long quantity, string symbol = "SPY") =>
        new(seq, RunId, Id(seq), "1", seq, symbol, side, quantity, OutboxOrderKind.Submit, 0, seq * 1_000, 1);

    public static OutboxOrder Limit(long seq, OutboxSide side, long quantity, long limitMicros, string symbol = "SPY") =>
        Market(seq, side, quantity, symbol) with { LimitPriceMicros = limitMicros };
}
