namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// Every corporate action the portfolio applied, in order, each placed among the fills of the
/// <see cref="FillLedger"/> by its <see cref="AppliedCorporateAction.FillPosition"/>: together the two ledgers are the
/// record the portfolio's state is recomputed from. Allocated in full at construction; when full, the portfolio
/// refuses the action rather than forget it.
/// </summary>
public sealed class CorporateActionLedger
{
    private readonly AppliedCorporateAction[] _actions;

    internal CorporateActionLedger(int capacity) => _actions = Preallocated.Array<AppliedCorporateAction>(capacity);

    /// <summary>How many actions are recorded.</summary>
    public int Count { get; private set; }

    /// <summary>How many actions the ledger can hold.</summary>
    public int Capacity => _actions.Length;

    /// <summary>True when no further action can be recorded.</summary>
    public bool IsFull => Count == _actions.Length;

    /// <summary>The recorded actions, oldest first.</summary>
    public ReadOnlySpan<AppliedCorporateAction> Actions => _actions.AsSpan(0, Count);

    /// <summary>Records an action; the caller has checked <see cref="IsFull"/>.</summary>
    internal void Append(in AppliedCorporateAction action) => _actions[Count++] = action;

    /// <summary>Forgets every action (the entries stay in place, so a rebuild may replay this very ledger).</summary>
    internal void Clear() => Count = 0;
}
