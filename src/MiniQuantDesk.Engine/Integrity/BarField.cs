namespace MiniQuantDesk.Engine.Integrity;

/// <summary>Which value of a bar a decision is about (the evidence of a disagreement or an inconsistency).</summary>
public enum BarField : byte
{
    /// <summary>The decision is about the bar as a whole, or its time.</summary>
    None = 0,

    /// <summary>The open price.</summary>
    Open = 1,

    /// <summary>The high price.</summary>
    High = 2,

    /// <summary>The low price.</summary>
    Low = 3,

    /// <summary>The close price.</summary>
    Close = 4,

    /// <summary>The volume.</summary>
    Volume = 5,
}
