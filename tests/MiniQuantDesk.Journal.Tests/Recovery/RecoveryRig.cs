using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Journal.Recovery;
using MiniQuantDesk.Journal.Tests.Writing;

namespace MiniQuantDesk.Journal.Tests.Recovery;

/// <summary>What the recovery tests share: a run of a step-strategy engine that trades and stops, a restorer, and
/// a picture of everything a restore must rebuild (orders, fills, portfolio, every stage's account copy).</summary>
internal static class RecoveryRig
{
    public const long PriceMicros = 100 * Micros.PerUnit;

    public static EngineSpec Spec(long runNumber, params long[] steps) =>
        JournalRig.Spec(runNumber) with { Strategy = () => new StepStrategy(steps) };

    public static JournalRecovery Recovery(string database) => new(new JournalRecoveryOptions
    {
        ConnectionString = database,
        SymbolOf = text => text == JournalRig.SymbolText ? JournalRig.Symbol : SymbolId.None,
    });

    /// <summary>Runs bars <paramref name="firstBar"/>.. through a polled pipeline, the broker answering each bar's
    /// orders with the fill share <paramref name="fillPercents"/> gives for that bar (the last entry after that;
    /// −1 leaves the orders unanswered).</summary>
    public static void Trade(TradingPipeline pipeline, ReplyingBroker broker, int firstBar, int bars, params int[] fillPercents)
    {
        for (int i = 0; i < bars; i++)
        {
            Bar bar = JournalRig.DailyBar(firstBar + i, PriceMicros + (i * Micros.PerUnit));
            pipeline.PublishBar(JournalRig.Engine, bar);
            pipeline.Poll();
            int percent = fillPercents[Math.Min(i, fillPercents.Length - 1)];
            broker.Answer(pipeline, bar.EndNs + 1_000, PriceMicros + (i * Micros.PerUnit), Math.Max(percent, 0), ack: percent >= 0);
            pipeline.Poll();
        }
    }

    /// <summary>Everything a restore must rebuild, as text lines a failing assert shows side by side.</summary>
    public static List<string> Picture(TradingPipeline pipeline)
    {
        ExecutionBook book = pipeline.Gateway.BookAt(0);
        var lines = new List<string>();
        foreach (Order order in book.Orders.Orders)
        {
            lines.Add($"order {order}");
        }

        foreach (OrderFill fill in book.Orders.Fills)
        {
            lines.Add($"oms fill {fill}");
        }

        foreach (Fill fill in book.Portfolio.Ledger.Fills)
        {
            lines.Add($"ledger {fill}");
        }

        EnginePortfolio portfolio = book.Portfolio;
        SymbolPosition position = portfolio.PositionOf(JournalRig.Symbol);
        lines.Add($"portfolio cash {portfolio.Cash} fees {portfolio.Fees} realized {portfolio.RealizedPnl} position {position.Quantity} cost {position.CostBasis} lots {position.OpenLots}");
        lines.Add($"live {book.LiveOrderCount} messages {book.Orders.AppliedMessageCount} brokerIds {book.Orders.BrokerOrders.Count}");
        lines.Add(Mirror("gateway", book.Account));
        lines.Add(Mirror("strategy", pipeline.Strategy.AccountAt(0)));
        lines.Add(Mirror("risk", pipeline.Risk.AccountAt(0)));
        lines.Add($"day trades {pipeline.Risk.RiskAt(0).DayTradesInWindow(0)}");
        return lines;
    }

    private static string Mirror(string stage, AccountMirror account) =>
        $"{stage} mirror cash {account.Cash} position {account.PositionOf(JournalRig.Symbol)}";
}
