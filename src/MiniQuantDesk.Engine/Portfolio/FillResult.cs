namespace MiniQuantDesk.Engine.Portfolio;

/// <summary>
/// The outcome of handing a fill to the portfolio. A refused fill carries the reason it was refused; an applied
/// fill carries <see cref="ReasonCode.PortfolioMismatch"/> when the ledger check failed after applying it.
/// </summary>
/// <param name="Status">Applied, duplicate or refused.</param>
/// <param name="Reason">Why the portfolio halted, or <see cref="Reason.None"/>.</param>
public readonly record struct FillResult(FillStatus Status, Reason Reason)
{
    /// <summary>Applied, and the ledger check agreed.</summary>
    public static readonly FillResult Applied = new(FillStatus.Applied, Reason.None);

    /// <summary>Seen before with the same terms; nothing changed.</summary>
    public static readonly FillResult Duplicate = new(FillStatus.Duplicate, Reason.None);

    /// <summary>True when the outcome halts the engine (a refusal or a failed ledger check).</summary>
    public bool IsHalt => Reason.IsSet;
}
