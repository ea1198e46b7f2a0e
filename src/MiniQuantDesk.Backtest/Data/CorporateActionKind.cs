namespace MiniQuantDesk.Backtest.Data;

/// <summary>What a corporate action does to a position.</summary>
public enum CorporateActionKind
{
    /// <summary>Shares are split (or merged): each old share becomes Numerator/Denominator new ones.</summary>
    Split = 1,

    /// <summary>A cash dividend per share.</summary>
    Dividend = 2,
}
