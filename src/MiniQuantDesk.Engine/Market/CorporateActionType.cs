namespace MiniQuantDesk.Engine.Market;

/// <summary>What a corporate action does to a holding of its symbol.</summary>
public enum CorporateActionType : byte
{
    /// <summary>Not set: refused as malformed.</summary>
    None = 0,

    /// <summary>Shares are split (or merged): every <see cref="SplitRatio.OldShares"/> shares become
    /// <see cref="SplitRatio.NewShares"/>.</summary>
    Split = 1,

    /// <summary>Cash per share is paid to a long position and charged to a short one.</summary>
    Dividend = 2,
}
