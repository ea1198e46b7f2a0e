using MiniQuantDesk.Engine.Execution;
using MiniQuantDesk.Engine.Gateway;
using MiniQuantDesk.Engine.Market;
using MiniQuantDesk.Engine.Portfolio;
using MiniQuantDesk.Engine.Reconcile;
using MiniQuantDesk.Engine.Risk;

namespace MiniQuantDesk.Engine.Pipeline.Stages;

/// <summary>
/// One engine's execution state, owned by the gateway stage: its order manager, portfolio, gateway and reconcile
/// status, the orders still working (for the quantity already on its way, per symbol), and the engine's sticky halt
/// — the first halt of any stage.
/// </summary>
public sealed class ExecutionBook
{
    private readonly OrderId[] _live;
    private int _liveCount;

    internal ExecutionBook(EngineSpec spec)
    {
        EngineId = spec.EngineId;
        RunId = spec.RunId;
        Orders = new OrderManager(
            spec.EngineId,
            spec.RunId,
            orderCapacity: spec.OrderCapacity,
            fillCapacity: spec.FillCapacity,
            messageCapacity: checked(spec.OrderCapacity * 8),
            brokerOrderIdCapacity: spec.OrderCapacity);
        Portfolio = new EnginePortfolio(spec.EngineId, new PortfolioOptions
        {
            InitialCash = spec.InitialCash,
            AllocationCap = spec.AllocationCap,
            SymbolCapacity = spec.SymbolCapacity,
            FillCapacity = spec.FillCapacity,
        });
        Reconcile = new ReconcileStatus(spec.ReconcileMaxAgeNs);
        Gateway = new OrderGateway(spec.EngineId, spec.Risk, Reconcile);
        Account = new AccountMirror(spec.EngineId, spec.InitialCash, spec.SymbolCapacity, spec.FillCapacity);
        _live = Preallocated.Array<OrderId>(spec.OrderCapacity);
    }

    /// <summary>The engine's id.</summary>
    public int EngineId { get; }

    /// <summary>The run, part of every client order id.</summary>
    public long RunId { get; }

    /// <summary>The engine's orders.</summary>
    public OrderManager Orders { get; }

    /// <summary>The engine's positions, cash and PnL.</summary>
    public EnginePortfolio Portfolio { get; }

    /// <summary>The engine's gateway.</summary>
    public OrderGateway Gateway { get; }

    /// <summary>Whether the engine's positions are reconciled with the broker.</summary>
    public ReconcileStatus Reconcile { get; }

    /// <summary>The engine's account as the fills report it (for the day each position was opened). Bars do not mark
    /// it — only its positions, cash and opening days are read — so its equity values each position at its last fill
    /// price; the portfolio's equity is the marked one.</summary>
    public AccountMirror Account { get; }

    /// <summary>The engine's sticky halt: the first halt of any stage, until an operator clears it.</summary>
    public Reason Halt { get; private set; }

    /// <summary>How many orders are working.</summary>
    public int LiveOrderCount => _liveCount;

    /// <summary>The working order at <paramref name="index"/> (0 to <see cref="LiveOrderCount"/> − 1).</summary>
    public OrderId LiveOrderAt(int index) => _live[index];

    /// <summary>Halts the engine; returns true when this is the first halt (the reason kept).</summary>
    internal bool HaltWith(Reason reason)
    {
        if (Halt.IsSet || !reason.IsSet)
        {
            return false;
        }

        Halt = reason;
        return true;
    }

    internal void ClearHalt() => Halt = Reason.None;

    /// <summary>The account-level risk state the gateway judges with: the risk stage's, with the engine's own sticky
    /// halt when risk has none (an order manager or portfolio halt must stop new orders too).</summary>
    internal RiskSnapshot RiskWithHalt(in RiskSnapshot risk) => risk.Halt.IsSet || !Halt.IsSet ? risk : risk with { Halt = Halt };

    internal void AddLive(OrderId order) => _live[_liveCount++] = order;

    /// <summary>Forgets orders that ended (kept in order, so that a flatten cancels them in a stable order).</summary>
    internal void DropEnded()
    {
        int kept = 0;
        for (int i = 0; i < _liveCount; i++)
        {
            if (!Orders.Get(_live[i]).State.IsTerminal())
            {
                _live[kept++] = _live[i];
            }
        }

        _liveCount = kept;
    }

    /// <summary>The signed quantity still to fill on the working orders of <paramref name="symbol"/>.</summary>
    internal long WorkingQuantity(SymbolId symbol)
    {
        long working = 0;
        for (int i = 0; i < _liveCount; i++)
        {
            ref readonly Order order = ref Orders.Get(_live[i]);
            if (order.Symbol == symbol)
            {
                working += order.Side == Side.Buy ? order.LeavesQuantity : -order.LeavesQuantity;
            }
        }

        return working;
    }
}
