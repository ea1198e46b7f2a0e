namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>Which trading costs a run charges: the conservative defaults, or none at all.</summary>
public enum CostModel
{
    /// <summary>Slippage, commission and the volume cap as configured (conservative by default).</summary>
    Conservative = 0,

    /// <summary>Every cost is zero, the volume cap included; a stress profile still applies on top.</summary>
    None,
}
