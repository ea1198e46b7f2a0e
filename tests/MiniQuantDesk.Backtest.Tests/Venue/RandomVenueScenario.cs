using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Market.Calendar;
using MiniQuantDesk.Engine.Numerics;

namespace MiniQuantDesk.Backtest.Tests.Venue;

/// <summary>
/// A reproducible random run of the venue: two symbols, a few weeks of daily bars that random-walk (some without
/// volume), and after every bar a few random orders of every type and time in force, with cancels and replaces
/// now and then. Everything comes from one seed through SplitMix64, so a failing seed reproduces exactly.
/// </summary>
internal sealed class RandomVenueScenario
{
    private const int Symbols = 2;
    private const int Days = 25;

    private readonly VenueOptions _options;
    private readonly ulong _seed;
    private readonly bool _withOcoGroups;

    public RandomVenueScenario(VenueOptions options, int seed, bool withOcoGroups)
    {
        _options = options;
        _seed = (ulong)seed;
        _withOcoGroups = withOcoGroups;
    }

    /// <summary>The orders submitted, by client order id.</summary>
    public Dictionary<ClientOrderId, VenueOrder> Orders { get; } = [];

    /// <summary>Runs the scenario and returns every report, in order.</summary>
    public List<VenueReport> Run()
    {
        var random = new SplitMix64(_seed);
        var venue = new SimulatedVenue(_options, Symbols, 64);
        var reports = new List<VenueReport>();
        long[] close = [100_000_000, 40_000_000];
        long sequence = 0;
        long lastEnd = 0;
        DateOnly date = new(2024, 1, 2);
        NyseCalendar calendar = NyseCalendar.Default;
        for (int day = 0; day < Days; day++, date = calendar.NextTradingDay(date))
        {
            for (int symbol = 0; symbol < Symbols; symbol++)
            {
                Bar bar = NextBar(random, calendar, date, close[symbol]);
                close[symbol] = bar.Close.Micros;
                lastEnd = bar.EndNs;
                venue.OnBar(in bar, symbol);
                Drain(venue, reports);

                int orders = random.Next(4);
                for (int i = 0; i < orders; i++)
                {
                    VenueOrder order = NextOrder(random, ++sequence, symbol, bar);
                    Orders[order.ClientOrderId] = order;
                    venue.Submit(in order);
                    Drain(venue, reports);
                }

                if (sequence > 0 && random.Next(4) == 0)
                {
                    ClientOrderId target = new(1, 1, Math.Max(1, sequence - random.Next(6)), 0);
                    if (random.Next(2) == 0)
                    {
                        venue.Cancel(target, bar.EndNs);
                    }
                    else
                    {
                        VenueOrder original = Orders[target];
                        Price limit = original.Type is OrderType.Limit or OrderType.StopLimit ? Around(random, bar.Close.Micros) : default;
                        venue.Replace(target, 1 + random.Next(2_000), limit, bar.EndNs);
                    }

                    Drain(venue, reports);
                }
            }
        }

        venue.EndOfData(lastEnd);
        Drain(venue, reports);
        return reports;
    }

    private static void Drain(SimulatedVenue venue, List<VenueReport> reports)
    {
        while (venue.TryDequeue(out VenueReport report))
        {
            reports.Add(report);
        }
    }

    private static Bar NextBar(SplitMix64 random, NyseCalendar calendar, DateOnly date, long previousClose)
    {
        long open = Move(random, previousClose, 200);
        long close = Move(random, open, 300);
        long high = Math.Max(open, close) + (Math.Max(open, close) * random.Next(150) / 10_000);
        long low = Math.Max(1_000_000, Math.Min(open, close) - (Math.Min(open, close) * random.Next(150) / 10_000));
        return new Bar
        {
            Symbol = new SymbolId(1),
            Timeframe = Timeframe.Daily,
            StartNs = calendar.SessionOpenNs(date),
            EndNs = calendar.SessionCloseNs(date),
            Open = new Price(open),
            High = new Price(high),
            Low = new Price(Math.Min(low, Math.Min(open, close))),
            Close = new Price(close),
            Volume = random.Next(5) == 0 ? 0 : 1_000 + random.Next(50_000),
            IsComplete = true,
        };
    }

    /// <summary>A price up to <paramref name="maxBps"/> basis points either side, at least one dollar.</summary>
    private static long Move(SplitMix64 random, long price, int maxBps) =>
        Math.Max(1_000_000, price + (price * (random.Next((2 * maxBps) + 1) - maxBps) / 10_000));

    private static Price Around(SplitMix64 random, long price) => new(Move(random, price, 400));

    private VenueOrder NextOrder(SplitMix64 random, long sequence, int symbol, in Bar bar)
    {
        OrderType type = (OrderType)(1 + random.Next(4));
        Side side = random.Next(2) == 0 ? Side.Buy : Side.Sell;
        TimeInForce timeInForce = random.Next(2) == 0 ? TimeInForce.Day : TimeInForce.GoodTillCanceled;
        long close = bar.Close.Micros;
        Price limit = type is OrderType.Limit or OrderType.StopLimit ? Around(random, close) : default;
        Price stop = type is OrderType.Stop or OrderType.StopLimit ? Around(random, close) : default;

        // Consecutive orders of one symbol share a group now and then, like a bracket's stop and target.
        long ocoGroup = _withOcoGroups && random.Next(3) == 0 ? 1 + ((sequence / 2) * Symbols) + symbol : 0;
        return new VenueOrder(
            new ClientOrderId(1, 1, sequence, 0), sequence, symbol, side, type, timeInForce, 1 + random.Next(2_000),
            limit, stop, bar.EndNs, ocoGroup);
    }

    /// <summary>SplitMix64: a tiny, fixed PRNG, so results never depend on the runtime's <see cref="Random"/>.</summary>
    private sealed class SplitMix64(ulong seed)
    {
        private ulong _state = seed;

        public int Next(int exclusiveMax) => (int)(NextUInt64() % (ulong)exclusiveMax);

        private ulong NextUInt64()
        {
            ulong z = _state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
