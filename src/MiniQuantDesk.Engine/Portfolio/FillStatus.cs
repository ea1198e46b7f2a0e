namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>What became of a fill handed to the portfolio.</summary>
public enum FillStatus : byte
{
    /// <summary>Not set.</summary>
    None = 0,

    /// <summary>The fill changed the portfolio and was recorded in the fill ledger.</summary>
    Applied = 1,

    /// <summary>The fill id was applied before, with the same terms: nothing changed (exactly once).</summary>
    Duplicate = 2,

    /// <summary>The fill was refused with a reason and changed nothing; the portfolio halted.</summary>
    Refused = 3,
}
