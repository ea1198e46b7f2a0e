using MiniQuantDesk.Engine.Market;

namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// For each symbol, the lots its last corporate action left, as the ledger recomputation derived them: the oldest
/// lots the fills after the action are matched against, until those fills explain the whole position (then the
/// base is spent and forgotten). All bases share one pool of lot entries allocated at construction; a new base is
/// appended, and when the pool is full the live bases are moved down over the spent ones (in the order they were
/// set, so each move is to a lower index).
/// </summary>
internal sealed class CorporateActionBases
{
    private readonly Lot[] _pool;
    private readonly int[] _offset;
    private readonly int[] _count;
    private readonly int[] _action;
    private readonly bool[] _live;
    private int _top;

    public CorporateActionBases(int capacity, int symbolSlots)
    {
        _pool = Preallocated.Array<Lot>(capacity);
        _offset = new int[symbolSlots];
        _count = new int[symbolSlots];
        _action = new int[symbolSlots];
        _live = new bool[symbolSlots];
        Clear();
    }

    /// <summary>How many lot entries the pool holds.</summary>
    public int Capacity => _pool.Length;

    /// <summary>The lots of <paramref name="symbol"/>'s live base, oldest first; empty when it has none.</summary>
    public ReadOnlySpan<Lot> LiveLots(SymbolId symbol) =>
        _live[symbol.Value] ? _pool.AsSpan(_offset[symbol.Value], _count[symbol.Value]) : ReadOnlySpan<Lot>.Empty;

    /// <summary>Keeps <paramref name="symbol"/>'s base live only if the last recomputation still needed it.</summary>
    public void KeepLiveIf(SymbolId symbol, bool used) => _live[symbol.Value] &= used;

    /// <summary>Makes <paramref name="lots"/> <paramref name="symbol"/>'s base, set by the action at
    /// <paramref name="actionIndex"/>; false when the pool cannot hold them even after compaction.</summary>
    public bool TrySet(SymbolId symbol, int actionIndex, ReadOnlySpan<Lot> lots, ReadOnlySpan<AppliedCorporateAction> actions)
    {
        int s = symbol.Value;
        _live[s] = false;
        if (_top + lots.Length > _pool.Length)
        {
            Compact(actions);
            if (_top + lots.Length > _pool.Length)
            {
                return false;
            }
        }

        lots.CopyTo(_pool.AsSpan(_top));
        _offset[s] = _top;
        _count[s] = lots.Length;
        _action[s] = actionIndex;
        _live[s] = lots.Length > 0;
        _top += lots.Length;
        return true;
    }

    /// <summary>Forgets every base.</summary>
    public void Clear()
    {
        Array.Clear(_live);
        Array.Fill(_action, -1);
        _top = 0;
    }

    /// <summary>Moves the live bases down to the start of the pool, in the order their actions were applied (which
    /// is the order they lie in the pool).</summary>
    private void Compact(ReadOnlySpan<AppliedCorporateAction> actions)
    {
        int top = 0;
        for (int a = 0; a < actions.Length; a++)
        {
            int s = actions[a].Action.Symbol.Value;
            if ((uint)s >= (uint)_live.Length || _action[s] != a || !_live[s])
            {
                continue;
            }

            Array.Copy(_pool, _offset[s], _pool, top, _count[s]);
            _offset[s] = top;
            top += _count[s];
        }

        _top = top;
    }
}
