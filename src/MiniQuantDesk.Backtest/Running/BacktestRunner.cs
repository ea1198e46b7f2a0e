using System.Globalization;
using MiniQuantDesk.Backtest.Artifacts;
using MiniQuantDesk.Backtest.Data;
using MiniQuantDesk.Backtest.Venue;
using MiniQuantDesk.Engine;
using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Numerics;
using MiniQuantDesk.Engine.Pipeline;
using MiniQuantDesk.Engine.Pipeline.Stages;
using MiniQuantDesk.Engine.Risk;
using MiniQuantDesk.Engine.Strategy;

namespace MiniQuantDesk.Backtest.Running;

/// <summary>
/// Replays bars through the very pipeline live trading uses — integrity, strategy, risk, gateway on the ring, polled
/// on this thread — against the simulated venue. For each bar, in time order:
/// <code>
/// pipeline.PublishCorporateAction ─▶ Poll              an action due at this bar's session open: the engine and the
///                                                      venue (a downstream handler) apply it first
/// venue.OnBar(bar)          resting orders fill at this bar's open (or trigger, or expire)
///   └─▶ reports ─▶ pipeline.PublishBroker ─▶ Poll      the OMS and the portfolio learn of them
/// pipeline.PublishBar(bar) ─▶ Poll                      integrity, the strategy's targets, risk, the gateway decides
///   └─▶ approved commands ─▶ venue.Submit/Cancel       the only way to the venue: through the gateway
///         └─▶ acks ─▶ pipeline.PublishBroker ─▶ Poll
/// </code>
/// So an order decided on bar t's close fills at bar t+1's open at the earliest. Nothing reads a clock; the same
/// request gives the same result, byte for byte.
/// </summary>
public static class BacktestRunner
{
    private const int EngineId = 1;
    private const int ProgressEvery = 4_096;
    private const int InitialOrderCapacity = 4_096;
    private const int MaxOrderCapacity = 1 << 22;

    /// <summary>Orders the venue holds working at once (finished ones free their place).</summary>
    private const int VenueWorkingOrders = 4_096;

    /// <summary>Runs <paramref name="request"/>.</summary>
    /// <exception cref="ArgumentException">The request cannot run: no bars, mixed timeframes, an unknown strategy or
    /// parameter (the message names the valid ones).</exception>
    public static BacktestResult Run(BacktestRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Series.Count == 0)
        {
            throw new ArgumentException("A backtest needs at least one data file (--data FILE.csv).", nameof(request));
        }

        Timeframe timeframe = request.Series[0].Timeframe;
        foreach (BarSeries series in request.Series)
        {
            if (series.Timeframe != timeframe)
            {
                throw new ArgumentException($"One engine runs one timeframe: {request.Series[0].Path} is {timeframe}, {series.Path} is {series.Timeframe}. Run them separately.", nameof(request));
            }
        }

        int symbols = request.Series.Count;
        Func<IStrategy> strategy = () => StrategyCatalog.Create(request.Strategy, request.Parameters, symbols + 1);
        _ = strategy(); // fail now, with the catalog's message, rather than inside the pipeline
        Bar[] bars = Merge(request.Series);

        // The order and fill stores are pre-allocated (the hot path allocates nothing), so they start small: most runs
        // send a few thousand orders. A run that outgrows them halts for capacity; it is then run again, from the
        // start, with four times the room — the same bars and settings give the same result whatever the capacity.
        for (int capacity = InitialOrderCapacity; ; capacity *= 4)
        {
            BacktestResult result = RunOnce(request, bars, timeframe, strategy, symbols, capacity, out Reason halt);
            if (halt.Code != ReasonCode.CapacityExceeded || capacity >= MaxOrderCapacity)
            {
                return result;
            }
        }
    }

    private static BacktestResult RunOnce(BacktestRequest request, Bar[] bars, Timeframe timeframe, Func<IStrategy> strategy, int symbols, int orderCapacity, out Reason halt)
    {
        var spec = new EngineSpec
        {
            EngineId = EngineId,
            RunId = 1,
            Strategy = strategy,
            Timeframe = timeframe,
            InitialCash = request.InitialCash,
            AllocationCap = new Money(long.MaxValue / 4),
            // A research account: no pattern-day-trader rule (it belongs to a broker account type), every other
            // limit at its default.
            Risk = new RiskLimits { PatternDayTraderRule = false },
            SymbolCapacity = symbols + 1,
            OrderCapacity = orderCapacity,
            FillCapacity = orderCapacity * 2,
        };
        var collector = new DecisionCollector();
        var venue = new SimulatedVenue(request.Venue, symbols + 1, VenueWorkingOrders);
        TradingPipeline pipeline = TradingPipeline.Create(new TradingPipelineOptions
        {
            Engines = [spec],
            Driver = PipelineDriver.Polled,
            // The runner publishes one event and polls it through before the next, so the ring never holds more
            // than a few; a small ring stays in cache and off the large-object heap.
            RingSize = 16,
            Downstream = [collector, new VenueCorporateActions(venue)],
        });
        var run = new RunState(request, pipeline, venue, collector);
        BacktestResult result = run.Execute(bars);
        halt = collector.Halt;
        return result;
    }

    /// <summary>All series' bars in event-time order (close time, then symbol), each tagged with its symbol id
    /// (series i is symbol i + 1).</summary>
    private static Bar[] Merge(IReadOnlyList<BarSeries> series)
    {
        if (series.Count == 1 && AllOfSymbolOne(series[0].Bars))
        {
            return series[0].Bars; // already symbol 1, in order: nothing to merge (the runner never writes to it)
        }

        int total = 0;
        foreach (BarSeries s in series)
        {
            total = checked(total + s.Bars.Length);
        }

        var bars = new Bar[total];
        int index = 0;
        for (int i = 0; i < series.Count; i++)
        {
            foreach (Bar bar in series[i].Bars)
            {
                Bar tagged = bar;
                tagged.Symbol = new SymbolId(i + 1);
                bars[index++] = tagged;
            }
        }

        if (series.Count > 1)
        {
            Array.Sort(bars, static (a, b) => a.EndNs != b.EndNs ? a.EndNs.CompareTo(b.EndNs) : a.Symbol.Value.CompareTo(b.Symbol.Value));
        }

        return bars;
    }

    private static bool AllOfSymbolOne(Bar[] bars)
    {
        foreach (ref readonly Bar bar in bars.AsSpan())
        {
            if (bar.Symbol.Value != 1)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>One run's moving parts and what it records.</summary>
    private sealed class RunState(BacktestRequest request, TradingPipeline pipeline, SimulatedVenue venue, DecisionCollector collector)
    {
        private readonly List<FillRecord> _fills = [];
        private readonly List<SplitRecord> _splits = [];
        private readonly List<EquityPoint> _equity = [];
        private readonly List<PendingRunEvent> _events = [];
        private readonly List<VenueReport> _reports = [];
        private int _decisionsLogged;
        private int _nextAction;
        private int _actionsLogged;
        private long _message;

        // When the next scheduled corporate action is due (long.MaxValue when none is left).
        private long _nextActionAtNs = request.CorporateActions.Count > 0 ? request.CorporateActions[0].AtNs : long.MaxValue;

        private ExecutionBook Book { get; } = pipeline.Gateway.BookAt(0);

        public BacktestResult Execute(Bar[] bars)
        {
            _equity.Capacity = bars.Length; // at most one point per bar: no regrowth on long runs
            long armAt = bars.Length > 0 ? bars[0].StartNs - 1 : 0;
            pipeline.PublishControl(EngineId, armAt, ControlKind.ReconcileClean);
            pipeline.PublishControl(EngineId, armAt, ControlKind.Arm);
            pipeline.Poll();
            string? stopped = null;
            long processed = 0;
            for (int i = 0; i < bars.Length; i++)
            {
                ref readonly Bar bar = ref bars[i];
                if (StopAt(bar.EndNs) is { } stop)
                {
                    stopped = stop.Reason;
                    LogStop(stop, bar.StartNs);
                    break;
                }

                PublishCorporateActionsBefore(bar.EndNs);
                int symbolIndex = bar.Symbol.Value;
                venue.OnBar(in bar, symbolIndex);
                DeliverVenueReports();
                pipeline.PublishBar(EngineId, in bar);
                pipeline.Poll();
                SendApproved(bar.EndNs);
                LogDecisions(bar.EndNs);
                processed++;
                if (i + 1 == bars.Length || bars[i + 1].EndNs != bar.EndNs)
                {
                    RecordEquity(bar.EndNs);
                }

                if (processed % ProgressEvery == 0)
                {
                    request.Progress?.Invoke(processed, bars.Length);
                }
            }

            long end = processed > 0 ? bars[processed - 1].EndNs : 0;
            venue.EndOfData(end);
            DeliverVenueReports();
            LogDecisions(end);
            request.Progress?.Invoke(processed, bars.Length);
            if (pipeline.Fault is { } fault)
            {
                throw new InvalidOperationException($"The pipeline stopped on a handler fault: {fault}");
            }

            string? halt = collector.Halt.IsSet ? collector.Halt.Describe() : null;
            if (halt is not null)
            {
                long haltTime = collector.Halt.EventTimeNs;
                _events.Add(Other(haltTime, () => new RunEvent("halt", haltTime, new Dictionary<string, string> { ["reason"] = halt })));
            }

            return new BacktestResult
            {
                Orders = OrderRecords(),
                Fills = _fills,
                Equity = _equity,
                Events = new DeferredRunEvents(_events, Format),
                Bars = bars.Length,
                BarsProcessed = processed,
                InitialCash = request.InitialCash,
                FinalEquity = Book.Portfolio.Equity,
                Halt = halt,
                Splits = _splits,
                Stopped = stopped,
            };
        }

        /// <summary>
        /// Publishes every scheduled corporate action due before the bar that ends at <paramref name="barEndNs"/>
        /// (its time, the ex-date's open, is before the first bar of that session ends), so the engine and the venue
        /// apply it before that bar's open fills anything. Each one the portfolio applied is logged with what it did.
        /// </summary>
        private void PublishCorporateActionsBefore(long barEndNs)
        {
            if (barEndNs <= _nextActionAtNs)
            {
                return; // the usual bar: no action due before it
            }

            IReadOnlyList<ScheduledCorporateAction> actions = request.CorporateActions;
            for (; _nextAction < actions.Count && actions[_nextAction].AtNs < barEndNs; _nextAction++)
            {
                ScheduledCorporateAction scheduled = actions[_nextAction];
                pipeline.PublishCorporateAction(EngineId, scheduled.AtNs, scheduled.Action);
                pipeline.Poll();
                DeliverVenueReports();
                ReadOnlySpan<Engine.Portfolio.AppliedCorporateAction> applied = Book.Portfolio.CorporateActions.Actions;
                for (; _actionsLogged < applied.Length; _actionsLogged++)
                {
                    Engine.Portfolio.AppliedCorporateAction done = applied[_actionsLogged];
                    string symbol = request.Series[done.Action.Symbol.Value - 1].Symbol;
                    if (done.Action.Type == CorporateActionType.Split)
                    {
                        _splits.Add(new SplitRecord(done.EventTimeNs, symbol, done.Action.Ratio.NewShares, done.Action.Ratio.OldShares));
                    }

                    _events.Add(Other(done.EventTimeNs, () => CorporateActionEvent(scheduled.Description, symbol, done)));
                }

                LogDecisions(scheduled.AtNs);
            }

            _nextActionAtNs = _nextAction < actions.Count ? actions[_nextAction].AtNs : long.MaxValue;
        }

        private static RunEvent CorporateActionEvent(string description, string symbol, Engine.Portfolio.AppliedCorporateAction done)
        {
            var fields = new Dictionary<string, string>
            {
                ["action"] = description,
                ["symbol"] = symbol,
                ["kind"] = done.Action.Type == CorporateActionType.Split ? "split" : "dividend",
                ["ratio_or_amount"] = done.Action.Type == CorporateActionType.Split ? done.Action.Ratio.ToString() : DecimalText.FormatMicros(done.Action.DividendMicros),
                ["reference_price"] = done.Action.ReferencePrice.ToString(),
                ["position_before"] = done.PositionBefore.ToString(CultureInfo.InvariantCulture),
                ["position_after"] = done.PositionAfter.ToString(CultureInfo.InvariantCulture),
                ["cash"] = done.Cash.ToString(),
            };
            return new RunEvent("corporate_action", done.EventTimeNs, fields);
        }

        private readonly RunStop? _firstStop = request.Stops.Count == 0 ? null : request.Stops.MinBy(static s => s.AtNs);

        /// <summary>The stop that applies at <paramref name="timeNs"/>: the earliest, once its time has come.</summary>
        private RunStop? StopAt(long timeNs) => _firstStop is { } stop && stop.AtNs <= timeNs ? stop : null;

        /// <summary>Sends what the gateway approved to the venue, then delivers the venue's answers.</summary>
        private void SendApproved(long decisionTimeNs)
        {
            while (collector.Approved.Count > 0)
            {
                // The decision goes into the event log before the venue's answer to it.
                LogDecisions(decisionTimeNs);
                OrderCommand[] commands = [.. collector.Approved];
                collector.Approved.Clear();
                foreach (OrderCommand command in commands)
                {
                    switch (command.Kind)
                    {
                        case CommandKind.Submit or CommandKind.Flatten:
                            ref readonly Order order = ref Book.Orders.Get(command.Order);
                            venue.Submit(new VenueOrder(
                                command.ClientOrderId,
                                command.Order.Value,
                                command.Symbol.Value,
                                command.Side,
                                order.Type,
                                order.TimeInForce,
                                command.Quantity,
                                command.LimitPrice,
                                default,
                                decisionTimeNs,
                                0));
                            break;
                        case CommandKind.Cancel:
                            venue.Cancel(command.ClientOrderId, decisionTimeNs);
                            break;
                        case CommandKind.Replace:
                            venue.Replace(command.ClientOrderId, command.Quantity, command.LimitPrice, decisionTimeNs);
                            break;
                    }
                }

                DeliverVenueReports();
            }
        }

        private void DeliverVenueReports()
        {
            while (venue.TryDequeue(out VenueReport report))
            {
                BrokerOrderEvent message = Translate(in report);
                pipeline.PublishBroker(in message);
                pipeline.Poll();
                Record(in report);
            }
        }

        private BrokerOrderEvent Translate(in VenueReport report) => new()
        {
            Kind = report.Kind switch
            {
                VenueReportKind.Ack => BrokerEventKind.Ack,
                VenueReportKind.Reject => BrokerEventKind.Reject,
                VenueReportKind.Fill => BrokerEventKind.Fill,
                VenueReportKind.CancelAck => BrokerEventKind.CancelAck,
                VenueReportKind.CancelReject => BrokerEventKind.CancelReject,
                VenueReportKind.Replaced => BrokerEventKind.ReplaceAck,
                VenueReportKind.ReplaceReject => BrokerEventKind.ReplaceReject,
                VenueReportKind.Expired => BrokerEventKind.Expired,
                _ => BrokerEventKind.None,
            },
            ClientOrderId = report.ClientOrderId,
            BrokerOrderId = new BrokerOrderId(report.BrokerOrderId),
            MessageId = ++_message,
            FillId = report.FillId,
            Symbol = new SymbolId(report.SymbolIndex),
            Side = report.Side,
            Quantity = report.Quantity,
            Price = report.Price,
            Fee = report.Fee,
            EventTimeNs = report.TimeNs,
        };

        // Out of the bar loop's body: a lambda there would allocate its captures on every bar.
        private void LogStop(RunStop stop, long stopTime) =>
            _events.Add(Other(stopTime, () => new RunEvent("stop", stopTime, new Dictionary<string, string> { ["reason"] = stop.Reason })));

        private static PendingRunEvent Other(long timeNs, Func<RunEvent> format) => new(PendingRunEventKind.Other, -1, timeNs, format);

        private RunEvent Format(PendingRunEvent pending) => pending.Kind switch
        {
            PendingRunEventKind.VenueReport => ReportEvent(_reports[pending.Index], SymbolOf(_reports[pending.Index])),
            PendingRunEventKind.Decision => DecisionEvent(collector.Decisions[pending.Index], pending.TimeNs),
            _ => pending.Format!(),
        };

        private string? SymbolOf(in VenueReport report) =>
            report.Kind == VenueReportKind.Fill ? request.Series[report.SymbolIndex - 1].Symbol : null;

        private void Record(in VenueReport report)
        {
            _events.Add(new PendingRunEvent(PendingRunEventKind.VenueReport, _reports.Count, report.TimeNs));
            _reports.Add(report);
            if (report.Kind == VenueReportKind.Fill)
            {
                string symbol = request.Series[report.SymbolIndex - 1].Symbol;
                long orderId = Book.Orders.TryFind(report.ClientOrderId, out OrderId id) ? id.Value : 0;
                _fills.Add(new FillRecord(report.TimeNs, orderId, report.ClientOrderId.ToString(), symbol, report.Side, report.Quantity, report.Price.Micros, report.Fee.Micros));
            }
        }

        private static RunEvent ReportEvent(in VenueReport report, string? symbol)
        {
            var fields = new Dictionary<string, string>
            {
                ["client_order_id"] = report.ClientOrderId.ToString(),
                ["broker_order_id"] = report.BrokerOrderId.ToString(CultureInfo.InvariantCulture),
            };
            if (report.Kind == VenueReportKind.Fill)
            {
                fields["fill_id"] = report.FillId.ToString(CultureInfo.InvariantCulture);
                fields["symbol"] = symbol ?? string.Empty;
                fields["side"] = report.Side == Side.Buy ? "buy" : "sell";
                fields["qty"] = report.Quantity.ToString(CultureInfo.InvariantCulture);
                fields["price"] = report.Price.ToString();
                fields["fee"] = report.Fee.ToString();
            }
            else if (report.Kind is VenueReportKind.Reject or VenueReportKind.CancelReject or VenueReportKind.ReplaceReject)
            {
                fields["reason"] = report.Reason.ToString();
            }

            return new RunEvent(report.Kind.ToString().ToLowerInvariant(), report.TimeNs, fields);
        }

        private void LogDecisions(long timeNs)
        {
            for (; _decisionsLogged < collector.Decisions.Count; _decisionsLogged++)
            {
                long decidedAt = collector.Decisions[_decisionsLogged].Command.EventTimeNs;
                long at = decidedAt != 0 ? decidedAt : timeNs;
                _events.Add(new PendingRunEvent(PendingRunEventKind.Decision, _decisionsLogged, at));
            }
        }

        private RunEvent DecisionEvent(CommandDecision decision, long timeNs)
        {
            OrderCommand command = decision.Command;
            var fields = new Dictionary<string, string>
            {
                ["command"] = command.Kind.ToString().ToLowerInvariant(),
                ["client_order_id"] = command.ClientOrderId.IsSet ? command.ClientOrderId.ToString() : string.Empty,
                ["symbol"] = command.Symbol.Value > 0 && command.Symbol.Value <= request.Series.Count ? request.Series[command.Symbol.Value - 1].Symbol : string.Empty,
                ["side"] = command.Side == Side.Buy ? "buy" : command.Side == Side.Sell ? "sell" : string.Empty,
                ["qty"] = command.Quantity.ToString(CultureInfo.InvariantCulture),
                ["approved"] = decision.Decision.IsApproved ? "true" : "false",
                ["reason"] = decision.Decision.Reason.IsSet ? decision.Decision.Reason.Describe() : string.Empty,
            };
            return new RunEvent("decision", timeNs, fields);
        }

        private void RecordEquity(long timeNs)
        {
            Engine.Portfolio.EnginePortfolio portfolio = Book.Portfolio;
            _equity.Add(new EquityPoint(timeNs, portfolio.Equity.Micros, portfolio.Cash.Micros, portfolio.GrossExposure.Micros));
        }

        private List<OrderRecord> OrderRecords()
        {
            var records = new List<OrderRecord>();
            foreach (CommandDecision decision in collector.Decisions)
            {
                OrderCommand command = decision.Command;
                if (command.Kind is not (CommandKind.Submit or CommandKind.Flatten))
                {
                    continue;
                }

                string symbol = command.Symbol.Value > 0 && command.Symbol.Value <= request.Series.Count ? request.Series[command.Symbol.Value - 1].Symbol : string.Empty;
                bool known = Book.Orders.Contains(command.Order);
                Order order = known ? Book.Orders.Get(command.Order) : default;
                string status = !decision.Decision.IsApproved ? "refused" : known ? StatusOf(order.State) : "unknown";
                records.Add(new OrderRecord(
                    command.EventTimeNs,
                    command.Order.Value,
                    command.ClientOrderId.IsSet ? command.ClientOrderId.ToString() : string.Empty,
                    symbol,
                    command.Side,
                    known ? order.Type : OrderType.Market,
                    known ? order.TimeInForce : TimeInForce.GoodTillCanceled,
                    command.Quantity,
                    command.LimitPrice.Micros,
                    status,
                    known ? order.FilledQuantity : 0,
                    decision.Decision.Reason.IsSet ? decision.Decision.Reason.Describe() : string.Empty));
            }

            return records;
        }

        private static string StatusOf(OrderState state) => state.ToString().ToLowerInvariant();
    }
}
