using FsCheck;
using FsCheck.Fluent;
using MiniQuantDesk.Brokers.Paper;
using MiniQuantDesk.Brokers.Tests.Support;
using MiniQuantDesk.Journal.Dispatch;

namespace MiniQuantDesk.Brokers.Tests.Paper;

/// <summary>Laws of the paper broker over random submit sequences, against the real database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PaperBrokerPropertyTests(PostgresCluster cluster)
{
    private const long Spy = 500_000_000;
    private const long Qqq = 400_000_000;

    private static readonly string[] s_symbols = ["SPY", "QQQ", "IWM"];

    /// <summary>How an order's limit stands to the last price: market, crossed, or not crossed.</summary>
    private enum Limit
    {
        Market,
        Crossed,
        NotCrossed,
    }

    [Fact]
    public async Task Broker_positions_equal_the_sum_of_the_distinct_orders_fills_for_any_submit_sequence_with_duplicates()
    {
        (PaperBroker broker, string database) = await PaperDatabase.FreshAsync(cluster, "paper_property");
        await using PaperBroker disposeAtEnd = broker;

        // A pool of up to eight orders with fixed terms, and a random sequence of submits drawn from it: every repeat
        // is a duplicate with the same terms, as a retrying dispatcher sends it. IWM never has a price (rejects).
        Gen<(string Symbol, OutboxSide Side, long Quantity, Limit Limit)> terms =
            from symbol in Gen.Elements(s_symbols)
            from side in Gen.Elements(OutboxSide.Buy, OutboxSide.Sell)
            from quantity in Gen.Choose(1, 50)
            from limit in Gen.Elements(Limit.Market, Limit.Crossed, Limit.NotCrossed)
            select (symbol, side, (long)quantity, limit);
        Arbitrary<((string Symbol, OutboxSide Side, long Quantity, Limit Limit)[] Pool, int[] Submits)> cases = (
            from pool in terms.NonEmptyListOf().Select(list => list.Take(8).ToArray())
            from submits in Gen.Choose(0, pool.Length - 1).NonEmptyListOf().Select(list => list.Take(24).ToArray())
            select (pool, submits)).ToArbitrary();

        Property property = Prop.ForAll(cases, testCase =>
        {
            PaperDatabase.ResetAsync(database).GetAwaiter().GetResult();
            broker.SetPriceAsync("SPY", Spy, 1).GetAwaiter().GetResult();
            broker.SetPriceAsync("QQQ", Qqq, 1).GetAwaiter().GetResult();
            OutboxOrder[] pool = [.. testCase.Pool.Select((t, index) => Order(index + 1, t.Symbol, t.Side, t.Quantity, t.Limit))];
            var answers = new Dictionary<string, SubmitOutcome>();
            foreach (int index in testCase.Submits)
            {
                OutboxOrder order = pool[index];
                SubmitOutcome outcome = broker.SubmitAsync(order, default).AsTask().GetAwaiter().GetResult();
                if (answers.TryGetValue(order.ClientOrderId, out SubmitOutcome? first) && first != outcome)
                {
                    return false;
                }

                answers[order.ClientOrderId] = outcome;
            }

            var expected = new Dictionary<string, long>(StringComparer.Ordinal);
            int expectedFills = 0;
            foreach (int index in testCase.Submits.Distinct())
            {
                (string symbol, OutboxSide side, long quantity, Limit limit) = testCase.Pool[index];
                if (symbol != "IWM" && limit != Limit.NotCrossed)
                {
                    expected[symbol] = expected.GetValueOrDefault(symbol) + (side == OutboxSide.Buy ? quantity : -quantity);
                    expectedFills++;
                }
            }

            PaperBrokerTruth truth = broker.ReadTruthAsync().GetAwaiter().GetResult();
            long orders = PaperDatabase.ScalarAsync(database, "SELECT count(*) FROM paper_broker.orders").GetAwaiter().GetResult();
            return truth.Fills.Count == expectedFills
                && orders == testCase.Submits.Distinct().Count()
                && truth.Positions.OrderBy(p => p.Key).SequenceEqual(expected.Where(p => p.Value != 0).OrderBy(p => p.Key));
        });

        Check.One(Config.QuickThrowOnFailure.WithMaxTest(30), property);
    }

    private static OutboxOrder Order(long seq, string symbol, OutboxSide side, long quantity, Limit limit)
    {
        long last = symbol == "QQQ" ? Qqq : Spy;
        // A buy crosses at or above the last price, a sell at or below it.
        long limitMicros = limit switch
        {
            Limit.Market => 0,
            Limit.Crossed => side == OutboxSide.Buy ? last + 1_000 : last - 1_000,
            _ => side == OutboxSide.Buy ? last - 1_000 : last + 1_000,
        };
        return Orders.Limit(seq, side, quantity, limitMicros, symbol);
    }
}
