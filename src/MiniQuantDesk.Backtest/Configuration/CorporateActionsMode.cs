namespace MiniQuantDesk.Backtest.Configuration;

/// <summary>What a run does with a corporate actions file: never silently ignore it.</summary>
public enum CorporateActionsMode
{
    /// <summary>No corporate actions file was given.</summary>
    None = 0,

    /// <summary>Splits and dividends from the file are applied by the engine at their ex-dates (the bars stay as they are).</summary>
    Apply,

    /// <summary>The windows the file's actions touch are forbidden: a run that crosses one stops.</summary>
    Forbid,
}
